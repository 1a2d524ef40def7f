package io.github.sectrust4j.truststores;

import java.util.Locale;

/**
 * State of a Certificate Transparency log in Apple's log list (spec §8.4). Older list shapes
 * are mapped onto this vocabulary: "Included" → {@link #USABLE}, "Frozen"/"frozen" →
 * {@link #READONLY}, "Disqualified" → {@link #RETIRED} at its disqualification time.
 * The declaration order is part of the resource format: append only.
 */
public enum CtLogState {
    /** Omitted on device: SCTs from it never count. */
    PENDING,
    /** Current, no dates. */
    QUALIFIED,
    /** Current, no dates. */
    USABLE,
    /** Current for SCTs up to the state timestamp (frozen). */
    READONLY,
    /** Counts for SCTs before the state timestamp (retirement time). */
    RETIRED,
    /** Omitted on device: SCTs from it never count. */
    REJECTED;

    /** Whether Apple's conversion keeps the log in the on-device list at all (§8.4). */
    public boolean onDevice() {
        return this != PENDING && this != REJECTED;
    }

    /** The state named by a v3+ log list key ({@code usable}, {@code retired}, …). */
    public static CtLogState fromJson(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown CT log state: " + name, e);
        }
    }
}
