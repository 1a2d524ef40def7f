package io.github.sectrust4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.Chains;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.SignatureAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of spec §12.3 ("which single error does SecTrustEvaluateWithError report")
 * end to end through the public API, iOS 26. The "public leaf" rows use a minted root added as a
 * system root ({@code withExtraSystemRoots}) and three test CT logs given as the log list; "otherwise
 * fine" means the leaf carries qualifying embedded SCTs.
 */
class SpecWorkedExamplesTest {
    private static TestPki pki;
    private static Instant now;
    private static HeldCertificate root;
    private static HeldCertificate ca;

    @BeforeAll
    static void mint() {
        pki = TestPki.seeded(1203);
        now = pki.now();
        root = pki.root("Worked Example Root").build();
        ca = pki.intermediate("Worked Example CA", root).build();
    }

    @Test
    void selfSignedUntrustedLeaf_expired_wrongHost_reportsNotTrusted() {
        HeldCertificate self = pki.root("self.example")
                .dnsNames("self.example")
                .serverAuth()
                .validity(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)))
                .build();

        TrustReport r = trust("other.example").evaluate(certs(self));

        assertError(
                r,
                TrustError.NOT_TRUSTED,
                FindingCode.ANCHOR_TRUSTED,
                FindingCode.TEMPORAL_VALIDITY,
                FindingCode.SSL_HOSTNAME); // Trust (7) beats Name (9) and Expired (10)
    }

    @Test
    void trustedChain_expiredLeaf_wrongHost_reportsHostNameMismatch() {
        HeldCertificate leaf = pki.leaf("www.example.com", ca)
                .validity(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)))
                .build();

        TrustReport r = trust("mail.example.com").withAnchors(certs(root)).evaluate(certs(leaf, ca));

        assertError(r, TrustError.HOST_NAME_MISMATCH, FindingCode.SSL_HOSTNAME, FindingCode.TEMPORAL_VALIDITY);
    }

    @Test
    void trustedChain_expiredLeafOnly_reportsExpired() {
        HeldCertificate leaf = pki.leaf("www.example.com", ca)
                .validity(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1)))
                .build();

        TrustReport r = trust("www.example.com").withAnchors(certs(root)).evaluate(certs(leaf, ca));

        assertError(r, TrustError.CERTIFICATE_EXPIRED, FindingCode.TEMPORAL_VALIDITY);
    }

    @Test
    void leafWithoutServerAuth_wrongHost_reportsExtendedKeyUsage() {
        HeldCertificate leaf =
                pki.leaf("www.example.com", ca).noExtendedKeyUsage().build();

        TrustReport r = trust("mail.example.com").withAnchors(certs(root)).evaluate(certs(leaf, ca));

        assertError(r, TrustError.INVALID_EXTENDED_KEY_USAGE, FindingCode.SERVER_AUTH_EKU, FindingCode.SSL_HOSTNAME);
    }

    @Test
    void sha1Leaf_underUntrustedRoot_reportsWeakDigest() {
        HeldCertificate rsaRoot = pki.root("Worked Example RSA Root").rsa(2048).build();
        HeldCertificate leaf = pki.leaf("www.example.com", rsaRoot)
                .rsa(2048)
                .signatureAlgorithm(SignatureAlgorithm.SHA1_WITH_RSA)
                .build();

        TrustReport r = trust("www.example.com").evaluate(certs(leaf, rsaRoot));

        assertError(
                r,
                TrustError.INVALID_DIGEST_ALGORITHM,
                FindingCode.SIGNATURE_HASH_ALGORITHMS,
                FindingCode.ANCHOR_TRUSTED); // WeakHash (3) beats Trust (7)
    }

    @Test
    void rsa1024Leaf_untrustedRoot_wrongHost_reportsKeySize() {
        HeldCertificate leaf = pki.leaf("www.example.com", root).rsa(1024).build();

        TrustReport r = trust("mail.example.com").evaluate(certs(leaf, root));

        assertError(
                r,
                TrustError.UNSUPPORTED_KEY_SIZE,
                FindingCode.KEY_SIZE,
                FindingCode.ANCHOR_TRUSTED,
                FindingCode.SSL_HOSTNAME);
    }

    @Test
    void rootDeniedByTheUser_wrongHost_reportsTrustSettingDeny() {
        HeldCertificate leaf = pki.leaf("www.example.com", ca).build();
        UserRoot denied = new UserRoot(
                certs(root).get(0),
                InstallChannel.MDM,
                FullTrust.ON,
                Optional.of(List.of(TrustSetting.of(TrustSetting.Result.DENY))));

        TrustReport r = trust("mail.example.com").withUserRoot(denied).evaluate(certs(leaf, ca));

        assertThat(r.result()).isEqualTo(SecTrustResult.DENY);
        assertThat(r.error()).contains(TrustError.TRUST_SETTING_DENY);
        assertThat(codes(r)).contains(FindingCode.USAGE_CONSTRAINTS, FindingCode.SSL_HOSTNAME);
    }

    @Test
    void badKeyIdLinkage_underUntrustedRoot_reportsComplianceBeforeTrust() {
        HeldCertificate leaf = pki.leaf("www.example.com", root)
                .authorityKeyId(new byte[] {1, 2, 3, 4})
                .build();

        TrustReport r = trust("www.example.com").evaluate(certs(leaf, root));

        assertError(r, TrustError.INVALID_ID_LINKAGE, FindingCode.ID_LINKAGE, FindingCode.ANCHOR_TRUSTED);
    }

    // ---- public (system-trusted) leaves: CT and the 398-day rule; revocation ----

    private static List<TestCtLog> logs() {
        return List.of(
                pki.ctLog("Worked Example Log A"),
                pki.ctLog("Worked Example Log B"),
                pki.ctLog("Worked Example Log C"));
    }

    private static String ctLogsJson(List<TestCtLog> logs) {
        return logs.stream()
                .map(l -> "{\"key\":\"" + l.publicKeyBase64() + "\",\"operator\":\"" + l.operator()
                        + "\",\"description\":\"" + l.description() + "\",\"state\":\"usable\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static SecTrust publicTrust(String host, List<TestCtLog> logs) {
        return trust(host).withExtraSystemRoots(certs(root)).withCtLogs(ctLogsJson(logs));
    }

    private static CertificateBuilder publicLeaf(
            String dns, Instant notBefore, Duration validity, List<TestCtLog> logs) {
        CertificateBuilder b = pki.leaf(dns, ca).validity(notBefore, notBefore.plus(validity));
        for (TestCtLog log : logs) {
            b = b.embeddedScts(log, notBefore.plusSeconds(60));
        }
        return b;
    }

    @Test
    void publicLeaf_validTwoYears_otherwiseFine_reportsValidityPeriodTooLong() {
        List<TestCtLog> logs = logs();
        HeldCertificate leaf = publicLeaf(
                        "shop.example.com", now.minus(Duration.ofDays(10)), Duration.ofDays(730), logs)
                .build();

        TrustReport r = publicTrust("shop.example.com", logs).evaluate(certs(leaf, ca));

        assertError(r, TrustError.CERTIFICATE_VALIDITY_PERIOD_TOO_LONG, FindingCode.SYSTEM_TRUST_VALIDITY_PERIOD);
    }

    @Test
    void publicLeaf_withoutScts_otherwiseFine_reportsVerifyActionFailed() {
        HeldCertificate leaf = publicLeaf(
                        "news.example.com", now.minus(Duration.ofDays(10)), Duration.ofDays(90), List.of())
                .build();

        TrustReport r = publicTrust("news.example.com", logs()).evaluate(certs(leaf, ca));

        assertError(r, TrustError.VERIFY_ACTION_FAILED, FindingCode.SYSTEM_TRUSTED_CT_REQUIRED);
    }

    @Test
    void publicLeaf_withQualifyingScts_isTrusted_andCtQualified() {
        List<TestCtLog> logs = logs();
        HeldCertificate leaf = publicLeaf("ok.example.com", now.minus(Duration.ofDays(10)), Duration.ofDays(90), logs)
                .build();

        TrustReport r = publicTrust("ok.example.com", logs).evaluate(certs(leaf, ca));

        assertThat(r.trusted()).as("failures %s", r.failures()).isTrue();
        assertThat(r.info().certificateTransparency()).isTrue();
    }

    @Test
    void publicLeafWithoutServerAuth_wrongHost_reportsExtendedKeyUsage() {
        List<TestCtLog> logs = logs();
        HeldCertificate leaf = publicLeaf("www.example.com", now.minus(Duration.ofDays(10)), Duration.ofDays(90), logs)
                .anyExtendedKeyUsage()
                .build();

        TrustReport r = publicTrust("mail.example.com", logs).evaluate(certs(leaf, ca));

        // system-trusted: explicit serverAuth whatever the date (§2.2); Usage (8) beats Name (9)
        assertError(r, TrustError.INVALID_EXTENDED_KEY_USAGE, FindingCode.SERVER_AUTH_EKU, FindingCode.SSL_HOSTNAME);
    }

    @Test
    void untrustedRoot_andMissingScts_reportsOnlyNotTrusted() {
        HeldCertificate otherRoot = pki.root("Worked Example Private Root").build();
        HeldCertificate leaf = pki.leaf("intranet.example.com", otherRoot).build();

        TrustReport r =
                trust("intranet.example.com").withCtLogs(ctLogsJson(logs())).evaluate(certs(leaf, otherRoot));

        assertError(
                r, TrustError.NOT_TRUSTED, FindingCode.ANCHOR_TRUSTED); // CT is not required without a system anchor
    }

    @Test
    void stapledOcspRevoked_wrongHost_reportsRevoked_fatal() {
        HeldCertificate leaf = pki.leaf("vpn.example.com", ca).build();
        byte[] ocsp = pki.ocsp(leaf, ca)
                .revoked(now.minus(Duration.ofDays(2)), RevocationReason.KEY_COMPROMISE)
                .build();

        TrustReport r = trust("mail.example.com")
                .withAnchors(certs(root))
                .withStapledOcsp(ocsp)
                .evaluate(certs(leaf, ca));

        assertThat(r.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertError(r, TrustError.CERTIFICATE_REVOKED, FindingCode.REVOCATION, FindingCode.SSL_HOSTNAME);
    }

    // ---- helpers ----

    private static SecTrust trust(String host) {
        return SecTrust.newest().forServer(host).at(now);
    }

    private static List<Certificate> certs(HeldCertificate... c) {
        return CertificateInput.fromPem(Chains.pem(c));
    }

    private static Set<FindingCode> codes(TrustReport r) {
        return r.failures().stream().map(Finding::code).collect(Collectors.toSet());
    }

    private static void assertError(TrustReport r, TrustError error, FindingCode... failing) {
        assertThat(r.trusted()).isFalse();
        assertThat(r.error()).as("error; failures %s", r.failures()).contains(error);
        assertThat(codes(r)).as("failing checks").containsExactlyInAnyOrder(failing);
    }
}
