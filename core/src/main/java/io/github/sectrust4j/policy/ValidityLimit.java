package io.github.sectrust4j.policy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of a maximum-leaf-validity table (§5.2): applies to leaves whose notBefore lies in the
 * window, and fails when {@code notAfter − notBefore} (seconds, no +1 s) exceeds {@code maxSeconds}.
 *
 * @param from          start of the notBefore window
 * @param strictlyAfter true when the window starts strictly after {@code from} (iOS 13–15 other-trust rule)
 * @param before        end of the notBefore window (exclusive), if any
 * @param maxSeconds    the longest accepted length
 * @param label         how Apple/the doc names the limit, e.g. "825 days + 3600 s"
 */
public record ValidityLimit(
        Instant from, boolean strictlyAfter, Optional<Instant> before, long maxSeconds, String label) {
    public ValidityLimit {
        requireNonNull(from, "from");
        requireNonNull(before, "before");
        requireNonNull(label, "label");
    }

    static final long DAY = 86_400L;
    /** 825 days + 3600 s = 71 283 600 s (§5.2). */
    public static final long DAYS_825_PLUS_HOUR = 825 * DAY + 3600;
    /** 398 days = 34 387 200 s, no slip (§5.2). */
    public static final long DAYS_398 = 398 * DAY;
    /** 39 months: 1188 days + 3600 s (§5.2, iOS 13–15). */
    public static final long DAYS_1188_PLUS_HOUR = 1188 * DAY + 3600;
    /** 60 months: 5 × 365 + 2 days + 3600 s = 157 856 400 s (§5.2, iOS 13–15). */
    public static final long MONTHS_60 = (5 * 365 + 2) * DAY + 3600;

    static ValidityLimit onOrAfter(Instant from, long maxSeconds, String label) {
        return new ValidityLimit(from, false, Optional.empty(), maxSeconds, label);
    }

    static ValidityLimit strictlyAfter(Instant from, long maxSeconds, String label) {
        return new ValidityLimit(from, true, Optional.empty(), maxSeconds, label);
    }

    static ValidityLimit window(Instant from, Instant before, long maxSeconds, String label) {
        return new ValidityLimit(from, false, Optional.of(before), maxSeconds, label);
    }

    /** Whether a leaf with this notBefore falls under the limit. */
    public boolean appliesTo(Instant notBefore) {
        boolean started = strictlyAfter ? notBefore.isAfter(from) : !notBefore.isBefore(from);
        return started && before.map(notBefore::isBefore).orElse(true);
    }

    /** Whether a leaf with these dates violates the limit ({@code notBefore ≥ E and length > M}). */
    public boolean violatedBy(Instant notBefore, long lengthSeconds) {
        return appliesTo(notBefore) && lengthSeconds > maxSeconds;
    }
}
