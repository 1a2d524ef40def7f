package io.github.sectrust4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.cert.KeyBounds;
import io.github.sectrust4j.ct.CtLog;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.ct.internal.CtEvaluation;
import io.github.sectrust4j.ct.internal.CtEvaluator;
import io.github.sectrust4j.ct.internal.CtRequest;
import io.github.sectrust4j.ct.internal.SctOutcome;
import io.github.sectrust4j.ct.internal.SctVerdict;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.KeyAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.policy.RuleSet;
import io.github.sectrust4j.revocation.internal.OcspResponseCheck;
import io.github.sectrust4j.revocation.internal.OcspResponseValidator;
import io.github.sectrust4j.revocation.internal.OcspStatus;
import io.github.sectrust4j.revocation.internal.OcspTarget;
import io.github.sectrust4j.revocation.internal.OcspVerdict;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/**
 * The chain verifier refused RSA keys beyond a 16,384-bit modulus or a 256-bit exponent, but SCT log keys
 * ({@code ctLogs}) and OCSP responder keys had no bound: a 63 KB line with 20 SCTs under a log key with a
 * huge exponent took 58 s, 10 stapled OCSP responses from such responders 46 s. One rule ({@link KeyBounds}) now covers every key the library verifies with.
 * The tests use an exponent <em>equivalent</em> to a real key's (e + k·λ(n)), so the signature is
 * mathematically valid under it: only the bound can refuse it.
 */
class CallerKeyBoundsTest {
    private static final TestPki PKI = TestPki.seeded(197);
    private static final HeldCertificate ROOT = PKI.root("Bounds Root").build();
    private static final HeldCertificate ISSUER =
            PKI.intermediate("Bounds CA", ROOT).build();
    private static final HeldCertificate LEAF =
            PKI.leaf("example.com", ISSUER).validForDays(90).build();

    private static SctVerdict tlsSctVerdict(TestCtLog log) {
        CtLogList logs = CtLogList.of(
                List.of(CtLog.usable(log.keyPair().getPublic().getEncoded(), log.operator(), log.description())));
        CtRequest request = CtRequest.builder(LEAF.der(), PKI.now())
                .issuerSpki(ISSUER.keyPair().getPublic().getEncoded())
                .tlsSct(log.sctFor(LEAF, PKI.now().minusSeconds(60)).encoded())
                .build();
        CtEvaluation ct = CtEvaluator.evaluate(
                request, logs, RuleSet.forRelease(IosRelease.parse("17.4")).ctRules());
        return ct.outcomes().stream().map(SctOutcome::verdict).findFirst().orElseThrow();
    }

    @Test
    void sctUnderALogKeyWithAHugeExponent_doesNotVerify_whileTheRealKeyDoes() throws Exception {
        KeyPair real = PKI.nextKeyPair(KeyAlgorithm.rsa(2048));
        TestCtLog normal = new TestCtLog("normal log", "Op", real, KeyAlgorithm.rsa(2048));
        TestCtLog huge =
                new TestCtLog("huge log", "Op", HostileInputs.withHugeEquivalentExponent(real), KeyAlgorithm.rsa(2048));

        assertThat(tlsSctVerdict(normal))
                .as("control: the real log key verifies")
                .isEqualTo(SctVerdict.VALID);
        assertThat(KeyBounds.within(huge.keyPair().getPublic().getEncoded())).isFalse();
        assertThat(tlsSctVerdict(huge)).isNotEqualTo(SctVerdict.VALID);
    }

    /**
     * A stapled OCSP response for the leaf, signed by a delegated responder (issued by the leaf's CA, EKU
     * OCSPSigning) whose certificate carries {@code responderKey}; the response is signed with
     * {@code signingKey}.
     */
    private static byte[] responseByDelegatedResponder(byte[] responderSpki, java.security.PrivateKey signingKey)
            throws Exception {
        X500Name issuerName =
                new X500Name(ISSUER.certificate().getSubjectX500Principal().getName());
        X500Name responderName = new X500Name("CN=Bounds OCSP Responder");
        Instant now = PKI.now();
        X509v3CertificateBuilder cert = new X509v3CertificateBuilder(
                issuerName,
                BigInteger.valueOf(4242),
                Date.from(now.minusSeconds(86_400)),
                Date.from(now.plusSeconds(86_400)),
                responderName,
                SubjectPublicKeyInfo.getInstance(responderSpki));
        cert.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
        X509CertificateHolder responder = cert.build(new JcaContentSignerBuilder(
                        ISSUER.keyPair().getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA")
                .build(ISSUER.keyPair().getPrivate()));
        CertificateID id = new CertificateID(
                new BcDigestCalculatorProvider().get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
                new X509CertificateHolder(ISSUER.der()),
                LEAF.certificate().getSerialNumber());
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(responderName));
        builder.addResponse(
                id,
                new RevokedStatus(Date.from(now.minusSeconds(3_600))),
                Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(86_400)),
                null);
        BasicOCSPResp basic = builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(signingKey),
                new X509CertificateHolder[] {responder},
                Date.from(now.minusSeconds(60)));
        return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
    }

    @Test
    void ocspResponseFromAResponderWithAHugeExponent_doesNotVerify_whileTheRealKeyDoes() throws Exception {
        KeyPair real = PKI.nextKeyPair(KeyAlgorithm.rsa(2048));
        KeyPair huge = HostileInputs.withHugeEquivalentExponent(real);
        OcspTarget target = OcspTarget.of(LEAF.der(), ISSUER.der());

        OcspResponseCheck control = OcspResponseValidator.check(
                target, responseByDelegatedResponder(real.getPublic().getEncoded(), real.getPrivate()), PKI.now());
        OcspResponseCheck bounded = OcspResponseValidator.check(
                target, responseByDelegatedResponder(huge.getPublic().getEncoded(), real.getPrivate()), PKI.now());

        assertThat(control.verdict()).as("control: %s", control).isEqualTo(OcspVerdict.ACCEPTED);
        assertThat(control.status()).contains(OcspStatus.REVOKED);
        assertThat(bounded.verdict()).as("%s", bounded).isEqualTo(OcspVerdict.BAD_SIGNATURE);
    }

    @Test
    void theRuleBoundsRsaAndDsa_andPassesFixedSizeKeys() throws Exception {
        KeyPair rsa = PKI.nextKeyPair(KeyAlgorithm.rsa(2048));
        assertThat(KeyBounds.within(rsa.getPublic().getEncoded())).isTrue();
        assertThat(KeyBounds.within(
                        PKI.nextKeyPair(KeyAlgorithm.ecP256()).getPublic().getEncoded()))
                .isTrue();
        assertThat(KeyBounds.within(HostileInputs.withHugeEquivalentExponent(rsa)
                        .getPublic()
                        .getEncoded()))
                .isFalse();
        assertThat(KeyBounds.rsaWithin(
                        BigInteger.ONE.shiftLeft(KeyBounds.MAX_RSA_MODULUS_BITS), BigInteger.valueOf(65537)))
                .as("a 16,385-bit modulus")
                .isFalse();
        assertThat(KeyBounds.within(new byte[] {0x30, 0x00})).as("unreadable").isFalse();
    }
}
