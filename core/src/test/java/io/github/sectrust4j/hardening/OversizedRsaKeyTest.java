package io.github.sectrust4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.SignatureVerifier;
import io.github.sectrust4j.fixtures.KeyAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import org.junit.jupiter.api.Test;

/**
 * A crafted RSA issuer key with an enormous public exponent (or modulus) makes every verification
 * cost seconds (measured: a 32,768-bit modulus and exponent, ~25 s per check; the budget allows 1,000
 * checks — a hang). Such keys verify nothing. The test uses an exponent that is <em>equivalent</em>
 * to a real key's (e + k·λ(n)), so the signature is mathematically valid under it: only the bound
 * can refuse it.
 */
class OversizedRsaKeyTest {

    @Test
    void rsaIssuerKeyWithAHugeEquivalentExponent_verifiesNothing_whileTheNormalKeyVerifies() throws Exception {
        KeyPair kp = TestPki.seeded(141).nextKeyPair(KeyAlgorithm.rsa(2048));
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) kp.getPrivate();
        BigInteger n = priv.getModulus();
        BigInteger e = priv.getPublicExponent();
        BigInteger p1 = priv.getPrimeP().subtract(BigInteger.ONE);
        BigInteger q1 = priv.getPrimeQ().subtract(BigInteger.ONE);
        BigInteger lambda = p1.multiply(q1).divide(p1.gcd(q1));
        BigInteger hugeE = e.add(lambda.shiftLeft(8_000)); // ≡ e mod λ(n): the same signatures verify

        Certificate normal = Certificate.parse(Crafted.certWithRsaKey("Evil CA", n, e));
        Certificate oversized = Certificate.parse(Crafted.certWithRsaKey("Evil CA", n, hugeE));
        Certificate child = Certificate.parse(Crafted.childSignedBy("Evil CA", priv));
        SignatureVerifier verifier = SignatureVerifier.bouncyCastle();

        assertThat(verifier.verifies(child, normal.publicKey()))
                .as("control: the real key verifies")
                .isTrue();
        assertThat(verifier.verifies(child, oversized.publicKey()))
                .as("a %d-bit public exponent must not be used", hugeE.bitLength())
                .isFalse();
        assertThat(SignatureVerifier.bouncyCastle().verifies(child, oversized.publicKey()))
                .isFalse();
    }
}
