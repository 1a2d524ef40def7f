package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.fixtures.Curve;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Certificates minted by the project's test-fixtures module, read back through the cert layer. */
@ExtendWith(TestPkiExtension.class)
class TestPkiCertificateTest {
    static final SignatureVerifier VERIFIER = SignatureVerifier.bouncyCastle();

    private static Certificate read(HeldCertificate h) {
        return Certificate.parse(h.der());
    }

    @Test
    void threeCertificateChain_linksByNormalizedNameKeyIdAndSignature(TestPki pki) {
        HeldCertificate root = pki.root("Contoso Root CA").build();
        HeldCertificate ca = pki.intermediate("Contoso Issuing CA", root)
                .ca(0)
                .caIssuersUrl("http://pki.contoso.com/ca.crt")
                .build();
        HeldCertificate leaf = pki.leaf("www.contoso.com", ca)
                .dnsNames("www.contoso.com", "contoso.com")
                .build();
        Certificate r = read(root);
        Certificate i = read(ca);
        Certificate l = read(leaf);

        assertThat(l.normalizedIssuer()).isEqualTo(i.normalizedSubject());
        assertThat(i.normalizedIssuer()).isEqualTo(r.normalizedSubject());
        assertThat(l.authorityKeyIdentifier().orElseThrow())
                .isEqualTo(i.subjectKeyIdentifier().orElseThrow());
        assertThat(VERIFIER.verifies(l, i.publicKey())).isTrue();
        assertThat(VERIFIER.verifies(i, r.publicKey())).isTrue();
        assertThat(VERIFIER.verifies(l, r.publicKey())).isFalse();
        assertThat(VERIFIER.isSelfSigned(r)).isTrue();
        assertThat(i.basicConstraints().orElseThrow()).isEqualTo(new BasicConstraints(true, 0));
        assertThat(i.authorityInfoAccess().orElseThrow().caIssuers()).containsExactly("http://pki.contoso.com/ca.crt");
        assertThat(l.subjectAltName().orElseThrow().dnsNames()).contains("www.contoso.com", "contoso.com");
    }

    /** An RSA SPKI whose modulus has exactly {@code bits} bits (classification needs no real key). */
    static PublicKeyInfo rsaOfBits(int bits) {
        java.math.BigInteger n = java.math.BigInteger.ONE.shiftLeft(bits - 1).setBit(0);
        try {
            return PublicKeyInfo.from(new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(
                    new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                            org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption,
                            org.bouncycastle.asn1.DERNull.INSTANCE),
                    new org.bouncycastle.asn1.pkcs.RSAPublicKey(n, java.math.BigInteger.valueOf(65537))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void rsaSizeBoundaries_followAppleByteArithmetic() { // §4.1
        assertThat(rsaOfBits(1016).isWeak()).isTrue(); // 127 bytes
        assertThat(rsaOfBits(1017).sizeBytes()).isEqualTo(128);
        assertThat(rsaOfBits(1017).isWeak()).isFalse(); // anything filling 128 bytes is not weak
        assertThat(rsaOfBits(1023).isWeak()).isFalse();
        assertThat(rsaOfBits(2040).sizeBytes()).isEqualTo(255);
        assertThat(rsaOfBits(2040).meetsSslMinimum()).isFalse();
        assertThat(rsaOfBits(2040).isStrong()).isFalse();
        assertThat(rsaOfBits(2041).sizeBytes()).isEqualTo(256);
        assertThat(rsaOfBits(2047).meetsSslMinimum()).isTrue(); // "a 2047-bit modulus passes" (§2.2 KeySize)
        assertThat(rsaOfBits(2047).isStrong()).isTrue();
        assertThat(rsaOfBits(2047).bits()).isEqualTo(2047);
    }

    @Test
    void realFixtureRsaKeys_matchTheirNominalSize(TestPki pki) {
        PublicKeyInfo k = read(pki.root("r2048").rsa(2048).build()).publicKey();
        assertThat(k.bits()).isEqualTo(2048);
        assertThat(k.sizeBytes()).isEqualTo(256);
        assertThat(k.meetsSslMinimum()).isTrue();
    }

    @Test
    void ecCurves_classifyByFieldBytes(TestPki pki) { // §4.1
        PublicKeyInfo p192 = read(pki.root("p192").ec(Curve.P192).build()).publicKey();
        PublicKeyInfo p224 = read(pki.root("p224").ec(Curve.P224).build()).publicKey();
        PublicKeyInfo p256 = read(pki.root("p256").ec(Curve.P256).build()).publicKey();
        PublicKeyInfo p521 = read(pki.root("p521").ec(Curve.P521).build()).publicKey();
        assertThat(p192.sizeBytes()).isEqualTo(24);
        assertThat(p192.isWeak()).isFalse();
        assertThat(p192.isStrong()).isFalse();
        assertThat(p224.sizeBytes()).isEqualTo(28);
        assertThat(p224.isStrong()).isTrue();
        assertThat(p224.meetsSslMinimum()).isFalse();
        assertThat(p256.meetsSslMinimum()).isTrue();
        assertThat(p521.sizeBytes()).isEqualTo(66);
        assertThat(p521.curveName()).contains("P-521");
    }

    @Test
    void ed25519_isNeverWeak_isStrong_butFailsSslKeySize(TestPki pki) { // §4.1, §2.2 KeySize
        Certificate c = read(pki.root("ed").ed25519().build());
        assertThat(c.publicKey().algorithm()).isEqualTo(KeyAlgorithm.ED25519);
        assertThat(c.publicKey().isWeak()).isFalse();
        assertThat(c.publicKey().isStrong()).isTrue();
        assertThat(c.publicKey().meetsSslMinimum()).isFalse();
        assertThat(VERIFIER.isSelfSigned(c)).isTrue();
    }

    @Test
    void brokenSignature_doesNotVerify(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        Certificate bad = read(pki.leaf("bad.example", root).brokenSignature().build());
        assertThat(VERIFIER.verifies(bad, read(root).publicKey())).isFalse();
    }

    @Test
    void fixtureOddities_surfaceAsAppleExtensionFindings(TestPki pki) { // §2.2
        HeldCertificate root = pki.root("Root").build();
        Certificate dup = read(
                pki.leaf("dup.example", root).duplicateExtension("2.5.29.37").build());
        assertThat(dup.duplicateExtensions()).containsExactly("2.5.29.37");
        Certificate unknown =
                read(pki.leaf("unk.example", root).unknownCriticalExtension().build());
        assertThat(unknown.unknownCriticalExtensions()).hasSize(1);
        Certificate empty = read(pki.leaf("e.example", root)
                .emptySubject()
                .subjectAltNameCritical(true)
                .build());
        assertThat(empty.subject().isEmpty()).isTrue();
        assertThat(empty.subjectAltName().orElseThrow().critical()).isTrue();
    }
}
