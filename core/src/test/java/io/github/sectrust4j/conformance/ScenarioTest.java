package io.github.sectrust4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.CertificateRole;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.fixtures.Chains;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin scenarios of issue #2, each as one readable story through the public API: the verdict iOS
 * gives, the one error {@code SecTrustEvaluateWithError} reports, the failing checks, and a remedy that
 * names the right fix. Internal PKI of "Contoso" (root → issuing CA → server), minted once per class;
 * evaluated at the PKI's instant (2025-06-01) with the Apple store of the release (irrelevant here:
 * Contoso's root is in none).
 */
class ScenarioTest {
    private static final String PORTAL = "portal.contoso.com";

    private static TestPki pki;
    private static Instant now;
    private static HeldCertificate root;
    private static HeldCertificate issuing;
    private static HeldCertificate portal;

    @BeforeAll
    static void mintContosoPki() {
        pki = TestPki.seeded(20250602);
        now = pki.now();
        root = pki.root("Contoso Root CA").build();
        issuing = pki.intermediate("Contoso Issuing CA 1", root).build();
        portal = pki.leaf(PORTAL, issuing).build();
    }

    // ---- internal CA: is the root on the device? ----

    @Test
    void internalCa_rootSentByServerButNotInstalled_isNotTrusted_installTheRootWithFullTrust() {
        TrustReport r = ios("18.0", PORTAL).evaluate(chain(portal, issuing, root));

        assertUntrusted(
                r, SecTrustResult.RECOVERABLE_TRUST_FAILURE, TrustError.NOT_TRUSTED, FindingCode.ANCHOR_TRUSTED);
        assertThat(r.path().get(2).role())
                .isEqualTo(CertificateRole.UNTRUSTED_TOP); // sending the root proves nothing (§2.3)
        assertThat(remedies(r)).contains("Contoso Root CA").contains("full trust");
    }

    @Test
    void chainSentInTheWrongOrder_iosJudgesTheCaAsTheServer_andTheFixSaysSoFirst() {
        TrustReport wrong = ios("18.0", PORTAL).withMdmRoot(cert(root)).evaluate(chain(issuing, portal));
        TrustReport right = ios("18.0", PORTAL).withMdmRoot(cert(root)).evaluate(chain(portal, issuing));

        assertThat(right.trusted()).isTrue();
        assertThat(wrong.trusted()).isFalse(); // iOS takes the first certificate as the server's (§1.1)
        assertThat(wrong.failures().get(0).certificateIndex()).isEqualTo(0);
        assertThat(wrong.failures().get(0).remedy())
                .startsWith("The chain is in the wrong order")
                .contains("'" + PORTAL + "' comes at position 1");
        assertThat(remedies(right)).doesNotContain("wrong order");
    }

    @Test
    void internalCa_rootNeitherSentNorInstalled_chainCannotBeBuilt_remedyNamesTheMissingIssuer() {
        TrustReport r = ios("18.0", PORTAL).evaluate(chain(portal, issuing));

        assertUntrusted(
                r,
                SecTrustResult.RECOVERABLE_TRUST_FAILURE,
                TrustError.CREATE_CHAIN_FAILED,
                FindingCode.MISSING_INTERMEDIATE);
        assertThat(r.failures().get(0).certificateIndex()).isEqualTo(1); // the issuing CA is the untrusted top
        // the missing issuer is the internal root: sending it alone would only turn this into
        // AnchorTrusted (§2.3 step 2), so the remedy must also say to make devices trust it
        assertThat(remedies(r))
                .contains("Contoso Root CA")
                .contains("sending it from the server is not enough")
                .contains("full trust");
        // the top is a CA, so its missing issuer is most likely the root: the fix leads with installing it
        assertThat(remedies(r))
                .startsWith("The device does not know 'Contoso Root CA'")
                .contains("install it on the devices");
    }

    @Test
    void profileRoot_withoutFullTrust_isNotTrustedForTls_turnOnFullTrust() {
        TrustReport r =
                ios("18.0", PORTAL).withProfileRoot(cert(root), FullTrust.OFF).evaluate(chain(portal, issuing));

        assertUntrusted(
                r, SecTrustResult.RECOVERABLE_TRUST_FAILURE, TrustError.NOT_TRUSTED, FindingCode.ANCHOR_TRUSTED);
        assertThat(remedies(r))
                .contains("full trust")
                .contains("Certificate Trust Settings")
                .contains("Contoso Root CA");
    }

    @Test
    void profileRoot_withFullTrust_isTrusted_andReportsProceed() {
        TrustReport r =
                ios("18.0", PORTAL).withProfileRoot(cert(root), FullTrust.ON).evaluate(chain(portal, issuing));

        assertTrusted(r, SecTrustResult.PROCEED); // a user-store anchor upgrades Unspecified to Proceed (§7.3)
        assertThat(r.path().get(2).anchorSource()).contains(AnchorSource.PROFILE);
    }

    @Test
    void mdmRoot_isTrustedWithoutAnySwitch_andReportsProceed() {
        TrustReport r = ios("18.0", PORTAL).withMdmRoot(cert(root)).evaluate(chain(portal, issuing));

        assertTrusted(r, SecTrustResult.PROCEED); // MDM installs are trusted for TLS at once (§7.1)
        assertThat(r.path().get(2).anchorSource()).contains(AnchorSource.MDM);
    }

    @Test
    void profileRootWithoutFullTrust_trustedOnIos10_2_notTrustedFromIos10_3() {
        TrustReport ios102 =
                ios("10.2", PORTAL).withProfileRoot(cert(root), FullTrust.OFF).evaluate(chain(portal, issuing));
        TrustReport ios103 =
                ios("10.3", PORTAL).withProfileRoot(cert(root), FullTrust.OFF).evaluate(chain(portal, issuing));

        // before iOS 10.3 a manually installed profile root was trusted at once; before iOS 11 a
        // user-store success is reported as Unspecified (§7.1, §13.2)
        assertTrusted(ios102, SecTrustResult.UNSPECIFIED);
        assertUntrusted(
                ios103, SecTrustResult.RECOVERABLE_TRUST_FAILURE, TrustError.NOT_TRUSTED, FindingCode.ANCHOR_TRUSTED);
        assertThat(remedies(ios103)).contains("full trust");
    }

    @Test
    void missingIntermediate_serverSendsOnlyTheLeaf_sendTheIntermediate() {
        TrustReport r = ios("18.0", PORTAL).withMdmRoot(cert(root)).evaluate(chain(portal));

        assertUntrusted(
                r,
                SecTrustResult.RECOVERABLE_TRUST_FAILURE,
                TrustError.CREATE_CHAIN_FAILED,
                FindingCode.MISSING_INTERMEDIATE);
        assertThat(remedies(r)).contains("Send the intermediate 'Contoso Issuing CA 1'");
    }

    // ---- host names ----

    @Test
    void lyncEdgeCertificate_withoutLyncdiscoverInSan_hostNameMismatch_remedyNamesTheMissingName() {
        HeldCertificate edge = pki.leaf("sip.contoso.com", issuing)
                .dnsNames("sip.contoso.com", "webconf.contoso.com", "av.contoso.com")
                .build();

        TrustReport r =
                ios("18.0", "lyncdiscover.contoso.com").withMdmRoot(cert(root)).evaluate(chain(edge, issuing));

        assertUntrusted(
                r, SecTrustResult.RECOVERABLE_TRUST_FAILURE, TrustError.HOST_NAME_MISMATCH, FindingCode.SSL_HOSTNAME);
        assertThat(remedies(r)).contains("lyncdiscover.contoso.com").contains("subjectAltName");
    }

    @Test
    void internalFrontEndCertificate_reachedThroughPortForwarding_hostNameMismatch_useAReverseProxyOrEdge() {
        HeldCertificate frontEnd = pki.leaf("fe01.contoso.local", issuing)
                .dnsNames("fe01.contoso.local", "pool01.contoso.local")
                .build();

        TrustReport r =
                ios("18.0", "lyncweb.contoso.com").withMdmRoot(cert(root)).evaluate(chain(frontEnd, issuing));

        assertUntrusted(
                r, SecTrustResult.RECOVERABLE_TRUST_FAILURE, TrustError.HOST_NAME_MISMATCH, FindingCode.SSL_HOSTNAME);
        assertThat(remedies(r)).contains("lyncweb.contoso.com").containsAnyOf("reverse proxy", "edge");
    }

    @Test
    void hostOnlyInCommonName_trustedOnIos12_hostNameMismatchOnIos13() {
        HeldCertificate nas =
                pki.leaf("nas.northwind.example", issuing).noSubjectAltName().build();

        TrustReport ios12 = ios("12.0", "nas.northwind.example")
                .withAnchors(List.of(cert(root)))
                .evaluate(chain(nas, issuing));
        TrustReport ios13 = ios("13.0", "nas.northwind.example")
                .withAnchors(List.of(cert(root)))
                .evaluate(chain(nas, issuing));

        assertTrusted(ios12, SecTrustResult.UNSPECIFIED); // CN fallback until iOS 12 (§3.6)
        assertUntrusted(
                ios13,
                SecTrustResult.RECOVERABLE_TRUST_FAILURE,
                TrustError.HOST_NAME_MISMATCH,
                FindingCode.SSL_HOSTNAME);
        assertThat(remedies(ios13)).contains("nas.northwind.example").contains("subjectAltName");
    }

    // ---- validity, EKU, lifetime ----

    @Test
    void expiredServerCertificate_certificateExpired_renewIt() {
        HeldCertificate expired = pki.leaf(PORTAL, issuing)
                .validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(30)))
                .build();

        TrustReport r = ios("18.0", PORTAL).withMdmRoot(cert(root)).evaluate(chain(expired, issuing));

        assertUntrusted(
                r,
                SecTrustResult.RECOVERABLE_TRUST_FAILURE,
                TrustError.CERTIFICATE_EXPIRED,
                FindingCode.TEMPORAL_VALIDITY);
        assertThat(remedies(r)).contains("Renew").contains(PORTAL);
    }

    @Test
    void leafWithoutEku_underFullTrustProfileRoot_isTrusted_underAppAnchor_needsServerAuth() {
        HeldCertificate noEku =
                pki.leaf("intranet.contoso.com", issuing).noExtendedKeyUsage().build();

        TrustReport userRoot = ios("18.0", "intranet.contoso.com")
                .withProfileRoot(cert(root), FullTrust.ON)
                .evaluate(chain(noEku, issuing));
        TrustReport appAnchor = ios("18.0", "intranet.contoso.com")
                .withAnchors(List.of(cert(root)))
                .evaluate(chain(noEku, issuing));

        // ServerAuthEKU is skipped for user-store anchors and applies to app anchors for leaves
        // issued after 2019-06-30T23:00Z (§2.2, §6)
        assertTrusted(userRoot, SecTrustResult.PROCEED);
        assertUntrusted(
                appAnchor,
                SecTrustResult.RECOVERABLE_TRUST_FAILURE,
                TrustError.INVALID_EXTENDED_KEY_USAGE,
                FindingCode.SERVER_AUTH_EKU);
        assertThat(remedies(appAnchor)).contains("serverAuth");
    }

    @Test
    void threeYearPrivateLeaf_issuedAfterMid2019_isTooLong_underAppAnchorAndUserRoot_reissueFor825DaysOrLess() {
        Instant issued = now.minus(Duration.ofDays(30));
        HeldCertificate threeYears = pki.leaf("erp.contoso.com", issuing)
                .validity(issued, issued.plus(Duration.ofDays(3 * 365)))
                .build();

        TrustReport appAnchor =
                ios("18.0", "erp.contoso.com").withAnchors(List.of(cert(root))).evaluate(chain(threeYears, issuing));
        TrustReport userRoot = ios("18.0", "erp.contoso.com")
                .withProfileRoot(cert(root), FullTrust.ON)
                .evaluate(chain(threeYears, issuing));

        // OtherTrustValidityPeriod: 825 days + 1 h for leaves issued on/after 2019-06-30T23:00Z, user
        // roots not exempt (§5.2, §6)
        for (TrustReport r : List.of(appAnchor, userRoot)) {
            assertUntrusted(
                    r,
                    SecTrustResult.RECOVERABLE_TRUST_FAILURE,
                    TrustError.CERTIFICATE_VALIDITY_PERIOD_TOO_LONG,
                    FindingCode.OTHER_TRUST_VALIDITY_PERIOD);
            assertThat(remedies(r)).contains("825 days").contains("erp.contoso.com");
        }
    }

    @Test
    void threeYearPrivateLeaf_issuedBeforeMid2019_hasNoMaximumUnderAnAppAnchor() {
        TestPki legacy = TestPki.seeded(20190601).at(Instant.parse("2021-01-01T00:00:00Z"));
        HeldCertificate oldRoot = legacy.root("Contoso Legacy Root").build();
        HeldCertificate leaf = legacy.leaf("erp.contoso.com", oldRoot)
                .validity(Instant.parse("2019-06-01T00:00:00Z"), Instant.parse("2022-06-01T00:00:00Z"))
                .build();

        TrustReport r = SecTrust.ios("18.0")
                .forServer("erp.contoso.com")
                .at(legacy.now())
                .withAnchors(List.of(cert(oldRoot)))
                .evaluate(chain(leaf));

        assertTrusted(r, SecTrustResult.UNSPECIFIED); // the rule starts at 2019-06-30T23:00Z (§5.2)
    }

    // ---- helpers ----

    private static SecTrust ios(String release, String host) {
        return SecTrust.ios(release).forServer(host).at(now);
    }

    private static Certificate cert(HeldCertificate c) {
        return CertificateInput.fromPem(c.pem()).get(0);
    }

    private static List<Certificate> chain(HeldCertificate... certs) {
        return CertificateInput.fromPem(Chains.pem(certs));
    }

    private static String remedies(TrustReport r) {
        return r.failures().stream().map(Finding::remedy).collect(Collectors.joining("\n"));
    }

    private static void assertTrusted(TrustReport r, SecTrustResult result) {
        assertThat(r.trusted()).as("trusted; failures: %s", r.failures()).isTrue();
        assertThat(r.result()).isEqualTo(result);
        assertThat(r.error()).isEmpty();
        assertThat(r.failures()).isEmpty();
    }

    private static void assertUntrusted(
            TrustReport r, SecTrustResult result, TrustError error, FindingCode... failing) {
        assertThat(r.trusted()).as("not trusted").isFalse();
        assertThat(r.result()).as("result; failures: %s", r.failures()).isEqualTo(result);
        assertThat(r.error()).as("error; failures: %s", r.failures()).contains(error);
        assertThat(r.failures().stream().map(Finding::code).distinct())
                .as("failing checks")
                .containsExactlyInAnyOrder(failing);
    }
}
