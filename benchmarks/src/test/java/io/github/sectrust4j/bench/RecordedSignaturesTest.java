package io.github.sectrust4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.cert.SignatureBackends;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch benchmark's floor: it must hold exactly the verifications an evaluation made, and replay them. */
class RecordedSignaturesTest {
    private static final ChainCorpus.Chain CHAIN =
            ChainCorpus.mint(ChainFamily.RSA_2048, 1).get(0);

    private static boolean evaluateFresh() {
        return SecTrust.ios(SecTrustColdBenchmark.RELEASE)
                .at(ChainCorpus.AT)
                .forServer(CHAIN.host())
                .withAnchors(List.of(CertificateInput.fromDer(CHAIN.root())))
                .evaluate(
                        List.of(CertificateInput.fromDer(CHAIN.leaf()), CertificateInput.fromDer(CHAIN.intermediate())))
                .trusted();
    }

    @Test
    void recordsEachVerificationOfAColdEvaluation_replaysThemWithTheirVerdicts_andRestoresTheBackend() {
        EvaluatorCaches caches = EvaluatorCaches.install();
        caches.clear();
        List<RecordedSignatures.Verification> made;
        try (RecordedSignatures recorded = RecordedSignatures.install()) {
            assertThat(SignatureBackends.current().getClass().getEnclosingClass())
                    .isEqualTo(RecordedSignatures.class);
            assertThat(evaluateFresh()).isTrue();
            made = recorded.takeAll();
            assertThat(recorded.takeAll()).isEmpty();
        }

        // leaf ← intermediate, intermediate ← root, and the new anchor's self-signature (EvaluatorCachesTest)
        assertThat(made).hasSize(3);
        assertThat(made).allSatisfy(v -> {
            assertThat(v.verified()).isTrue();
            assertThat(v.verifyAgain()).isTrue();
        });
        RecordedSignatures.Verification first = made.get(0);
        byte[] tampered = first.signed().clone();
        tampered[tampered.length - 1] ^= 1;
        assertThat(new RecordedSignatures.Verification(
                                first.backend(), first.algorithm(), first.key(), tampered, first.signature(), true)
                        .verifyAgain())
                .isFalse();
        assertThat(SignatureBackends.current().getClass().getEnclosingClass()).isNotEqualTo(RecordedSignatures.class);
    }
}
