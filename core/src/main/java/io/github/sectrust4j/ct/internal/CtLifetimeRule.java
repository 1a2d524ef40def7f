package io.github.sectrust4j.ct.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How many embedded SCTs path B needs for a leaf (spec §8.3).
 *
 * @param policy   which table applied
 * @param months   whole calendar months between notBefore and notAfter (the v1 measure)
 * @param lifetime notAfter − notBefore (the v2 measure)
 * @param required the number of distinct logs (operators on iOS 9) needed
 */
public record CtLifetimeRule(Policy policy, long months, Duration lifetime, int required) {
    /** Policy v2 applies to leaves with notBefore on or after this instant (from iOS 14.6). */
    public static final Instant POLICY_V2_CUTOVER = Instant.parse("2021-04-21T00:00:00Z");

    public CtLifetimeRule {
        requireNonNull(policy, "policy");
        requireNonNull(lifetime, "lifetime");
    }

    /** The two lifetime tables. */
    public enum Policy {
        /** Calendar months, truncated: &lt; 15 → 2; 15–27 → 3; 28–39 → 4; &gt; 39 → 5. */
        V1_CALENDAR_MONTHS,
        /** Seconds: ≤ 180 days → 2; ≤ 825 days → 3; otherwise 4. */
        V2_SECONDS
    }

    /** The rule for a leaf with these dates under the CT rules of one release. */
    public static CtLifetimeRule forLeaf(Instant notBefore, Instant notAfter, CtReleaseRules rules) {
        return forLeaf(notBefore, notAfter, calendarMonths(notBefore, notAfter), rules);
    }

    /** As {@link #forLeaf(Instant, Instant, CtReleaseRules)} with the leaf's {@link #calendarMonths} already known. */
    static CtLifetimeRule forLeaf(Instant notBefore, Instant notAfter, long months, CtReleaseRules rules) {
        Duration lifetime = between(notBefore, notAfter);
        // v2 ships in the 14.6 drop (§13.3); earlier releases apply v1 to every leaf
        boolean v2 = rules.lifetimePolicyV2() && !notBefore.isBefore(POLICY_V2_CUTOVER);
        return v2
                ? new CtLifetimeRule(Policy.V2_SECONDS, months, lifetime, requiredV2(lifetime))
                : new CtLifetimeRule(Policy.V1_CALENDAR_MONTHS, months, lifetime, requiredV1(months));
    }

    /**
     * {@code Duration.between(from, to)}, from the two instants' fields: the exact difference (an instant's seconds
     * lie within ±3.2e16, so the difference fits a long) without the generic temporal arithmetic through nanoseconds.
     */
    static Duration between(Instant from, Instant to) {
        return Duration.ofSeconds(to.getEpochSecond() - from.getEpochSecond(), (long) to.getNano() - from.getNano());
    }

    static int requiredV1(long months) {
        if (months < 15) {
            return 2;
        }
        if (months <= 27) {
            return 3;
        }
        return months <= 39 ? 4 : 5;
    }

    static int requiredV2(Duration lifetime) {
        long seconds = lifetime.getSeconds(); // the code compares the raw difference, no +1 s (§8.3)
        if (seconds <= 180L * 86_400) {
            return 2;
        }
        return seconds <= 825L * 86_400 ? 3 : 4;
    }

    /**
     * Whole months between two instants in the UTC Gregorian calendar, as Apple's calendar difference
     * (ICU field difference) counts them: the largest n such that {@code from} plus n months (day of
     * month pinned to the month's end) is not after {@code to}. So Jan 31 → Feb 28 is one month, where
     * {@link ChronoUnit#MONTHS} would say zero. [inferred: ICU semantics of CFCalendar]
     */
    static long calendarMonths(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return -calendarMonths(to, from);
        }
        // local date-times at UTC: the same arithmetic as UTC ZonedDateTimes (a fixed offset has no gaps), cheaper
        LocalDateTime start = LocalDateTime.ofEpochSecond(from.getEpochSecond(), from.getNano(), ZoneOffset.UTC);
        LocalDateTime end = LocalDateTime.ofEpochSecond(to.getEpochSecond(), to.getNano(), ZoneOffset.UTC);
        long n = ChronoUnit.MONTHS.between(start, end);
        while (!start.plusMonths(n + 1).isAfter(end)) {
            n++;
        }
        while (n > 0 && start.plusMonths(n).isAfter(end)) {
            n--;
        }
        return n;
    }

    /** "13 months" or "397 days" (plus seconds when not whole days), for reports. */
    public String describeLifetime() {
        return appendLifetime(new StringBuilder(24)).toString();
    }

    /** Appends {@link #describeLifetime()}'s text to {@code out}. */
    StringBuilder appendLifetime(StringBuilder out) {
        if (policy == Policy.V1_CALENDAR_MONTHS) {
            return out.append(months).append(" calendar months");
        }
        long s = lifetime.getSeconds();
        out.append(s / 86_400).append(" days");
        return s % 86_400 == 0 ? out : out.append(' ').append(s % 86_400).append(" s");
    }
}
