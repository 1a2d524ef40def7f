package io.github.sectrust4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cold benchmark's premise: clearing the caches makes the next evaluation run the cryptography again. */
class EvaluatorCachesTest {
    private static final ChainCorpus.Chain CHAIN =
            ChainCorpus.mint(ChainFamily.EC_P256, 1).get(0);

    private static TrustReport evaluateFresh() {
        Certificate root = CertificateInput.fromDer(CHAIN.root());
        return SecTrust.ios(SecTrustColdBenchmark.RELEASE)
                .at(ChainCorpus.AT)
                .forServer(CHAIN.host())
                .withAnchors(List.of(root))
                .evaluate(List.of(
                        CertificateInput.fromDer(CHAIN.leaf()), CertificateInput.fromDer(CHAIN.intermediate())));
    }

    @Test
    void afterClear_anEvaluationVerifiesBothLinksAndTheAnchorsSelfSignature_thenNothingWhileWarm() {
        EvaluatorCaches caches = EvaluatorCaches.install();
        caches.clear();

        long before = caches.verifications();
        assertThat(evaluateFresh().trusted()).isTrue();
        long cold = caches.verifications() - before;
        assertThat(evaluateFresh().trusted()).isTrue();
        long warm = caches.verifications() - before - cold;

        assertThat(cold).isEqualTo(3);
        assertThat(warm).isZero();
    }

    @Test
    void withTheAnchorsVerdictRestored_anEvaluationVerifiesExactlyTheTwoLinks() {
        EvaluatorCaches caches = EvaluatorCaches.install();
        caches.clear();
        Certificate root = CertificateInput.fromDer(CHAIN.root());
        assertThat(caches.verifyThroughCache(root, root)).isTrue();

        long before = caches.verifications();
        assertThat(evaluateFresh().trusted()).isTrue();

        assertThat(caches.verifications() - before).isEqualTo(2);
    }
}
