package io.github.sectrust4j.ct;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.ct.CtTestPki.EmbeddedSct;
import io.github.sectrust4j.ct.CtTestPki.Issuer;
import io.github.sectrust4j.ct.CtTestPki.Minted;
import io.github.sectrust4j.ct.CtTestPki.TestLog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * End to end over minted certificates: 0–5 embedded SCTs from distinct logs against the v1 month
 * table and the v2 day table at their boundaries (§8.3). The expected count comes from the spec's
 * tables, with the lifetime known by construction.
 */
class CtQualificationBoundaryProperties {
    static final Issuer ISSUER = Issuer.create("Boundary CA");
    static final List<TestLog> LOGS = List.of(TestLog.ec("O1", "L1"), TestLog.ec("O2", "L2"), TestLog.ec("O3", "L3"),
            TestLog.ec("O4", "L4"), TestLog.ec("O5", "L5"));
    static final CtLogList LIST = CtLogList.of(LOGS.stream().map(TestLog::usable).toList());
    static final IosRelease IOS = IosRelease.parse("18.0");

    static CtEvaluation evaluate(Instant notBefore, Instant notAfter, int scts) {
        List<EmbeddedSct> embedded = new ArrayList<>();
        for (int i = 0; i < scts; i++) {
            embedded.add(new EmbeddedSct(LOGS.get(i), notBefore.minusSeconds(30)));
        }
        Minted m = CtTestPki.mint(ISSUER, notBefore, notAfter, embedded);
        return CtEvaluator.evaluate(CtRequest.builder(m.der(), notBefore.plusSeconds(60)).issuerSpki(ISSUER.spki()).build(),
                LIST, IOS);
    }

    @Property(tries = 60)
    void v1Leaf_qualifiesExactlyWhenSctsReachTheMonthTable(@ForAll("v1Months") int months,
                                                           @ForAll("lessOrExact") boolean oneSecondShort,
                                                           @ForAll @IntRange(min = 0, max = 5) int scts) {
        Instant nb = Instant.parse("2019-05-31T10:00:00Z");
        Instant na = nb.atZone(ZoneOffset.UTC).plusMonths(months).toInstant().minusSeconds(oneSecondShort ? 1 : 0);
        long lifetimeMonths = oneSecondShort ? months - 1 : months;
        int required = lifetimeMonths < 15 ? 2 : lifetimeMonths <= 27 ? 3 : lifetimeMonths <= 39 ? 4 : 5;

        CtEvaluation ct = evaluate(nb, na, scts);

        assertThat(ct.required()).isEqualTo(required);
        assertThat(ct.qualified()).isEqualTo(scts >= required);
        assertThat(ct.path()).isEqualTo(scts == 0 ? CtQualificationPath.NONE : CtQualificationPath.EMBEDDED);
    }

    @Property(tries = 60)
    void v2Leaf_qualifiesExactlyWhenSctsReachTheDayTable(@ForAll("v2Days") int days, @ForAll("lessOrExact") boolean oneSecondMore,
                                                         @ForAll @IntRange(min = 0, max = 5) int scts) {
        Instant nb = Instant.parse("2023-02-01T00:00:00Z");
        Instant na = nb.plus(Duration.ofDays(days)).plusSeconds(oneSecondMore ? 1 : 0);
        long seconds = days * 86_400L + (oneSecondMore ? 1 : 0);
        int required = seconds <= 180 * 86_400L ? 2 : seconds <= 825 * 86_400L ? 3 : 4;

        CtEvaluation ct = evaluate(nb, na, scts);

        assertThat(ct.required()).isEqualTo(required);
        assertThat(ct.qualified()).isEqualTo(scts >= required);
    }

    @Property(tries = 30)
    void cutOver_sameLifetime_needsMoreSctsUnderV2(@ForAll("lessOrExact") boolean beforeCutOver,
                                                   @ForAll @IntRange(min = 2, max = 3) int scts) {
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
