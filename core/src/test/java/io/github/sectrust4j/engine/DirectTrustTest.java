package io.github.sectrust4j.engine;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.CertificateRole;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.PathCertificate;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.SignatureAlgorithm;
import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * §7.3/§7.5: a certificate that is not a root — the server's own certificate or an issuing CA — trusted
 * directly in the user store is an anchor and the path ends at it; Apple's vectors say which checks
 * still apply ({@code SSLPolicyTests} testUserTrustLeaf_*, {@code KeySizeTests} test1024_trustSettingsOnLeaf,
 * {@code SignatureAlgorithmTests} testSHA1_trustSettingsOnLeaf, {@code VerifyDateTests}
 * testUserTrustLeaf_MoreThan825Days_*, {@code NameConstraintsTests} testUserAnchorWithNameConstraints*).
 */
@ExtendWith(TestPkiExtension.class)
class DirectTrustTest {

    private static SecTrust ios(TestPki pki) {
        return SecTrust.ios("17.4").forServer("example.com").at(pki.now());
    }

    private static Certificate cert(HeldCertificate h) {
        return Certificate.parse(h.der());
    }

    private static Optional<Finding> finding(TrustReport r, FindingCode code) {
        return r.findings().stream().filter(f -> f.code() == code).findFirst();
    }

    @Test
    void serverCertificateInstalledByMdm_isTheAnchor_pathEndsAtIt(TestPki pki) {
        HeldCertificate root = pki.root("Corp Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();

        TrustReport report = ios(pki).withMdmRoot(cert(leaf)).evaluate(certs(leaf));

        assertThat(report.result()).as(report.explain()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(report.path()).extracting(PathCertificate::role).containsExactly(CertificateRole.ANCHOR);
        assertThat(report.path().get(0).anchorSource()).contains(AnchorSource.MDM);
        assertThat(finding(report, FindingCode.DIRECT_TRUST)).get().satisfies(f -> {
            assertThat(f.message()).contains("the server certificate itself").contains("is trusted on this device");
            assertThat(f.evidence()).containsEntry("position", "leaf").containsEntry("anchorSource", "mdm");
        });
    }

    @Test
    void serverCertificateInProfile_needsFullTrustFrom10_3(TestPki pki) {
        HeldCertificate root = pki.root("Corp Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();

        TrustReport on = ios(pki).withProfileRoot(cert(leaf), FullTrust.ON).evaluate(certs(leaf));
        assertThat(on.result()).as(on.explain()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(on.path().get(0).anchorSource()).contains(AnchorSource.PROFILE);

        TrustReport off = ios(pki).withProfileRoot(cert(leaf), FullTrust.OFF).evaluate(certs(leaf));
        assertThat(off.trusted()).isFalse();
        assertThat(off.has(FindingCode.DIRECT_TRUST)).isFalse();
        Finding missing =
                finding(off, FindingCode.MISSING_INTERMEDIATE).orElseThrow(() -> new AssertionError(off.explain()));
        assertThat(missing.remedy()).contains("The server certificate itself").contains("full trust is not turned on");

        // before iOS 10.3 a profile certificate was fully trusted once installed (§7.1)
        TrustReport old = SecTrust.ios("10.2")
                .forServer("example.com")
                .at(pki.now())
                .withProfileRoot(cert(leaf), FullTrust.OFF)
                .evaluate(certs(leaf));
        assertThat(old.trusted()).as(old.explain()).isTrue();
    }

    @Test
    void partialTrust_stillAnchorsOtherPolicies_asManagedConfigurationWritesIt(TestPki pki) {
        HeldCertificate root = pki.root("Corp Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();

        // [{SSL, Unspecified}, {TrustAsRoot}]: not for TLS, but for the basic policy
        TrustReport basic = SecTrust.ios("17.4")
                .basicPolicy()
                .at(pki.now())
                .withProfileRoot(cert(leaf), FullTrust.OFF)
                .evaluate(certs(leaf));
        assertThat(basic.trusted()).as(basic.explain()).isTrue();
    }

    @Test
    void leafTrustedDirectly_isStillRefusedFor_expiry_hostName_weakKey_md5(TestPki pki) {
        HeldCertificate root = pki.root("Corp Root").build();

        HeldCertificate expired = pki.leaf("example.com", root)
                .validity(pki.now().minus(Duration.ofDays(30)), pki.now().minus(Duration.ofDays(1)))
                .build();
        TrustReport r1 = ios(pki).withMdmRoot(cert(expired)).evaluate(certs(expired));
        assertThat(r1.trusted()).isFalse();
        assertThat(r1.has(FindingCode.TEMPORAL_VALIDITY)).as(r1.explain()).isTrue();
        assertThat(r1.path()).hasSize(1);
        assertThat(r1.path().get(0).role()).isEqualTo(CertificateRole.ANCHOR);

        HeldCertificate other =
                pki.leaf("other.example.com", root).validForDays(90).build();
        TrustReport r2 = ios(pki).withMdmRoot(cert(other)).evaluate(certs(other));
        assertThat(r2.trusted()).isFalse();
        assertThat(r2.has(FindingCode.SSL_HOSTNAME)).as(r2.explain()).isTrue();

        HeldCertificate weak =
                pki.leaf("example.com", root).rsa(512).validForDays(90).build();
        TrustReport r3 = ios(pki).withMdmRoot(cert(weak)).evaluate(certs(weak));
        assertThat(r3.result()).as(r3.explain()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(r3.has(FindingCode.WEAK_KEY_SIZE)).isTrue();

        HeldCertificate rsaRoot = pki.root("RSA Root").rsa(2048).build();
        HeldCertificate md5 = pki.leaf("example.com", rsaRoot)
                .rsa(2048)
                .signatureAlgorithm(SignatureAlgorithm.MD5_WITH_RSA)
                .validForDays(90)
                .build();
        TrustReport r4 = ios(pki).withMdmRoot(cert(md5)).evaluate(certs(md5));
        assertThat(r4.result()).as(r4.explain()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(r4.has(FindingCode.WEAK_SIGNATURE)).isTrue();
    }

    @Test
    void leafTrustedDirectly_isExemptFrom_keySize_sha1_eku_825days_asApplesVectorsSay(TestPki pki) {
        HeldCertificate rsaRoot = pki.root("RSA Root").rsa(2048).build();
        // KeySizeTests test1024_trustSettingsOnLeaf
        HeldCertificate rsa1024 =
                pki.leaf("example.com", rsaRoot).rsa(1024).validForDays(90).build();
        TrustReport r1 = ios(pki).withMdmRoot(cert(rsa1024)).evaluate(certs(rsa1024));
        assertThat(r1.trusted()).as(r1.explain()).isTrue();
        // ... while the same leaf under an installed root fails KeySize
        TrustReport underRoot = ios(pki).withMdmRoot(cert(rsaRoot)).evaluate(certs(rsa1024));
        assertThat(underRoot.has(FindingCode.KEY_SIZE)).as(underRoot.explain()).isTrue();

        // SignatureAlgorithmTests testSHA1_trustSettingsOnLeaf
        HeldCertificate sha1 = pki.leaf("example.com", rsaRoot)
                .rsa(2048)
                .signatureAlgorithm(SignatureAlgorithm.SHA1_WITH_RSA)
                .validForDays(90)
                .build();
        TrustReport r2 = ios(pki).withMdmRoot(cert(sha1)).evaluate(certs(sha1));
        assertThat(r2.trusted()).as(r2.explain()).isTrue();

        // SSLPolicyTests testUserTrustLeaf_MissingEKU_AfterJul2019
        HeldCertificate noEku = pki.leaf("example.com", rsaRoot)
                .noExtendedKeyUsage()
                .validForDays(90)
                .build();
        TrustReport r3 = ios(pki).withMdmRoot(cert(noEku)).evaluate(certs(noEku));
        assertThat(r3.trusted()).as(r3.explain()).isTrue();

        // VerifyDateTests testUserTrustLeaf_MoreThan825Days_AfterJul2019
        HeldCertificate threeYears = pki.leaf("example.com", rsaRoot)
                .validity(pki.now().minus(Duration.ofDays(1)), pki.now().plus(Duration.ofDays(3 * 365)))
                .build();
        TrustReport r4 = ios(pki).withMdmRoot(cert(threeYears)).evaluate(certs(threeYears));
        assertThat(r4.trusted()).as(r4.explain()).isTrue();
        TrustReport r4root = ios(pki).withMdmRoot(cert(rsaRoot)).evaluate(certs(threeYears));
        assertThat(r4root.has(FindingCode.OTHER_TRUST_VALIDITY_PERIOD))
                .as(r4root.explain())
                .isTrue();
    }

    @Test
    void intermediateTrustedByMdm_pathStopsThere_evenWhenTheRootIsSent(TestPki pki) {
        TestChain chain = pki.chain("example.com");
        HeldCertificate root = chain.root();
        HeldCertificate ica = chain.intermediate();
        HeldCertificate leaf = chain.leaf();

        TrustReport report = ios(pki).withMdmRoot(cert(ica)).evaluate(certs(leaf, ica, root));

        assertThat(report.result()).as(report.explain()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(report.path())
                .extracting(PathCertificate::role)
                .containsExactly(CertificateRole.LEAF, CertificateRole.ANCHOR);
        assertThat(report.path().get(1).anchorSource()).contains(AnchorSource.MDM);
        assertThat(finding(report, FindingCode.DIRECT_TRUST))
                .get()
                .satisfies(f -> assertThat(f.message()).contains("an intermediate is trusted directly"));

        // the leaf under a directly trusted intermediate is not exempt from KeySize (§4.2)
        HeldCertificate weakLeaf =
                pki.leaf("example.com", ica).rsa(1024).validForDays(90).build();
        TrustReport weak = ios(pki).withMdmRoot(cert(ica)).evaluate(certs(weakLeaf, ica));
        assertThat(weak.has(FindingCode.KEY_SIZE)).as(weak.explain()).isTrue();
    }

    @Test
    void intermediateTrustedDirectly_stillHonoursARevokedStapledResponse(TestPki pki) {
        TestChain chain = pki.chain("example.com");
        HeldCertificate ica = chain.intermediate();
        HeldCertificate leaf = chain.leaf();
        byte[] revoked = pki.ocsp(leaf, ica)
                .revoked(pki.now().minus(Duration.ofDays(2)), RevocationReason.KEY_COMPROMISE)
                .build();

        TrustReport r = ios(pki).withMdmRoot(cert(ica)).withStapledOcsp(revoked).evaluate(certs(leaf, ica));

        assertThat(r.result()).as(r.explain()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(r.has(FindingCode.REVOCATION)).isTrue();
    }

    @Test
    void trustedIntermediate_enforcesItsNameConstraints(TestPki pki) {
        HeldCertificate root = pki.root("Corp Root").build();
        HeldCertificate ica = pki.intermediate("Constrained CA", root)
                .permittedDns("example.com")
                .build();
        HeldCertificate inside =
                pki.leaf("www.example.com", ica).validForDays(90).build();
        HeldCertificate outside =
                pki.leaf("www.example.org", ica).validForDays(90).build();

        // NameConstraintsTests testUserAnchorWithNameConstraintsPass / Fail (basic policy)
        SecTrust basic = SecTrust.ios("17.4").basicPolicy().at(pki.now()).withMdmRoot(cert(ica));
        assertThat(basic.evaluate(certs(inside, ica)).trusted()).isTrue();
        TrustReport fail = basic.evaluate(certs(outside, ica));
        assertThat(fail.trusted()).isFalse();
        assertThat(fail.path()).hasSize(2);
        assertThat(fail.findings())
                .extracting(Finding::code)
                .containsAnyOf(FindingCode.NAME_CONSTRAINTS, FindingCode.BASIC_CERTIFICATE_PROCESSING);

        TrustReport ssl = SecTrust.ios("17.4")
                .forServer("www.example.org")
                .at(pki.now())
                .withMdmRoot(cert(ica))
                .evaluate(certs(outside, ica));
        assertThat(ssl.trusted()).as(ssl.explain()).isFalse();
    }

    @Test
    void explicitTrustSettings_onACertificateThatIsNotSelfSigned_followTrustd(TestPki pki) {
        HeldCertificate root = pki.root("Corp Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();
        Certificate c = cert(leaf);

        // an empty array anchors only a self-signed certificate (SecPVCIsAnchorPerConstraints)
        TrustReport empty = ios(pki).withUserRoot(
                        new UserRoot(c, InstallChannel.MDM, FullTrust.ON, Optional.of(List.of())))
                .evaluate(certs(leaf));
        assertThat(empty.trusted()).as(empty.explain()).isFalse();
        // TrustRoot is for self-signed certificates only
        TrustReport trustRoot = ios(pki).withUserRoot(new UserRoot(
                        c,
                        InstallChannel.MDM,
                        FullTrust.ON,
                        Optional.of(List.of(TrustSetting.of(TrustSetting.Result.TRUST_ROOT)))))
                .evaluate(certs(leaf));
        assertThat(trustRoot.trusted()).isFalse();
        // TrustAsRoot anchors it
        TrustReport asRoot = ios(pki).withUserRoot(new UserRoot(
                        c,
                        InstallChannel.PROFILE,
                        FullTrust.OFF,
                        Optional.of(List.of(TrustSetting.of(TrustSetting.Result.TRUST_AS_ROOT)))))
                .evaluate(certs(leaf));
        assertThat(asRoot.result()).as(asRoot.explain()).isEqualTo(SecTrustResult.PROCEED);
        // Deny stops the path at it and denies
        TrustReport deny = ios(pki).withUserRoot(new UserRoot(
                        c,
                        InstallChannel.MDM,
                        FullTrust.ON,
                        Optional.of(List.of(TrustSetting.of(TrustSetting.Result.DENY)))))
                .evaluate(certs(leaf));
        assertThat(deny.result()).isEqualTo(SecTrustResult.DENY);
        assertThat(deny.has(FindingCode.DIRECT_TRUST)).isFalse();
    }

    @Test
    void leafTrustedDirectly_isNotSubjectToCt_evenUnderAnAppleStoreRoot(TestPki pki) {
        HeldCertificate root = pki.root("Public Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();

        // no SCTs: under the system root CT fails; the same leaf trusted directly is anchored at itself
        TrustReport system = ios(pki).withExtraSystemRoots(certs(root)).evaluate(certs(leaf));
        assertThat(system.trusted()).as(system.explain()).isFalse();
        TrustReport direct = ios(pki).withExtraSystemRoots(certs(root))
                .withMdmRoot(cert(leaf))
                .evaluate(certs(leaf, root));
        assertThat(direct.trusted()).as(direct.explain()).isTrue();
        assertThat(direct.path()).hasSize(1);
    }
}
