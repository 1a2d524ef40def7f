package io.github.sectrust4j.ct.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.policy.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** The lifetime tables of §8.3: v1 calendar months, v2 seconds, and the 2021-04-21 cut-over. */
class CtLifetimeRuleTest {
    static final IosRelease IOS_17 = IosRelease.parse("17.0");
    static final Instant V1_START = Instant.parse("2015-01-01T00:00:00Z");

    /** The v1 table exactly as the spec states it. */
    static int v1Table(long months) {
        return months < 15 ? 2 : months <= 27 ? 3 : months <= 39 ? 4 : 5;
    }

    @Provide
    Arbitrary<Instant> v1NotBefore() {
        // v1 leaves: notBefore before the cut-over; whole seconds like X.509 times
        long from = V1_START.getEpochSecond();
        long to = CtLifetimeRule.POLICY_V2_CUTOVER.getEpochSecond() - 1;
        return Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Integer> monthBoundaries() {
        return Arbitraries.of(1, 14, 15, 16, 27, 28, 39, 40, 60);
    }

    @Property(tries = 300)
    void v1_exactlyNMonths_countsN_andOneSecondLess_countsNMinusOne(
            @ForAll("v1NotBefore") Instant notBefore, @ForAll("monthBoundaries") int n) {
        Statistics.collect(v1Table(n));
        Statistics.coverage(c -> {
            c.check(2).count(k -> k > 0);
            c.check(3).count(k -> k > 0);
            c.check(4).count(k -> k > 0);
            c.check(5).count(k -> k > 0);
        });
        Instant exact = notBefore.atZone(ZoneOffset.UTC).plusMonths(n).toInstant();

        CtLifetimeRule atN = CtLifetimeRule.forLeaf(
                notBefore, exact, RuleSet.forRelease(IOS_17).ctRules());
        CtLifetimeRule below = CtLifetimeRule.forLeaf(
                notBefore, exact.minusSeconds(1), RuleSet.forRelease(IOS_17).ctRules());

        assertThat(atN.policy()).isEqualTo(CtLifetimeRule.Policy.V1_CALENDAR_MONTHS);
        assertThat(atN.months()).isEqualTo(n);
        assertThat(atN.required()).isEqualTo(v1Table(n));
        assertThat(below.months()).isEqualTo(n - 1);
        assertThat(below.required()).isEqualTo(v1Table(n - 1));
    }

    @Test
    void v1_tableSteps_at15_28_40Months() {
        assertThat(CtLifetimeRule.requiredV1(14)).isEqualTo(2);
        assertThat(CtLifetimeRule.requiredV1(15)).isEqualTo(3);
        assertThat(CtLifetimeRule.requiredV1(27)).isEqualTo(3);
        assertThat(CtLifetimeRule.requiredV1(28)).isEqualTo(4);
        assertThat(CtLifetimeRule.requiredV1(39)).isEqualTo(4);
        assertThat(CtLifetimeRule.requiredV1(40)).isEqualTo(5);
    }

    @Test
    void v1_monthEndPinning_followsTheCalendarDifference() {
        // Jan 31 + 1 month pins to Feb 28/29: that is a whole month for a calendar difference
        assertThat(CtLifetimeRule.calendarMonths(
                        Instant.parse("2019-01-31T00:00:00Z"), Instant.parse("2019-02-28T00:00:00Z")))
                .isEqualTo(1);
        assertThat(CtLifetimeRule.calendarMonths(
                        Instant.parse("2019-01-31T00:00:00Z"), Instant.parse("2019-02-27T23:59:59Z")))
                .isZero();
        assertThat(CtLifetimeRule.calendarMonths(
                        Instant.parse("2019-01-15T12:00:00Z"), Instant.parse("2020-04-15T11:59:59Z")))
                .isEqualTo(14);
    }

    @Provide
    Arbitrary<Instant> v2NotBefore() {
        long from = CtLifetimeRule.POLICY_V2_CUTOVER.getEpochSecond();
        return Arbitraries.longs().between(from, from + 10L * 365 * 86_400).map(Instant::ofEpochSecond);
    }

    @Property(tries = 300)
    void v2_180And825Days_areInclusiveLimits(
            @ForAll("v2NotBefore") Instant notBefore,
            @ForAll("dayBoundaries") int days,
            @ForAll("offsets") int offsetSeconds) {
        Duration lifetime = Duration.ofDays(days).plusSeconds(offsetSeconds);
        CtLifetimeRule rule = CtLifetimeRule.forLeaf(
                notBefore, notBefore.plus(lifetime), RuleSet.forRelease(IOS_17).ctRules());

        long s = lifetime.getSeconds();
        int expected = s <= 180L * 86_400 ? 2 : s <= 825L * 86_400 ? 3 : 4;
        Statistics.collect(expected);
        Statistics.coverage(c -> {
            c.check(2).count(n -> n > 0);
            c.check(3).count(n -> n > 0);
            c.check(4).count(n -> n > 0);
        });
        assertThat(rule.policy()).isEqualTo(CtLifetimeRule.Policy.V2_SECONDS);
        assertThat(rule.required()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Integer> dayBoundaries() {
        return Arbitraries.of(1, 90, 180, 181, 397, 398, 825, 826, 1200);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.of(-1, 0, 1);
    }

    @Test
    void v2_boundaryExamples() {
        Instant nb = Instant.parse("2022-03-01T00:00:00Z");
        assertThat(CtLifetimeRule.forLeaf(
                                nb,
                                nb.plus(Duration.ofDays(180)),
                                RuleSet.forRelease(IOS_17).ctRules())
                        .required())
                .isEqualTo(2);
        assertThat(CtLifetimeRule.forLeaf(
                                nb,
                                nb.plus(Duration.ofDays(180)).plusSeconds(1),
                                RuleSet.forRelease(IOS_17).ctRules())
                        .required())
                .isEqualTo(3);
        assertThat(CtLifetimeRule.forLeaf(
                                nb,
                                nb.plus(Duration.ofDays(825)),
                                RuleSet.forRelease(IOS_17).ctRules())
                        .required())
                .isEqualTo(3);
        assertThat(CtLifetimeRule.forLeaf(
                                nb,
                                nb.plus(Duration.ofDays(825)).plusSeconds(1),
                                RuleSet.forRelease(IOS_17).ctRules())
                        .required())
                .isEqualTo(4);
    }

    @Property(tries = 100)
    void cutOver_atExactly20210421_switchesToV2_onIos146AndLater(@ForAll("offsets") int offsetSeconds) {
        Statistics.collect(offsetSeconds >= 0 ? "v2" : "v1");
        Statistics.coverage(c -> {
            c.check("v1").count(n -> n > 0);
            c.check("v2").count(n -> n > 0);
        });
        Instant nb = CtLifetimeRule.POLICY_V2_CUTOVER.plusSeconds(offsetSeconds);
        // 14 months, 396 days: v1 needs 2, v2 needs 3 — the table in force is visible
        Instant na = nb.plus(Duration.ofDays(396));

        CtLifetimeRule ios146 = CtLifetimeRule.forLeaf(
                nb, na, RuleSet.forRelease(IosRelease.parse("14.6")).ctRules());
        CtLifetimeRule ios145 = CtLifetimeRule.forLeaf(
                nb, na, RuleSet.forRelease(IosRelease.parse("14.5")).ctRules());

        boolean v2 = offsetSeconds >= 0;
        assertThat(ios146.policy())
                .isEqualTo(v2 ? CtLifetimeRule.Policy.V2_SECONDS : CtLifetimeRule.Policy.V1_CALENDAR_MONTHS);
        assertThat(ios146.required()).isEqualTo(v2 ? 3 : 2);
        assertThat(ios145.policy()).isEqualTo(CtLifetimeRule.Policy.V1_CALENDAR_MONTHS);
        assertThat(ios145.required()).isEqualTo(2);
    }

    @Test
    void describesLifetime_inTheUnitOfItsPolicy() {
        Instant nb = Instant.parse("2022-03-01T00:00:00Z");
        assertThat(CtLifetimeRule.forLeaf(
                                nb,
                                nb.plus(Duration.ofDays(90)),
                                RuleSet.forRelease(IOS_17).ctRules())
                        .describeLifetime())
                .isEqualTo("90 days");
        assertThat(CtLifetimeRule.forLeaf(
                                nb,
                                nb.plus(Duration.ofDays(90)).plusSeconds(5),
                                RuleSet.forRelease(IOS_17).ctRules())
                        .describeLifetime())
                .isEqualTo("90 days 5 s");
        Instant old = Instant.parse("2019-03-01T00:00:00Z");
        assertThat(CtLifetimeRule.forLeaf(
                                old,
                                old.plus(Duration.ofDays(400)),
                                RuleSet.forRelease(IOS_17).ctRules())
                        .describeLifetime())
                .isEqualTo("13 calendar months");
    }
}
