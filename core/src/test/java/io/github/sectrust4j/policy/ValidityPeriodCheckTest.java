package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.policy.CheckTestSupport.Explained;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.policy.ValidityPeriodCheck.TooLong;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three §5.2 codes: SystemTrustValidityPeriod/OtherTrustValidityPeriod (16+) and ValidityPeriodMaximums (13–15). */
class ValidityPeriodCheckTest {
    private static final Instant NB = Instant.parse("2022-01-01T00:00:00Z");

    private final TestPki pki = TestPki.seeded(45);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();

    private List<Certificate> leafValidFor(Duration d) {
        return certs(pki.leaf("a.contoso.com", ca).validity(NB, NB.plus(d)).build(), ca, root);
    }

    @Test
    void a397DayLeaf_passesEveryTable() {
        List<Certificate> c = leafValidFor(Duration.ofDays(397));
        for (ValidityPeriodCheck check : List.of(
                ValidityPeriodCheck.MAXIMUMS, ValidityPeriodCheck.SYSTEM_TRUST, ValidityPeriodCheck.OTHER_TRUST)) {
            assertThat(CheckTestSupport.run(check, path(Anchor.SYSTEM, c), new Req(NB.plusSeconds(60)).build(c)))
                    .isEmpty();
        }
    }

    @Test
    void a400DayLeafUnderASystemRoot_failsTheSystemTable_at398Days() {
        List<Certificate> c = leafValidFor(Duration.ofDays(400));
        Explained e = CheckTestSupport.recorded(
                ValidityPeriodCheck.SYSTEM_TRUST,
                FindingCode.SYSTEM_TRUST_VALIDITY_PERIOD,
                path(Anchor.SYSTEM, c),
                new Req(NB.plusSeconds(60)).build(c));
        TooLong t = e.failure().evidence(TooLong.class);
        assertThat(t.table()).isEqualTo("system");
        assertThat(t.lengthSeconds()).isEqualTo(400 * 86_400L);
        assertThat(t.limit().maxSeconds()).isEqualTo(ValidityLimit.DAYS_398);
        assertThat(e.failure().evidence().fields().keySet())
                .containsExactly(
                        "table",
                        "notBefore",
                        "notAfter",
                        "lengthSeconds",
                        "lengthDays",
                        "limitSeconds",
                        "limit",
                        "effective",
                        "effectiveStrictlyAfter");
        assertThat(e.message())
                .isEqualTo("SystemTrustValidityPeriod: leaf 'a.contoso.com' (certificate 0) is valid for 34560000 s "
                        + "(400.00 days), more than 398 days (" + ValidityLimit.DAYS_398
                        + " s) allowed for leaves issued on or after "
                        + "2020-09-01T00:00:00Z.");
        assertThat(e.remedy())
                .isEqualTo(
                        "Reissue 'a.contoso.com' with a validity of at most 398 days (Apple recommends ≤ 397); it is "
                                + "valid for 400 days (" + NB + " to " + NB.plus(Duration.ofDays(400)) + ").");
        assertThat(e.rule().since()).contains("16.0");
        assertThat(e.rule().effective()).contains(RuleSet.SEPTEMBER_2020);
    }

    @Test
    void a900DayLeafUnderAnAppAnchorOnIos15_failsValidityPeriodMaximums_at825Days() {
        List<Certificate> c = leafValidFor(Duration.ofDays(900));
        Explained e = CheckTestSupport.recorded(
                ValidityPeriodCheck.MAXIMUMS,
                FindingCode.VALIDITY_PERIOD_MAXIMUMS,
                path(Anchor.APP, c),
                new Req(NB.plusSeconds(60)).release("15.0").build(c));
        TooLong t = e.failure().evidence(TooLong.class);
        assertThat(t.table()).isEqualTo("other");
        assertThat(t.limit().strictlyAfter()).isTrue();
        assertThat(e.message()).endsWith("allowed for leaves issued after 2019-06-30T23:00:00Z.");
        assertThat(e.remedy()).startsWith("Reissue 'a.contoso.com' with a validity of at most 825 days");
        assertThat(e.rule().summary()).contains("all other anchors");
        assertThat(e.rule().since()).contains("13.0");
    }
}
