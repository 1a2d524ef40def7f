package io.github.sectrust4j.hardening;

import static io.github.sectrust4j.hardening.Hardening.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.ct.CtLog;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The total verification budget of one evaluation ({@link PathBudget#maxVerifications()}): certificate, SCT
 * and OCSP signatures together, each distinct verification charged once. When it runs out the evaluation is
 * {@code VerificationBudgetExceeded} and never trusted, whatever could not be verified.
 */
class VerificationBudgetTest {
    private static final TestPki PKI = TestPki.seeded(313);
    private static final TestCtLog LOG = PKI.ctLog("budget log");
    private static final HeldCertificate ROOT = PKI.root("Budget Root").build();
    private static final HeldCertificate ICA =
            PKI.intermediate("Budget CA", ROOT).build();
    private static final HeldCertificate LEAF =
            PKI.leaf("example.com", ICA).validForDays(90).build();
    private static final List<Certificate> CHAIN = certs(LEAF, ICA);

    private static SecTrust base(String host) {
        return SecTrust.ios("17.4")
                .forServer(host)
                .at(PKI.now())
                .withAnchors(certs(ROOT))
                .withCtLogs(CtLogList.of(List.of(
                        CtLog.usable(LOG.keyPair().getPublic().getEncoded(), LOG.operator(), LOG.description()))));
    }

    private static SecTrust withBudget(SecTrust trust, int maxVerifications) {
        return trust.withBudget(PathBudget.DEFAULT.withMaxVerifications(maxVerifications));
    }

    /** The smallest total budget with which the plain chain (no SCTs, no OCSP) is trusted. */
    private static int budgetOfThePlainChain() {
        for (int n = 1; n <= 20; n++) {
            if (withBudget(base("example.com"), n).evaluate(CHAIN).trusted()) {
                return n;
            }
        }
        throw new AssertionError("the plain chain is not trusted with 20 verifications");
    }

    private static byte[] sct(int i) {
        return LOG.sctFor(LEAF, PKI.now().minusSeconds(60L + i)).encoded();
    }

    private static byte[] goodOcsp(int i) {
        return PKI.ocsp(LEAF, ICA)
                .good()
                .producedAt(PKI.now().minusSeconds(60L + i))
                .build();
    }

    private static SecTrust repeat(SecTrust trust, int times, UnaryOperator<SecTrust> add) {
        for (int i = 0; i < times; i++) {
            trust = add.apply(trust);
        }
        return trust;
    }

    private static Map<String, Object> budgetEvidence(TrustReport report) {
        assertThat(report.trusted()).as(report.explain()).isFalse();
        assertThat(report.has(FindingCode.VERIFICATION_BUDGET_EXCEEDED))
                .as(report.explain())
                .isTrue();
        Finding f = report.findings().stream()
                .filter(x -> x.code() == FindingCode.VERIFICATION_BUDGET_EXCEEDED)
                .findFirst()
                .orElseThrow();
        assertThat(f.message()).contains("verification budget", "maxVerifications");
        assertThat(f.remedy()).contains("withMaxVerifications");
        return f.evidence();
    }

    @Test
    void aNormalChain_withTheDefaultBudget_isTrusted_withoutABudgetFinding() {
        TrustReport report =
                base("example.com").withSct(sct(0)).withStapledOcsp(goodOcsp(0)).evaluate(CHAIN);

        assertThat(report.trusted()).as(report.explain()).isTrue();
        assertThat(report.has(FindingCode.VERIFICATION_BUDGET_EXCEEDED)).isFalse();
        assertThat(PathBudget.DEFAULT.maxVerifications()).isEqualTo(PathBudget.DEFAULT_MAX_VERIFICATIONS);
    }

    @Test
    void sctVerificationsAlone_exhaustABudgetTheChainFitsIn() {
        int n = budgetOfThePlainChain();
        SecTrust withScts = base("example.com");
        for (int i = 0; i < 10; i++) {
            withScts = withScts.withSct(sct(i));
        }
        assertThat(withScts.evaluate(CHAIN).trusted()).as("the SCTs are valid").isTrue();

        Map<String, Object> evidence =
                budgetEvidence(withBudget(withScts, n + 3).evaluate(CHAIN));

        assertThat(evidence)
                .containsEntry("limitReached", "maxVerifications")
                .containsEntry("maxVerifications", n + 3)
                .containsEntry("verifications", n + 3)
                .containsEntry("sctSignatures", 3)
                .containsEntry("ocspSignatures", 0)
                .containsEntry("certificateSignatures", n);
    }

    @Test
    void ocspVerificationsAlone_exhaustABudgetTheChainFitsIn() {
        int n = budgetOfThePlainChain();
        SecTrust withOcsp = base("example.com");
        for (int i = 0; i < 10; i++) {
            withOcsp = withOcsp.withStapledOcsp(goodOcsp(i));
        }
        assertThat(withOcsp.evaluate(CHAIN).trusted())
                .as("the responses are valid")
                .isTrue();

        Map<String, Object> evidence =
                budgetEvidence(withBudget(withOcsp, n + 2).evaluate(CHAIN));

        assertThat(evidence)
                .containsEntry("verifications", n + 2)
                .containsEntry("ocspSignatures", 2)
                .containsEntry("sctSignatures", 0)
                .containsEntry("certificateSignatures", n);
    }

    /** An unverified response cannot say "revoked": ignoring it would trust a revoked leaf. */
    @Test
    void aRevokedResponseTheBudgetCannotVerify_isNeverTrusted() {
        int n = budgetOfThePlainChain();
        byte[] revoked = PKI.ocsp(LEAF, ICA)
                .revoked(PKI.now().minusSeconds(3600), RevocationReason.KEY_COMPROMISE)
                .build();
        SecTrust trust = base("example.com").withStapledOcsp(revoked);
        assertThat(trust.evaluate(CHAIN).has(FindingCode.REVOCATION))
                .as("the response is read")
                .isTrue();

        Map<String, Object> evidence = budgetEvidence(withBudget(trust, n).evaluate(CHAIN));

        assertThat(evidence).containsEntry("ocspSignatures", 0);
    }

    /**
     * A crafted request: twenty cross-signed copies of the CA, 100 SCTs and 100 stapled responses that fail,
     * and a host name that makes every candidate path be validated. Every kind of verification is charged.
     */
    @Test
    void aCraftedRequest_endsWithTheFinding_afterExactlyTheBudget() {
        List<Certificate> chain = new ArrayList<>(CHAIN);
        for (int i = 0; i < 20; i++) {
            chain.add(Certificate.parse(PKI.crossSigned(ICA, ROOT).build().der()));
        }
        SecTrust trust = base("other.example");
        for (int i = 0; i < SecTrust.MAX_TLS_SCTS; i++) {
            trust = trust.withSct(LOG.sctFor(LEAF, PKI.now().minusSeconds(60L + i))
                    .withBrokenSignature()
                    .encoded());
        }
        for (int i = 0; i < SecTrust.MAX_STAPLED_OCSP_RESPONSES; i++) {
            trust = trust.withStapledOcsp(PKI.ocsp(LEAF, ICA)
                    .good()
                    .producedAt(PKI.now().minusSeconds(60L + i))
                    .brokenSignature()
                    .build());
        }

        Map<String, Object> evidence = budgetEvidence(withBudget(trust, 150).evaluate(chain));

        assertThat(evidence).containsEntry("verifications", 150);
        assertThat((Integer) evidence.get("certificateSignatures")).isPositive();
        assertThat((Integer) evidence.get("sctSignatures")).isPositive();
        assertThat((Integer) evidence.get("ocspSignatures")).isPositive();
    }

    @Test
    void aMeshOfCrossSignedCas_stopsAtTheTotal_notAtThePathBudget() {
        List<Certificate> chain = new ArrayList<>(CHAIN);
        for (int i = 0; i < 30; i++) {
            chain.add(Certificate.parse(PKI.crossSigned(ICA, ROOT).build().der()));
        }

        TrustReport report = withBudget(base("other.example"), 12).evaluate(chain);

        assertThat(budgetEvidence(report))
                .containsEntry("certificateSignatures", 12)
                .containsEntry("verifications", 12);
        assertThat(report.has(FindingCode.PATH_BUDGET_EXCEEDED)).isFalse();
    }

    /**
     * A verification repeated within the evaluation is charged once: the same SCT and the same response
     * sent 30 times fit in the chain's budget plus two. The answer does not depend on what earlier
     * evaluations left in the shared caches: a warm evaluation gives the same report as the first.
     */
    @Test
    void repeatsAreFree_andAWarmEvaluationGivesTheSameAnswer() {
        int n = budgetOfThePlainChain();
        byte[] sct = sct(0);
        byte[] ocsp = goodOcsp(0);
        SecTrust trust = withBudget(
                repeat(repeat(base("example.com"), 30, t -> t.withSct(sct)), 30, t -> t.withStapledOcsp(ocsp)), n + 2);

        TrustReport first = trust.evaluate(CHAIN);
        TrustReport warm = trust.evaluate(CHAIN);

        assertThat(first.trusted()).as(first.explain()).isTrue();
        assertThat(warm.toJson()).isEqualTo(first.toJson());
        SecTrust tooSmall = withBudget(trust, n + 1);
        TrustReport refused = tooSmall.evaluate(CHAIN);
        assertThat(budgetEvidence(refused)).containsEntry("verifications", n + 1);
        assertThat(tooSmall.evaluate(CHAIN).toJson())
                .as("warm caches change nothing")
                .isEqualTo(refused.toJson());
    }
}
