package io.github.sectrust4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.cert.KeyBounds;
import io.github.sectrust4j.ct.CtEvaluation;
import io.github.sectrust4j.ct.CtEvaluator;
import io.github.sectrust4j.ct.CtLog;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.ct.CtRequest;
import io.github.sectrust4j.ct.SctOutcome;
import io.github.sectrust4j.ct.SctVerdict;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.KeyAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import java.math.BigInteger;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chain verifier refused RSA keys beyond a 16,384-bit modulus or a 256-bit exponent, but SCT log keys
 * ({@code ctLogs}) and OCSP responder keys had no bound: a 63 KB line with 20 SCTs under a log key with a
 * huge exponent took 58 s. One rule ({@link KeyBounds}) now covers every key the library verifies with.
 * The tests use an exponent <em>equivalent</em> to a real key's (e + k·λ(n)), so the signature is
 * mathematically valid under it: only the bound can refuse it.
 */
class CallerKeyBoundsTest {
    private static final TestPki PKI = TestPki.seeded(197);
    private static final HeldCertificate ROOT = PKI.root("Bounds Root").build();
    private static final HeldCertificate ISSUER = PKI.intermediate("Bounds CA", ROOT).build();
    private static final HeldCertificate LEAF = PKI.leaf("example.com", ISSUER).validForDays(90).build();

    private static SctVerdict tlsSctVerdict(TestCtLog log) {
        CtLogList logs = CtLogList.of(List.of(CtLog.usable(log.keyPair().getPublic().getEncoded(), log.operator(),
                log.description())));
        CtRequest request = CtRequest.builder(LEAF.der(), PKI.now()).issuerSpki(ISSUER.keyPair().getPublic().getEncoded())
                .tlsSct(log.sctFor(LEAF, PKI.now().minusSeconds(60)).encoded()).build();
        CtEvaluation ct = CtEvaluator.evaluate(request, logs, IosRelease.parse("17.4"));
        return ct.outcomes().stream().map(SctOutcome::verdict).findFirst().orElseThrow();
    }

    @Test
    void sctUnderALogKeyWithAHugeExponent_doesNotVerify_whileTheRealKeyDoes() throws Exception {
        KeyPair real = PKI.nextKeyPair(KeyAlgorithm.rsa(2048));
        TestCtLog normal = new TestCtLog("normal log", "Op", real, KeyAlgorithm.rsa(2048));
        TestCtLog huge = new TestCtLog("huge log", "Op", HostileInputs.withHugeEquivalentExponent(real), KeyAlgorithm.rsa(2048));

        assertThat(tlsSctVerdict(normal)).as("control: the real log key verifies").isEqualTo(SctVerdict.VALID);
        assertThat(KeyBounds.within(huge.keyPair().getPublic().getEncoded())).isFalse();
        assertThat(tlsSctVerdict(huge)).isNotEqualTo(SctVerdict.VALID);
    }

    @Test
    void theRuleBoundsRsaAndDsa_andPassesFixedSizeKeys() throws Exception {
        KeyPair rsa = PKI.nextKeyPair(KeyAlgorithm.rsa(2048));
        assertThat(KeyBounds.within(rsa.getPublic().getEncoded())).isTrue();
        assertThat(KeyBounds.within(PKI.nextKeyPair(KeyAlgorithm.ecP256()).getPublic().getEncoded())).isTrue();
        assertThat(KeyBounds.within(HostileInputs.withHugeEquivalentExponent(rsa).getPublic().getEncoded())).isFalse();
        assertThat(KeyBounds.rsaWithin(BigInteger.ONE.shiftLeft(KeyBounds.MAX_RSA_MODULUS_BITS), BigInteger.valueOf(65537)))
                .as("a 16,385-bit modulus").isFalse();
        assertThat(KeyBounds.within(new byte[] {0x30, 0x00})).as("unreadable").isFalse();
    }
}
