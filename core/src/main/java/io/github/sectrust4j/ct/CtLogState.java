package io.github.sectrust4j.ct;

/** The state of a log in a log list (schema v5), as iOS converts it (spec §8.4). */
public enum CtLogState {
    /** Current, no dates. */
    USABLE,
    /** Current, no dates (iOS treats it like usable). */
    QUALIFIED,
    /** Frozen at the state timestamp: SCTs after it are invalid. Still a current log. */
    READONLY,
    /** Retired at the state timestamp: only embedded SCTs count, under the §8.3 conditions. */
    RETIRED,
    /** Omitted from the on-device list: its SCTs never count. */
    PENDING,
    /** Omitted from the on-device list: its SCTs never count, even historical ones. */
    REJECTED;

    /** True if iOS includes the log in its trusted-log set (§8.4). */
    public boolean isTrusted() {
        return this != PENDING && this != REJECTED;
    }

    /** True for the states that need a state timestamp on device (frozen or retirement time). */
    public boolean needsTimestamp() {
        return this == READONLY || this == RETIRED;
    }

    /** Parses a log-list state name ("usable", "readonly", ...), case-insensitively. */
    public static CtLogState fromName(String name) {
        if (name != null) {
            for (CtLogState s : values()) {
                if (s.name().equalsIgnoreCase(name.trim())) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("Unknown CT log state '" + name
                + "' (expected usable, qualified, readonly, retired, pending or rejected)");
    }
}
