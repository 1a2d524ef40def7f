package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.cert;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.policy.CheckTestSupport.Explained;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.policy.WoSignStartComCheck.IssuedAfterCutoff;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recorded under {@code BlackListedKey}, explained by the key-list check handing the record back (§11.5). */
class WoSignStartComCheckTest {
    private static final String STARTCOM = "C766A9BEF2D4071C863A31AA4920E813B2D198608CB7B7CFE21143B836DF09EA";
    private static final Instant CUTOFF = Instant.parse("2016-12-01T00:00:00Z");

    private final TestPki pki = TestPki.seeded(38);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();
    private final Certificate startCom = PolicyTestSupport.sharedCertificate(STARTCOM);

    @Test
    void aLeafIssuedBeforeTheCutoff_passes() {
        List<Certificate> c = List.of(
                cert(pki.leaf("b.contoso.com", ca)
                        .validity(CUTOFF.minusSeconds(1), CUTOFF.plus(Duration.ofDays(300)))
                        .build()),
                cert(pki.intermediate("Old CA", root)
                        .validity(Instant.parse("2015-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"))
                        .build()),
                startCom);
        assertThat(CheckTestSupport.run(
                        WoSignStartComCheck.INSTANCE,
                        path(Anchor.SYSTEM, c),
                        new Req(CUTOFF.plus(Duration.ofDays(1))).release("10.2").build(c)))
                .isEmpty();
    }

    @Test
    void aLeafIssuedOnTheCutoff_isBlackListedKeyAtTheRoot() {
        List<Certificate> c = List.of(
                cert(pki.leaf("a.contoso.com", ca)
                        .validity(CUTOFF, CUTOFF.plus(Duration.ofDays(300)))
                        .build()),
                cert(ca),
                startCom);
        Explained e = CheckTestSupport.explain(
                CheckTestSupport.run(
                                WoSignStartComCheck.INSTANCE,
                                path(Anchor.SYSTEM, c),
                                new Req(CUTOFF.plus(Duration.ofDays(1)))
                                        .release("10.2")
                                        .build(c))
                        .get(0),
                path(Anchor.SYSTEM, c),
                new Req(CUTOFF.plus(Duration.ofDays(1))).release("10.2").build(c));
        assertThat(AppleChecks.running(
                        RuleSet.forRelease(io.github.sectrust4j.IosRelease.parse("10.2")),
                        io.github.sectrust4j.Policy.SSL_SERVER,
                        CheckStage.DISTRUSTED_CAS))
                .containsExactly(WoSignStartComCheck.INSTANCE);
        assertThat(CheckTestSupport.records(
                        FindingCode.BLACK_LISTED_KEY,
                        path(Anchor.SYSTEM, c),
                        new Req(CUTOFF.plus(Duration.ofDays(1))).release("10.2").build(c)))
                .isTrue();
        assertThat(e.failure().code()).isEqualTo(FindingCode.BLACK_LISTED_KEY);
        assertThat(e.failure().index()).isEqualTo(2);
        assertThat(e.failure().evidence(IssuedAfterCutoff.class)).isEqualTo(new IssuedAfterCutoff(CUTOFF, 0, CUTOFF));
        String name = PathFacts.displayName(startCom);
        assertThat(e.message())
                .isEqualTo("BlackListedKey: anchor '" + name + "' (certificate 2) {rule=WoSign/StartCom "
                        + "issuance-date block, cutoff=" + CUTOFF + ", offendingIndex=0, offendingNotBefore=" + CUTOFF
                        + "}.");
        assertThat(e.rule().section()).isEqualTo("§11.5");
        assertThat(e.rule().effective()).contains(CUTOFF);
        assertThat(e.remedy())
                .isEqualTo("Replace the certificate: Apple blocks WoSign/StartCom certificates issued on or after "
                        + "2016-12-01 (root '" + name
                        + "'); get a certificate from another CA. No setting can override this.");
        assertThat(CheckTestSupport.records(
                        FindingCode.BLACK_LISTED_KEY,
                        path(Anchor.SYSTEM, c),
                        new Req(CUTOFF.plus(Duration.ofDays(1))).release("10.1").build(c)))
                .isFalse();
    }
}
