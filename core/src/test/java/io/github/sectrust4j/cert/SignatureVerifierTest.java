package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignatureVerifierTest {
    static final SignatureVerifier BC = SignatureVerifier.bouncyCastle();
    static final KeyPair RSA = TestCerts.keyPair("RSA", null, 2048);

    static AlgorithmIdentifier alg(String oid, boolean nullParams) {
        return nullParams
                ? new AlgorithmIdentifier(new ASN1ObjectIdentifier(oid), DERNull.INSTANCE)
                : new AlgorithmIdentifier(new ASN1ObjectIdentifier(oid));
    }

    static Stream<Arguments> algorithms() {
        KeyPair p384 = TestCerts.keyPair("EC", new ECGenParameterSpec("secp384r1"), 0);
        return Stream.of(
                Arguments.of("SHA256withRSA", RSA, alg("1.2.840.113549.1.1.11", true), SignatureHash.SHA256),
                Arguments.of("SHA1withRSA", RSA, alg("1.2.840.113549.1.1.5", true), SignatureHash.SHA1),
                Arguments.of("MD5withRSA", RSA, alg("1.2.840.113549.1.1.4", true), SignatureHash.MD5),
                Arguments.of("SHA224withRSA", RSA, alg("1.2.840.113549.1.1.14", true), SignatureHash.SHA224),
                Arguments.of("SHA384withRSA", RSA, alg("1.2.840.113549.1.1.12", true), SignatureHash.SHA384),
                Arguments.of("SHA512withRSA", RSA, alg("1.2.840.113549.1.1.13", true), SignatureHash.SHA512),
                Arguments.of("SHA224withECDSA", TestCerts.KEY, alg("1.2.840.10045.4.3.1", false), SignatureHash.SHA224),
                Arguments.of("SHA256withECDSA", TestCerts.KEY, alg("1.2.840.10045.4.3.2", false), SignatureHash.SHA256),
                Arguments.of("SHA512withECDSA", p384, alg("1.2.840.10045.4.3.4", false), SignatureHash.SHA512),
                Arguments.of("SHA256withRSAandMGF1", RSA, pss(), SignatureHash.UNKNOWN),
                Arguments.of("SHA384withECDSA", p384, alg("1.2.840.10045.4.3.3", false), SignatureHash.SHA384),
                Arguments.of("SHA1withECDSA", TestCerts.KEY, alg("1.2.840.10045.4.1", false), SignatureHash.SHA1),
                Arguments.of(
                        "Ed25519",
                        TestCerts.keyPair("Ed25519", null, 0),
                        alg("1.3.101.112", false),
                        SignatureHash.NONE_ED),
                Arguments.of(
                        "Ed448", TestCerts.keyPair("Ed448", null, 0), alg("1.3.101.113", false), SignatureHash.NONE_ED),
                Arguments.of(
                        "SHA256withDSA",
                        TestCerts.keyPair("DSA", null, 2048),
                        alg("2.16.840.1.101.3.4.3.2", false),
                        SignatureHash.SHA256));
    }

    static AlgorithmIdentifier pss() {
        return new AlgorithmIdentifier(
                org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_RSASSA_PSS,
                new org.bouncycastle.asn1.pkcs.RSASSAPSSparams(
                        new AlgorithmIdentifier(
                                org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                        new AlgorithmIdentifier(
                                org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_mgf1,
                                new AlgorithmIdentifier(
                                        org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE)),
                        new org.bouncycastle.asn1.ASN1Integer(32),
                        new org.bouncycastle.asn1.ASN1Integer(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("algorithms")
    void selfSignedCertificate_verifiesWithOwnKey_andNotWithAnother(
            String jca, KeyPair key, AlgorithmIdentifier id, SignatureHash hash) {
        Certificate c = TestCerts.tbs()
                .subjectKey(key.getPublic())
                .signedWith(key, jca, id)
                .parse();
        assertThat(c.signatureHash()).isEqualTo(hash);
        assertThat(BC.verifies(c, c.publicKey())).isTrue();
        assertThat(BC.isSelfSigned(c)).isTrue();
        KeyPair stranger = TestCerts.keyPair(
                key.getPublic().getAlgorithm(),
                null,
                key.getPublic().getAlgorithm().equals("EC")
                        ? 256
                        : key.getPublic().getAlgorithm().startsWith("Ed") ? 0 : 2048);
        Certificate other = TestCerts.tbs().subjectKey(stranger.getPublic()).parse();
        assertThat(BC.verifies(c, other.publicKey())).isFalse();
    }

    @Test
    void isCa_v3NeedsBasicConstraints_v1NeedsSelfSignature() { // §2.2 NonEmptySubject
        TestCerts.Tbs v1 = TestCerts.tbs();
        v1.version = null;
        assertThat(v1.parse().isCa(BC)).isTrue();
        KeyPair other = TestCerts.keyPair("EC", new ECGenParameterSpec("secp256r1"), 0);
        TestCerts.Tbs v1Foreign = TestCerts.tbs().signedWith(other, "SHA256withECDSA", TestCerts.ECDSA_SHA256);
        v1Foreign.version = null;
        assertThat(v1Foreign.parse().isCa(BC)).isFalse();
        assertThat(TestCerts.tbs().parse().isCa(BC)).isFalse(); // v3 self-signed without basicConstraints
        assertThat(TestCerts.tbs()
                        .ext("2.5.29.19", true, new org.bouncycastle.asn1.x509.BasicConstraints(true))
                        .parse()
                        .isCa(BC))
                .isTrue();
    }

    @Test
    void tamperedTbs_doesNotVerify() {
        byte[] der = TestCerts.tbs().der();
        Certificate good = Certificate.parse(der);
        // flip a byte inside the serial number (still parses, signature no longer matches)
        int serialAt = indexOf(der, new byte[] {0x02, 0x02, 0x12, 0x67}); // INTEGER 4711
        der[serialAt + 3] ^= 1;
        Certificate bad = Certificate.parse(der);
        assertThat(BC.verifies(good, good.publicKey())).isTrue();
        assertThat(BC.verifies(bad, good.publicKey())).isFalse();
    }

    @Test
    void ecdsaSignature_inNonCanonicalDer_orWithAnRsaIssuerKey_doesNotVerify() throws IOException {
        byte[] der = TestCerts.tbs().der();
        org.bouncycastle.asn1.x509.Certificate bc = org.bouncycastle.asn1.x509.Certificate.getInstance(der);
        byte[] sig = bc.getSignature().getOctets();
        assertThat(sig[1] & 0x80).isZero(); // short-form length: re-encode it in (non-DER) long form
        byte[] ber = new byte[sig.length + 1];
        ber[0] = 0x30;
        ber[1] = (byte) 0x81;
        ber[2] = sig[1];
        System.arraycopy(sig, 2, ber, 3, sig.length - 2);
        byte[] rebuilt = new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    bc.getTBSCertificate(), bc.getSignatureAlgorithm(), new org.bouncycastle.asn1.DERBitString(ber)
                })
                .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
        Certificate good = Certificate.parse(der);
        Certificate nonCanonical = Certificate.parse(rebuilt);
        assertThat(BC.verifies(good, good.publicKey())).isTrue();
        assertThat(BC.verifies(nonCanonical, good.publicKey())).isFalse();

        KeyPair rsa = TestCerts.keyPair("RSA", null, 2048);
        Certificate rsaSubject = TestCerts.tbs().subjectKey(rsa.getPublic()).parse();
        assertThat(BC.verifies(good, rsaSubject.publicKey())).isFalse();
    }

    @Test
    void innerOuterAlgorithmMismatch_neverVerifies() {
        TestCerts.Tbs t = TestCerts.tbs();
        t.innerAlg = alg("1.2.840.10045.4.3.3", false); // ECDSA-SHA384 inside, SHA256 outside
        Certificate c = t.parse();
        assertThat(BC.verifies(c, c.publicKey())).isFalse();
    }

    @Test
    void unknownAlgorithm_andUnsupportedCurve_returnFalseWithoutThrowing() {
        TestCerts.Tbs t = TestCerts.tbs();
        t.innerAlg = alg("1.2.3.4", false);
        t.outerAlg = alg("1.2.3.4", false);
        Certificate unknown = t.parse();
        assertThat(BC.verifies(unknown, unknown.publicKey())).isFalse();

        KeyPair k1 = TestCerts.keyPair("EC", new ECGenParameterSpec("secp256k1"), 0);
        Certificate k1Cert = TestCerts.tbs()
                .subjectKey(k1.getPublic())
                .signedWith(k1, "SHA256withECDSA", alg("1.2.840.10045.4.3.2", false))
                .parse();
        assertThat(k1Cert.publicKey().parseable()).isFalse(); // §4.1: iOS cannot use this curve
        assertThat(k1Cert.publicKey().isWeak()).isTrue();
        assertThat(BC.verifies(k1Cert, k1Cert.publicKey())).isFalse();
    }

    @Test
    void ecPointOffTheCurve_isUnparseableAndWeak() { // §4.1 "a key the platform cannot parse"
        TestCerts.Tbs t = TestCerts.tbs();
        byte[] point = t.spki.getPublicKeyData().getBytes();
        point[point.length - 1] ^= 1; // moves the point off P-256
        t.spki = new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(t.spki.getAlgorithm(), point);
        Certificate c = t.parse();
        assertThat(c.publicKey().curveName()).contains("P-256");
        assertThat(c.publicKey().parseable()).isFalse();
        assertThat(c.publicKey().isWeak()).isTrue();
        assertThat(c.publicKey().meetsSslMinimum()).isFalse();
    }

    @Test
    void selfIssuedButSignedByAnotherKey_isNotSelfSigned() {
        KeyPair other = TestCerts.keyPair("EC", new ECGenParameterSpec("secp256r1"), 0);
        Certificate c = TestCerts.tbs()
                .signedWith(other, "SHA256withECDSA", TestCerts.ECDSA_SHA256)
                .parse();
        assertThat(c.isSelfIssued()).isTrue();
        assertThat(BC.isSelfSigned(c)).isFalse();
    }

    @Test
    void cachedVerdicts_chargeTheBudget_butRunCryptoOnlyOnce() {
        CachingSignatureVerifier v = CachingSignatureVerifier.withDefaults();
        Certificate c = TestCerts.tbs().parse();
        VerificationBudget b = new VerificationBudget(3);
        assertThat(v.verify(c, c.publicKey(), b)).isEqualTo(SignatureVerdict.VALID);
        assertThat(v.verify(c, c.publicKey(), b)).isEqualTo(SignatureVerdict.VALID);
        assertThat(b.used()).isEqualTo(2);
        assertThat(b.cryptoVerifications()).isEqualTo(1);
        VerificationBudget fresh = new VerificationBudget(3);
        assertThat(v.verify(c, c.publicKey(), fresh)).isEqualTo(SignatureVerdict.VALID);
        assertThat(fresh.cryptoVerifications()).isZero(); // served from the shared cache
        assertThat(v.verify(c, c.publicKey(), b)).isEqualTo(SignatureVerdict.VALID);
        assertThat(v.verify(c, c.publicKey(), b)).isEqualTo(SignatureVerdict.BUDGET_EXHAUSTED);
        assertThat(b.isExhausted()).isTrue();
        assertThat(v.cachedVerdicts()).isEqualTo(1);
    }

    @Test
    void verdictsMemoizedOnTheCertificate_belongToTheirCache() {
        Certificate c = TestCerts.tbs().parse();
        int[] calls = new int[2];
        CachingSignatureVerifier yes = new CachingSignatureVerifier((child, key) -> ++calls[0] > 0, 10);
        CachingSignatureVerifier no = new CachingSignatureVerifier((child, key) -> ++calls[1] < 0, 10);
        assertThat(yes.verifies(c, c.publicKey())).isTrue();
        assertThat(yes.verifies(c, c.publicKey())).isTrue();
        // another cache in front of another verifier never sees the first cache's verdict on the same object
        assertThat(no.verifies(c, c.publicKey())).isFalse();
        assertThat(no.verifies(c, c.publicKey())).isFalse();
        assertThat(calls).containsExactly(1, 1);
        // an equal certificate parsed again is served by the cache, not re-verified
        Certificate again = Certificate.parse(c.der());
        assertThat(yes.verifies(again, again.publicKey())).isTrue();
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void memoizedVerdicts_areKeyedByIssuerKey_andStillChargeTheBudget() {
        Certificate c = TestCerts.tbs().parse();
        Certificate rsa = TestCerts.tbs().subjectKey(RSA.getPublic()).parse();
        CachingSignatureVerifier v = CachingSignatureVerifier.withDefaults();
        VerificationBudget b = new VerificationBudget(10);
        for (int i = 0; i < 3; i++) {
            assertThat(v.verify(c, c.publicKey(), b)).isEqualTo(SignatureVerdict.VALID);
            assertThat(v.verify(c, rsa.publicKey(), b)).isEqualTo(SignatureVerdict.INVALID);
            // an equal key from another object finds the same memo entry
            assertThat(v.verify(c, Certificate.parse(c.der()).publicKey(), b)).isEqualTo(SignatureVerdict.VALID);
        }
        assertThat(b.used()).isEqualTo(9);
        assertThat(b.cryptoVerifications()).isEqualTo(2);
        // more issuer keys than the memo holds: older verdicts fall back to the cache, never change
        for (int i = 0; i < 6; i++) {
            Certificate other = TestCerts.tbs()
                    .subjectKey(TestCerts.keyPair("EC", new ECGenParameterSpec("secp256r1"), 0)
                            .getPublic())
                    .parse();
            assertThat(v.verifies(c, other.publicKey())).isFalse();
        }
        assertThat(v.verifies(c, c.publicKey())).isTrue();
        assertThat(v.verifies(c, rsa.publicKey())).isFalse();
    }

    @Test
    void cryptoOnlyBudget_letsCachedVerdictsThroughForFree() {
        CachingSignatureVerifier v = CachingSignatureVerifier.withDefaults();
        Certificate c = TestCerts.tbs().parse();
        Certificate d = TestCerts.tbs().subjectKey(RSA.getPublic()).parse();
        VerificationBudget b = VerificationBudget.ofCryptoVerifications(1);
        assertThat(b.chargesCacheHits()).isFalse();
        assertThat(v.verify(c, c.publicKey(), b)).isEqualTo(SignatureVerdict.VALID);
        assertThat(v.verify(c, c.publicKey(), b)).isEqualTo(SignatureVerdict.VALID); // cached, free
        assertThat(b.used()).isEqualTo(1);
        assertThat(v.verify(d, c.publicKey(), b)).isEqualTo(SignatureVerdict.BUDGET_EXHAUSTED); // miss, no budget
        assertThat(v.verify(c, c.publicKey(), b)).isEqualTo(SignatureVerdict.VALID);
        assertThat(b.cryptoVerifications()).isEqualTo(1);
    }

    @Test
    void cacheKeyIncludesTheIssuerKey() {
        CachingSignatureVerifier v = CachingSignatureVerifier.withDefaults();
        Certificate c = TestCerts.tbs().parse();
        Certificate rsa = TestCerts.tbs().subjectKey(RSA.getPublic()).parse();
        assertThat(v.verifies(c, c.publicKey())).isTrue();
        assertThat(v.verifies(c, rsa.publicKey())).isFalse();
        assertThat(v.verifies(c, c.publicKey())).isTrue();
        // and the other way round: an RSA-signed certificate against an EC key
        Certificate rsaSigned = TestCerts.tbs()
                .subjectKey(RSA.getPublic())
                .signedWith(RSA, "SHA256withRSA", alg("1.2.840.113549.1.1.11", true))
                .parse();
        assertThat(v.verifies(rsaSigned, rsaSigned.publicKey())).isTrue();
        assertThat(v.verifies(rsaSigned, c.publicKey())).isFalse();
    }

    @Test
    void budgetOfZero_verifiesNothing() {
        Certificate c = TestCerts.tbs().parse();
        VerificationBudget none = new VerificationBudget(0);
        assertThat(BC.verify(c, c.publicKey(), none)).isEqualTo(SignatureVerdict.BUDGET_EXHAUSTED);
        assertThat(none.cryptoVerifications()).isZero();
    }

    @Test
    void appleCorpus_selfIssuedCertificatesVerifyWithTheirOwnKey_concurrently() throws IOException {
        List<Certificate> certs = new ArrayList<>();
        try (Stream<Path> s = Files.list(SharedData.appleRoots())) {
            for (Path p : s.filter(p -> p.toString().endsWith(".cer")).sorted().toList()) {
                try {
                    certs.add(Certificate.parse(Files.readAllBytes(p)));
                } catch (io.github.sectrust4j.CertificateInputException e) {
                    // the one file with trailing text is covered by AppleTrustStoreCorpusTest
                }
            }
        }
        List<Certificate> selfIssued =
                certs.stream().filter(Certificate::isSelfIssued).toList();
        CachingSignatureVerifier v = CachingSignatureVerifier.withDefaults();
        VerificationBudget budget = VerificationBudget.unlimited();
        long verified = IntStream.range(0, selfIssued.size() * 2)
                .parallel()
                .filter(i -> v.verify(
                                selfIssued.get(i % selfIssued.size()),
                                selfIssued.get(i % selfIssued.size()).publicKey(),
                                budget)
                        .isValid())
                .count();
        List<String> notSelfSigned = selfIssued.stream()
                .filter(c -> !v.isSelfSigned(c))
                .map(Certificate::toString)
                .toList();
        System.out.println("apple corpus: " + selfIssued.size() + " self-issued, not self-signed: " + notSelfSigned
                + "; crypto verifications " + budget.cryptoVerifications() + " of " + budget.used() + " checks");
        assertThat(verified).isEqualTo(2L * (selfIssued.size() - notSelfSigned.size()));
        assertThat(notSelfSigned.size()).isLessThan(selfIssued.size() / 20);
        assertThat(budget.used()).isEqualTo(selfIssued.size() * 2);
        assertThat(budget.cryptoVerifications()).isBetween(selfIssued.size(), selfIssued.size() * 2);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
