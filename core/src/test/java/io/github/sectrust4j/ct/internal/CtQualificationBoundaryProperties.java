package io.github.sectrust4j.ct.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.ct.CtTestLogs;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.policy.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * End to end over minted certificates: 0–5 embedded SCTs from distinct logs against the v1 month
 * table and the v2 day table at their boundaries (§8.3). The expected count comes from the spec's
 * tables, with the lifetime known by construction.
 */
class CtQualificationBoundaryProperties {
    static final TestPki PKI = CtTestLogs.PKI;
    static final HeldCertificate ISSUER =
            PKI.intermediate("Boundary CA", PKI.root("Boundary Root").build()).build();
    static final List<TestCtLog> LOGS = List.of(
            CtTestLogs.log("O1", "L1"),
            CtTestLogs.log("O2", "L2"),
            CtTestLogs.log("O3", "L3"),
            CtTestLogs.log("O4", "L4"),
            CtTestLogs.log("O5", "L5"));
    static final CtLogList LIST =
            CtLogList.of(LOGS.stream().map(CtTestLogs::usable).toList());
    static final IosRelease IOS = IosRelease.parse("18.0");

    static CtEvaluation evaluate(Instant notBefore, Instant notAfter, int scts) {
        var b = PKI.leaf("boundary.example.test", ISSUER).validity(notBefore, notAfter);
        for (int i = 0; i < scts; i++) {
            b = b.embeddedScts(LOGS.get(i), notBefore.minusSeconds(30));
        }
        return CtEvaluator.evaluate(
                CtRequest.builder(b.build().der(), notBefore.plusSeconds(60))
                        .issuerSpki(CtTestLogs.spki(ISSUER))
                        .build(),
                LIST,
                RuleSet.forRelease(IOS).ctRules());
    }

    @Property(tries = 60)
    void v1Leaf_qualifiesExactlyWhenSctsReachTheMonthTable(
            @ForAll("v1Months") int months,
            @ForAll("lessOrExact") boolean oneSecondShort,
            @ForAll @IntRange(min = 0, max = 5) int scts) {
        Instant nb = Instant.parse("2019-05-31T10:00:00Z");
        Instant na = nb.atZone(ZoneOffset.UTC).plusMonths(months).toInstant().minusSeconds(oneSecondShort ? 1 : 0);
        long lifetimeMonths = oneSecondShort ? months - 1 : months;
        int required = lifetimeMonths < 15 ? 2 : lifetimeMonths <= 27 ? 3 : lifetimeMonths <= 39 ? 4 : 5;

        CtEvaluation ct = evaluate(nb, na, scts);
        Statistics.collect(scts >= required ? "qualified" : "too few SCTs");
        Statistics.coverage(c -> {
            c.check("qualified").count(n -> n > 0);
            c.check("too few SCTs").count(n -> n > 0);
        });

        assertThat(ct.required()).isEqualTo(required);
        assertThat(ct.qualified()).isEqualTo(scts >= required);
        assertThat(ct.path()).isEqualTo(scts == 0 ? CtQualificationPath.NONE : CtQualificationPath.EMBEDDED);
    }

    @Property(tries = 60)
    void v2Leaf_qualifiesExactlyWhenSctsReachTheDayTable(
            @ForAll("v2Days") int days,
            @ForAll("lessOrExact") boolean oneSecondMore,
            @ForAll @IntRange(min = 0, max = 5) int scts) {
        Instant nb = Instant.parse("2023-02-01T00:00:00Z");
        Instant na = nb.plus(Duration.ofDays(days)).plusSeconds(oneSecondMore ? 1 : 0);
        long seconds = days * 86_400L + (oneSecondMore ? 1 : 0);
        int required = seconds <= 180 * 86_400L ? 2 : seconds <= 825 * 86_400L ? 3 : 4;

        CtEvaluation ct = evaluate(nb, na, scts);
        Statistics.collect(scts >= required ? "qualified" : "too few SCTs");
        Statistics.coverage(c -> {
            c.check("qualified").count(n -> n > 0);
            c.check("too few SCTs").count(n -> n > 0);
        });

        assertThat(ct.required()).isEqualTo(required);
        assertThat(ct.qualified()).isEqualTo(scts >= required);
    }

    @Property(tries = 30)
    void cutOver_sameLifetime_needsMoreSctsUnderV2(
            @ForAll("lessOrExact") boolean beforeCutOver, @ForAll @IntRange(min = 2, max = 3) int scts) {
        Statistics.collect(beforeCutOver ? "v1" : "v2", scts);
        Statistics.coverage(c -> {
            c.check("v1", 2).count(n -> n > 0);
            c.check("v2", 2).count(n -> n > 0);
            c.check("v2", 3).count(n -> n > 0);
        });
        // 396 days = 13 months: v1 → 2 SCTs, v2 → 3 SCTs
        Instant nb = CtLifetimeRule.POLICY_V2_CUTOVER.minusSeconds(beforeCutOver ? 1 : 0);

        CtEvaluation ct = evaluate(nb, nb.plus(Duration.ofDays(396)), scts);

        assertThat(ct.qualified()).isEqualTo(beforeCutOver || scts >= 3);
    }

    @Provide
    Arbitrary<Integer> v1Months() {
        return Arbitraries.of(12, 15, 16, 27, 28, 39, 40);
    }

    @Provide
    Arbitrary<Integer> v2Days() {
        return Arbitraries.of(90, 180, 398, 825, 900);
    }

    @Provide
    Arbitrary<Boolean> lessOrExact() {
        return Arbitraries.of(true, false);
    }
}
