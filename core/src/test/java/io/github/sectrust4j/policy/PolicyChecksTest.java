package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.cert;
import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.codes;
import static io.github.sectrust4j.policy.PolicyTestSupport.failure;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static io.github.sectrust4j.policy.PolicyTestSupport.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.Curve;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.SignatureAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test (or more, per release variant) for every check of this package (§2.2, §4, §5, §11.5). */
class PolicyChecksTest {
    private final TestPki pki = TestPki.seeded(11);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();

    private Req req() {
        return new Req(pki.now());
    }

    private List<Certificate> chain(HeldCertificate leaf) {
        return certs(leaf, ca, root);
    }

    // ---------------------------------------------------------------- SSLHostname §3

    @Test
    void hostnameMismatch_isRecordedAtLeafWithPresentedNames() {
        List<Certificate> c = chain(pki.leaf("www.contoso.com", ca).build());
        PathValidation v =
                validate(path(Anchor.APP, c), req().host("mail.contoso.com").build(c));
        Failure f = failure(v, FindingCode.SSL_HOSTNAME).orElseThrow();
        assertThat(f.index()).isZero();
        assertThat(f.evidence().fields())
                .containsEntry("host", "mail.contoso.com")
                .containsEntry("sanDnsNames", List.of("www.contoso.com"));
        assertThat(v.accepted()).isFalse();
    }

    @Test
    void noHost_meansNoHostnameCheck() {
        List<Certificate> c = chain(pki.leaf("www.contoso.com", ca).build());
        assertThat(validate(path(Anchor.APP, c), req().build(c)).accepted()).isTrue();
    }

    @Test
    void basicPolicy_neverChecksHostname() {
        List<Certificate> c = chain(pki.leaf("www.contoso.com", ca).build());
        PathValidation v = validate(
                path(Anchor.APP, c), req().basic().host("other.example").build(c));
        assertThat(codes(v)).doesNotContain(FindingCode.SSL_HOSTNAME);
    }

    @Test
    void basicPolicy_skipsEveryServerOnlyCheck() {
        Instant nb = Instant.parse("2022-01-01T00:00:00Z");
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca)
                .rsa(1024)
                .extendedKeyUsage(CertificateBuilder.EKU_EMAIL_PROTECTION)
                .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                .validity(nb, nb.plus(Duration.ofDays(1200)))
                .build());
        Req basic = new Req(nb.plusSeconds(60)).basic().host("other.example");
        assertThat(validate(path(Anchor.SYSTEM, c), basic.build(c)).accepted()).isTrue();
        Req ssl = new Req(nb.plusSeconds(60)).host("other.example");
        assertThat(codes(validate(path(Anchor.SYSTEM, c), ssl.build(c))))
                .contains(
                        FindingCode.SSL_HOSTNAME,
                        FindingCode.KEY_SIZE,
                        FindingCode.SIGNATURE_HASH_ALGORITHMS,
                        FindingCode.EXTENDED_KEY_USAGE,
                        FindingCode.SERVER_AUTH_EKU,
                        FindingCode.SYSTEM_TRUST_VALIDITY_PERIOD,
                        FindingCode.OTHER_TRUST_VALIDITY_PERIOD);
    }

    @Test
    void commonNameOnlyLeaf_matchesOnIos12_butNotOnIos13() {
        List<Certificate> c =
                chain(pki.leaf("test.apple.com", ca).noSubjectAltName().build());
        assertThat(codes(validate(
                        path(Anchor.APP, c),
                        req().release("12.4").host("test.apple.com").build(c))))
                .doesNotContain(FindingCode.SSL_HOSTNAME);
        assertThat(codes(validate(
                        path(Anchor.APP, c),
                        req().release("13.0").host("test.apple.com").build(c))))
                .contains(FindingCode.SSL_HOSTNAME);
    }

    // ---------------------------------------------------------------- TemporalValidity §5.1

    @Test
    void expiredLeaf_isTemporalValidityAtIndex0() {
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca)
                .validity(pki.now().minus(Duration.ofDays(10)), pki.now().minusSeconds(1))
                .build());
        PathValidation v = validate(path(Anchor.APP, c), req().build(c));
        assertThat(failure(v, FindingCode.TEMPORAL_VALIDITY).orElseThrow().index())
                .isZero();
    }

    @Test
    void leafValidUntilExactlyVerifyTime_isStillValid() {
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca)
                .validity(pki.now().minus(Duration.ofDays(10)), pki.now())
                .build());
        assertThat(validate(path(Anchor.APP, c), req().build(c)).accepted()).isTrue();
    }

    @Test
    void expiredLeafOnIos11_2_isRecordedAsValidLeaf() {
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca)
                .validity(pki.now().minus(Duration.ofDays(10)), pki.now().minusSeconds(1))
                .build());
        PathValidation v = validate(path(Anchor.APP, c), req().release("11.2").build(c));
        assertThat(codes(v)).contains(FindingCode.VALID_LEAF).doesNotContain(FindingCode.TEMPORAL_VALIDITY);
    }

    // ---------------------------------------------------------------- ExtendedKeyUsage §2.2

    @Test
    void leafWithEmailProtectionEkuOnly_failsExtendedKeyUsageAtLeaf() {
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca)
                .extendedKeyUsage(CertificateBuilder.EKU_EMAIL_PROTECTION)
                .build());
        Failure f = failure(
                        validate(path(Anchor.APP, c), req().release("12.0").build(c)), FindingCode.EXTENDED_KEY_USAGE)
                .orElseThrow();
        assertThat(f.index()).isZero();
        assertThat(f.evidence().fields()).containsEntry("presentEku", List.of(CertificateBuilder.EKU_EMAIL_PROTECTION));
    }

    @Test
    void leafWithoutEkuExtension_orWithSgc_passesExtendedKeyUsage() {
        List<Certificate> none =
                chain(pki.leaf("a.contoso.com", ca).noExtendedKeyUsage().build());
        List<Certificate> sgc = chain(pki.leaf("b.contoso.com", ca)
                .extendedKeyUsage(CertificateBuilder.EKU_NETSCAPE_SGC)
                .build());
        assertThat(codes(validate(path(Anchor.APP, none), req().release("12.0").build(none))))
                .doesNotContain(FindingCode.EXTENDED_KEY_USAGE);
        assertThat(codes(validate(path(Anchor.APP, sgc), req().release("12.0").build(sgc))))
                .doesNotContain(FindingCode.EXTENDED_KEY_USAGE);
    }

    @Test
    void subCaWithClientAuthOnly_failsExtendedKeyUsageAtItsIndex_fromIos16() {
        HeldCertificate clientCa = pki.intermediate("Client CA", root)
                .extendedKeyUsage(CertificateBuilder.EKU_CLIENT_AUTH)
                .build();
        List<Certificate> c = certs(pki.leaf("a.contoso.com", clientCa).build(), clientCa, root);
        assertThat(failure(
                                validate(
                                        path(Anchor.APP, c),
                                        req().release("16.0").build(c)),
                                FindingCode.EXTENDED_KEY_USAGE)
                        .orElseThrow()
                        .index())
                .isEqualTo(1);
        assertThat(codes(validate(path(Anchor.APP, c), req().release("15.7").build(c))))
                .doesNotContain(FindingCode.EXTENDED_KEY_USAGE);
    }

    // ---------------------------------------------------------------- ServerAuthEKU §2.2

    @Test
    void systemTrustedLeafWithoutEku_failsServerAuthEku_evenIssuedIn2018() {
        Instant nb = Instant.parse("2018-06-01T00:00:00Z");
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca)
                .noExtendedKeyUsage()
                .validity(nb, nb.plus(Duration.ofDays(300)))
                .build());
        PathValidation v = validate(
                path(Anchor.SYSTEM, c),
                new Req(nb.plusSeconds(60)).release("13.0").build(c));
        assertThat(failure(v, FindingCode.SERVER_AUTH_EKU).orElseThrow().index())
                .isZero();
    }

    @Test
    void systemTrustedLeafWithAnyEkuOnly_failsServerAuthEku() {
        List<Certificate> c =
                chain(pki.leaf("a.contoso.com", ca).anyExtendedKeyUsage().build());
        assertThat(codes(validate(path(Anchor.SYSTEM, c), req().build(c))))
                .contains(FindingCode.SERVER_AUTH_EKU)
                .doesNotContain(FindingCode.EXTENDED_KEY_USAGE);
    }

    @Test
    void profileAnchoredLeafWithoutEku_skipsServerAuthEku() {
        List<Certificate> c =
                chain(pki.leaf("a.contoso.com", ca).noExtendedKeyUsage().build());
        assertThat(validate(path(Anchor.PROFILE, c), req().build(c)).accepted()).isTrue();
        assertThat(codes(validate(path(Anchor.APP, c), req().build(c)))).containsExactly(FindingCode.SERVER_AUTH_EKU);
    }

    @Test
    void systemSubCaWithClientAuthOnly_isServerAuthEkuAtIndex0_fromIos14() {
        HeldCertificate clientCa = pki.intermediate("Client CA", root)
                .extendedKeyUsage(CertificateBuilder.EKU_CLIENT_AUTH)
                .build();
        List<Certificate> c = certs(pki.leaf("a.contoso.com", clientCa).build(), clientCa, root);
        Failure f = failure(
                        validate(path(Anchor.SYSTEM, c), req().release("14.0").build(c)), FindingCode.SERVER_AUTH_EKU)
                .orElseThrow();
        assertThat(f.index()).isZero();
        assertThat(f.evidence().fields()).containsEntry("subCaIndex", 1);
        assertThat(codes(validate(path(Anchor.SYSTEM, c), req().release("13.7").build(c))))
                .doesNotContain(FindingCode.SERVER_AUTH_EKU);
    }

    @Test
    void serverAuthEku_isAbsentBeforeIos13() {
        List<Certificate> c =
                chain(pki.leaf("a.contoso.com", ca).noExtendedKeyUsage().build());
        assertThat(validate(path(Anchor.SYSTEM, c), req().release("12.4").build(c))
                        .accepted())
                .isTrue();
    }

    // ---------------------------------------------------------------- KeySize §4

    @Test
    void rsa1024LeafUnderAppAnchor_failsKeySize_recoverable() {
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca).rsa(1024).build());
        Failure f = failure(validate(path(Anchor.APP, c), req().build(c)), FindingCode.KEY_SIZE)
                .orElseThrow();
        assertThat(f.index()).isZero();
        assertThat(f.severity()).isEqualTo(Severity.RECOVERABLE);
        assertThat(f.evidence().fields()).containsEntry("keyBits", 1024);
    }

    @Test
    void rsa1024LeafThatIsItselfAUserStoreAnchor_skipsKeySize() {
        List<Certificate> c = certs(pki.leaf("a.contoso.com", ca).rsa(1024).build());
        PathValidation v = validate(path(Anchor.PROFILE, c), req().build(c));
        assertThat(codes(v)).doesNotContain(FindingCode.KEY_SIZE);
    }

    @Test
    void rsa1024LeafUnderUserTrustedRoot_stillFailsKeySize() {
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca).rsa(1024).build());
        assertThat(codes(validate(path(Anchor.PROFILE, c), req().build(c)))).contains(FindingCode.KEY_SIZE);
    }

    @Test
    void ed25519Leaf_failsKeySize() {
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca).ed25519().build());
        assertThat(codes(validate(path(Anchor.APP, c), req().build(c)))).contains(FindingCode.KEY_SIZE);
    }

    @Test
    void rsa1024Root_failsKeySizeAtTheRootIndex() {
        HeldCertificate weakRoot = pki.root("Weak Root").rsa(1024).build();
        HeldCertificate i = pki.intermediate("CA", weakRoot).build();
        List<Certificate> c = certs(pki.leaf("a.contoso.com", i).build(), i, weakRoot);
        assertThat(failure(validate(path(Anchor.APP, c), req().build(c)), FindingCode.KEY_SIZE)
                        .orElseThrow()
                        .index())
                .isEqualTo(2);
    }

    @Test
    void keySize_isNotCheckedBeforeIos13() {
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca).rsa(1024).build());
        assertThat(validate(path(Anchor.APP, c), req().release("12.4").build(c)).accepted())
                .isTrue();
    }

    // ---------------------------------------------------------------- SignatureHashAlgorithms §4.2

    @Test
    void sha1LeafUnderAppAnchor_failsSignatureHashAlgorithms() {
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca)
                .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                .build());
        Failure f = failure(validate(path(Anchor.APP, c), req().build(c)), FindingCode.SIGNATURE_HASH_ALGORITHMS)
                .orElseThrow();
        assertThat(f.index()).isZero();
        assertThat(f.evidence().fields()).containsEntry("signatureHash", "SHA1");
    }

    @Test
    void selfSignedSha1Root_isExempt() {
        HeldCertificate sha1Root = pki.root("SHA1 Root")
                .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                .build();
        HeldCertificate i = pki.intermediate("CA", sha1Root).build();
        List<Certificate> c = certs(pki.leaf("a.contoso.com", i).build(), i, sha1Root);
        assertThat(validate(path(Anchor.APP, c), req().build(c)).accepted()).isTrue();
    }

    @Test
    void sha1IntermediateAnchor_isExemptOnlyWhenUserStoreAnchored() {
        HeldCertificate sha1Ca = pki.intermediate("SHA1 CA", root)
                .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                .build();
        List<Certificate> c = certs(pki.leaf("a.contoso.com", sha1Ca).build(), sha1Ca);
        assertThat(codes(validate(path(Anchor.PROFILE, c), req().build(c))))
                .doesNotContain(FindingCode.SIGNATURE_HASH_ALGORITHMS);
        assertThat(failure(validate(path(Anchor.APP, c), req().build(c)), FindingCode.SIGNATURE_HASH_ALGORITHMS)
                        .orElseThrow()
                        .index())
                .isEqualTo(1);
    }

    // ---------------------------------------------------------------- SystemTrustedWeakHash/Key §4.3 (iOS 11–12)

    @Test
    void sha1LeafUnderSystemRoot_onIos12_isSystemTrustedWeakHash_butAppAnchorsAreExempt() {
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca)
                .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                .build());
        assertThat(codes(validate(path(Anchor.SYSTEM, c), req().release("12.0").build(c))))
                .containsExactly(FindingCode.SYSTEM_TRUSTED_WEAK_HASH);
        assertThat(validate(
                                path(Anchor.APP_COPY_OF_SYSTEM, c),
                                req().release("12.0").build(c))
                        .accepted())
                .isTrue();
        assertThat(validate(path(Anchor.SYSTEM, c), req().release("10.3").build(c))
                        .accepted())
                .as("iOS 10.3 enforced it in Safari only; the modelled caller is not Safari")
                .isTrue();
    }

    @Test
    void rsa1024LeafUnderSystemRoot_onIos11_isSystemTrustedWeakKey_p224Passes() {
        List<Certificate> weak = chain(pki.leaf("a.contoso.com", ca).rsa(1024).build());
        List<Certificate> p224 =
                chain(pki.leaf("b.contoso.com", ca).ec(Curve.P224).build());
        assertThat(codes(validate(
                        path(Anchor.SYSTEM, weak), req().release("11.0").build(weak))))
                .containsExactly(FindingCode.SYSTEM_TRUSTED_WEAK_KEY);
        assertThat(validate(path(Anchor.SYSTEM, p224), req().release("11.0").build(p224))
                        .accepted())
                .isTrue();
    }

    // ---------------------------------------------------------------- NonEmptySubject, extensions, IdLinkage §2.2

    @Test
    void emptySubjectLeaf_needsCriticalSan() {
        List<Certificate> bad =
                chain(pki.leaf("a.contoso.com", ca).emptySubject().build());
        List<Certificate> ok = chain(pki.leaf("b.contoso.com", ca)
                .emptySubject()
                .subjectAltNameCritical(true)
                .build());
        assertThat(failure(validate(path(Anchor.APP, bad), req().build(bad)), FindingCode.NON_EMPTY_SUBJECT)
                        .orElseThrow()
                        .index())
                .isZero();
        assertThat(codes(validate(path(Anchor.APP, ok), req().build(ok))))
                .doesNotContain(FindingCode.NON_EMPTY_SUBJECT);
    }

    @Test
    void unparseableNonCriticalSan_failsUnparseableExtension_fromIos13() {
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca)
                .noSubjectAltName()
                .garbageExtension("2.5.29.17", false)
                .build());
        assertThat(c.get(0).unparseableExtensions()).isNotEmpty();
        assertThat(codes(validate(path(Anchor.APP, c), req().basic().build(c))))
                .contains(FindingCode.UNPARSEABLE_EXTENSION);
        assertThat(codes(validate(
                        path(Anchor.APP, c), req().basic().release("12.4").build(c))))
                .doesNotContain(FindingCode.UNPARSEABLE_EXTENSION);
    }

    @Test
    void duplicatedExtension_failsDuplicateExtension_fromIos15() {
        List<Certificate> c = chain(
                pki.leaf("a.contoso.com", ca).duplicateExtension("2.5.29.15").build());
        assertThat(failure(
                                validate(
                                        path(Anchor.APP, c),
                                        req().release("15.0").build(c)),
                                FindingCode.DUPLICATE_EXTENSION)
                        .orElseThrow()
                        .index())
                .isZero();
        assertThat(codes(validate(path(Anchor.APP, c), req().release("14.8").build(c))))
                .doesNotContain(FindingCode.DUPLICATE_EXTENSION);
    }

    @Test
    void mismatchedAuthorityKeyId_failsIdLinkageAtTheChild() {
        List<Certificate> c = chain(pki.leaf("a.contoso.com", ca)
                .authorityKeyId(new byte[] {1, 2, 3, 4})
                .build());
        Failure f = failure(validate(path(Anchor.APP, c), req().build(c)), FindingCode.ID_LINKAGE)
                .orElseThrow();
        assertThat(f.index()).isZero();
        assertThat(f.evidence().fields()).containsEntry("authorityKeyIdentifier", "01020304");
    }

    // ---------------------------------------------------------------- blocked / gray lists §2.2, §11

    private static final String REVOKED_2017 = "0D136E439F0AB6E97F3A02A540DA9F0641AA554E1D66EA51AE2920D51B2F7217";
    private static final String DISTRUSTED_2017 = "EA0EAA710893CC16047BF21C624BDC6F0A7CF1106752E9ADAEB019BB90D9EB1F";

    @Test
    void blockedKeyAtIntermediatePosition_isFatalBlackListedKey_butNotOnTheAnchoredTop() {
        Certificate blocked = PolicyTestSupport.sharedCertificate(REVOKED_2017);
        List<Certificate> c = List.of(cert(pki.leaf("a.contoso.com", ca).build()), blocked, cert(root));
        Req r = new Req(blocked.notBefore().plusSeconds(60))
                .release("11.0")
                .store(AppleTrustStores.version(2017081600));
        Failure f = failure(validate(path(Anchor.APP, c), r.build(c)), FindingCode.BLACK_LISTED_KEY)
                .orElseThrow();
        assertThat(f.index()).isEqualTo(1);
        assertThat(f.severity()).isEqualTo(Severity.FATAL);
        List<Certificate> top = List.of(cert(pki.leaf("a.contoso.com", ca).build()), blocked);
        assertThat(codes(validate(path(Anchor.APP, top), r.build(top)))).doesNotContain(FindingCode.BLACK_LISTED_KEY);
    }

    @Test
    void distrustedKey_isGrayListedLeafAtLeaf_andGrayListedKeyAbove() {
        Certificate gray = PolicyTestSupport.sharedCertificate(DISTRUSTED_2017);
        Req r = new Req(gray.notBefore().plusSeconds(60)).release("11.0").store(AppleTrustStores.version(2017081600));
        List<Certificate> asLeaf = List.of(gray, cert(root));
        assertThat(codes(validate(path(Anchor.APP, asLeaf), r.build(asLeaf)))).contains(FindingCode.GRAY_LISTED_LEAF);
        List<Certificate> asCa = List.of(cert(pki.leaf("a.contoso.com", ca).build()), gray, cert(root));
        Failure f = failure(validate(path(Anchor.APP, asCa), r.build(asCa)), FindingCode.GRAY_LISTED_KEY)
                .orElseThrow();
        assertThat(f.index()).isEqualTo(1);
        assertThat(f.severity()).isEqualTo(Severity.RECOVERABLE);
    }

    @Test
    void comodo2011SerialFromUtnUserFirstHardware_isFatalBlackListedLeaf() {
        HeldCertificate utn = pki.root("ignored")
                .subject(
                        "CN=UTN-USERFirst-Hardware,OU=http://www.usertrust.com,O=The USERTRUST Network,L=Salt Lake City,ST=UT,C=US")
                .build();
        HeldCertificate other = pki.root("Other Root").build();
        BigInteger serial = new BigInteger("D8F35F4EB7872B2DAB0692E315382FB0", 16);
        List<Certificate> c =
                certs(pki.leaf("login.yahoo.com", utn).serial(serial).build(), utn);
        Failure f = failure(validate(path(Anchor.APP, c), req().build(c)), FindingCode.BLACK_LISTED_LEAF)
                .orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.FATAL);
        List<Certificate> notUtn =
                certs(pki.leaf("login.yahoo.com", other).serial(serial).build(), other);
        assertThat(codes(validate(path(Anchor.APP, notUtn), req().build(notUtn))))
                .doesNotContain(FindingCode.BLACK_LISTED_LEAF);
    }

    // ---------------------------------------------------------------- WoSign/StartCom §11.5

    private static final String STARTCOM = "C766A9BEF2D4071C863A31AA4920E813B2D198608CB7B7CFE21143B836DF09EA";

    @Test
    void leafIssuedOnOrAfter2016_12_01_belowStartCom_isBlackListedKeyAtTheRoot_fromIos10_2() {
        Certificate startCom = PolicyTestSupport.sharedCertificate(STARTCOM);
        Instant cutoff = Instant.parse("2016-12-01T00:00:00Z");
        Certificate late = cert(pki.leaf("a.contoso.com", ca)
                .validity(cutoff, cutoff.plus(Duration.ofDays(300)))
                .build());
        Certificate early = cert(pki.leaf("b.contoso.com", ca)
                .validity(cutoff.minusSeconds(1), cutoff.plus(Duration.ofDays(300)))
                .build());
        List<Certificate> c = List.of(late, cert(ca), startCom);
        Req r = new Req(cutoff.plus(Duration.ofDays(1))).release("10.2");
        Failure f = failure(validate(path(Anchor.SYSTEM, c), r.build(c)), FindingCode.BLACK_LISTED_KEY)
                .orElseThrow();
        assertThat(f.index()).isEqualTo(2);
        assertThat(codes(validate(path(Anchor.SYSTEM, c), r.release("10.1").build(c))))
                .doesNotContain(FindingCode.BLACK_LISTED_KEY);
        HeldCertificate oldCa = pki.intermediate("StartCom Class 1 CA", root)
                .validity(Instant.parse("2015-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"))
                .build();
        List<Certificate> e = List.of(early, cert(oldCa), startCom);
        assertThat(codes(validate(path(Anchor.SYSTEM, e), new Req(cutoff.plus(Duration.ofDays(1))).build(e))))
                .doesNotContain(FindingCode.BLACK_LISTED_KEY);
    }
}
