package io.github.sectrust4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.fixtures.Chains;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.SignatureAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
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
 * end to end through the public API, iOS 26. Examples that need revocation or CT inputs (revoked
 * OCSP, missing SCTs, and the "otherwise fine" public-leaf rows, which presuppose qualifying SCTs)
 * belong to issue #5 and are not here.
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
        HeldCertificate self = pki.root("self.example").dnsNames("self.example").serverAuth()
                .validity(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1))).build();

        TrustReport r = trust("other.example").evaluate(certs(self));

        assertError(r, TrustError.NOT_TRUSTED, FindingCode.ANCHOR_TRUSTED, FindingCode.TEMPORAL_VALIDITY,
                FindingCode.SSL_HOSTNAME); // Trust (7) beats Name (9) and Expired (10)
    }

    @Test
    void trustedChain_expiredLeaf_wrongHost_reportsHostNameMismatch() {
        HeldCertificate leaf = pki.leaf("www.example.com", ca)
                .validity(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1))).build();

        TrustReport r = trust("mail.example.com").withAnchors(certs(root)).evaluate(certs(leaf, ca));

        assertError(r, TrustError.HOST_NAME_MISMATCH, FindingCode.SSL_HOSTNAME, FindingCode.TEMPORAL_VALIDITY);
    }

    @Test
    void trustedChain_expiredLeafOnly_reportsExpired() {
        HeldCertificate leaf = pki.leaf("www.example.com", ca)
                .validity(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1))).build();

        TrustReport r = trust("www.example.com").withAnchors(certs(root)).evaluate(certs(leaf, ca));

        assertError(r, TrustError.CERTIFICATE_EXPIRED, FindingCode.TEMPORAL_VALIDITY);
    }

    @Test
    void leafWithoutServerAuth_wrongHost_reportsExtendedKeyUsage() {
        HeldCertificate leaf = pki.leaf("www.example.com", ca).noExtendedKeyUsage().build();

        TrustReport r = trust("mail.example.com").withAnchors(certs(root)).evaluate(certs(leaf, ca));

        assertError(r, TrustError.INVALID_EXTENDED_KEY_USAGE, FindingCode.SERVER_AUTH_EKU, FindingCode.SSL_HOSTNAME);
    }

    @Test
    void sha1Leaf_underUntrustedRoot_reportsWeakDigest() {
        HeldCertificate rsaRoot = pki.root("Worked Example RSA Root").rsa(2048).build();
        HeldCertificate leaf = pki.leaf("www.example.com", rsaRoot).rsa(2048)
                .signatureAlgorithm(SignatureAlgorithm.SHA1_WITH_RSA).build();

        TrustReport r = trust("www.example.com").evaluate(certs(leaf, rsaRoot));

        assertError(r, TrustError.INVALID_DIGEST_ALGORITHM, FindingCode.SIGNATURE_HASH_ALGORITHMS,
                FindingCode.ANCHOR_TRUSTED); // WeakHash (3) beats Trust (7)
    }

    @Test
    void rsa1024Leaf_untrustedRoot_wrongHost_reportsKeySize() {
        HeldCertificate leaf = pki.leaf("www.example.com", root).rsa(1024).build();

        TrustReport r = trust("mail.example.com").evaluate(certs(leaf, root));

        assertError(r, TrustError.UNSUPPORTED_KEY_SIZE, FindingCode.KEY_SIZE, FindingCode.ANCHOR_TRUSTED,
                FindingCode.SSL_HOSTNAME);
    }

    @Test
    void rootDeniedByTheUser_wrongHost_reportsTrustSettingDeny() {
        HeldCertificate leaf = pki.leaf("www.example.com", ca).build();
        UserRoot denied = new UserRoot(certs(root).get(0), InstallChannel.MDM, FullTrust.ON,
                Optional.of(List.of(TrustSetting.of(TrustSetting.Result.DENY))));

        TrustReport r = trust("mail.example.com").withUserRoot(denied).evaluate(certs(leaf, ca));

        assertThat(r.result()).isEqualTo(SecTrustResult.DENY);
        assertThat(r.error()).contains(TrustError.TRUST_SETTING_DENY);
        assertThat(codes(r)).contains(FindingCode.USAGE_CONSTRAINTS, FindingCode.SSL_HOSTNAME);
    }

    @Test
    void badKeyIdLinkage_underUntrustedRoot_reportsComplianceBeforeTrust() {
        HeldCertificate leaf = pki.leaf("www.example.com", root).authorityKeyId(new byte[] {1, 2, 3, 4}).build();

        TrustReport r = trust("www.example.com").evaluate(certs(leaf, root));

        assertError(r, TrustError.INVALID_ID_LINKAGE, FindingCode.ID_LINKAGE, FindingCode.ANCHOR_TRUSTED);
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
