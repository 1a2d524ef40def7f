package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static io.github.sectrust4j.policy.PolicyTestSupport.processingReturning;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.SignatureAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Rules;
import io.github.sectrust4j.request.EvaluationRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** §12.3: the single reported error by subtype rank per release, ties, finding order and remedies. */
class DecisionTest {
    private final TestPki pki = TestPki.seeded(31);
    private final HeldCertificate root = pki.root("Northwind Root").build();
    private final HeldCertificate ca = pki.intermediate("Northwind Issuing CA 2", root)
            .caIssuersUrl("http://pki.northwind.test/ca2.cer")
            .build();

    private Req req() {
        return new Req(pki.now());
    }

    private static final CertificateProcessing UNTRUSTED_TOP = new CertificateProcessing() {
        @Override
        public List<Failure> parentChecks(
                CandidatePath path, int index, EvaluationRequest request, Rfc5280Rules rules) {
            return List.of();
        }

        @Override
        public List<Failure> process(CandidatePath path, EvaluationRequest request, Rfc5280Rules rules) {
            // what §2.3 step 2 records for an unanchored top: scripted here, computed by policy.rfc5280 in production
            if (path.anchored()) {
                return List.of();
            }
            return List.of(Failure.of(
                    path.topSelfSigned() ? FindingCode.ANCHOR_TRUSTED : FindingCode.MISSING_INTERMEDIATE,
                    path.topIndex(),
                    Evidence.none()));
        }
    };

    private Decision decide(CandidatePath p, EvaluationRequest r) {
        return decide(p, r, List.of(), List.of());
    }

    private Decision decide(CandidatePath p, EvaluationRequest r, List<PathCheck> pre, List<PathCheck> post) {
        PathValidation v = Policies.validatorFor(r, UNTRUSTED_TOP, pre, post).validate(p, r);
        return Decision.decide(p, v, r);
    }

    private Optional<Integer> code(Decision d) {
        return d.error().map(TrustError::code);
    }

    // ---------------------------------------------------------------- §12.3 worked examples

    @Test
    void selfSignedUntrustedLeaf_expired_wrongHost_isNotTrusted() {
        List<Certificate> c = certs(pki.root("leaf.northwind.test")
                .dnsNames("leaf.northwind.test")
                .validity(pki.now().minus(Duration.ofDays(20)), pki.now().minus(Duration.ofDays(1)))
                .build());
        Decision d =
                decide(path(Anchor.NONE, c), req().host("other.northwind.test").build(c));
        assertThat(code(d)).contains(-67843);
        assertThat(d.findings().get(0).remedy()).startsWith("The server presents the self-signed certificate");
        assertThat(d.findings())
                .extracting(f -> f.code())
                .startsWith(FindingCode.ANCHOR_TRUSTED)
                .contains(FindingCode.SSL_HOSTNAME, FindingCode.TEMPORAL_VALIDITY);
    }

    @Test
    void onlyTheLeafSent_isCreateChainFailed_withTheIntermediateToSend() {
        List<Certificate> c = certs(pki.leaf("www.northwind.test", ca).build());
        Decision d =
                decide(path(Anchor.NONE, c), req().host("www.northwind.test").build(c));
        assertThat(code(d)).contains(-25318);
        assertThat(d.findings().get(0).remedy())
                .contains("Send the intermediate 'Northwind Issuing CA 2' from the server");
    }

    @Test
    void missingIntermediate_remedyNamesTheAiaUrlTheDeviceWouldTry() {
        HeldCertificate leaf = pki.leaf("www.northwind.test", ca)
                .caIssuersUrl("http://pki.northwind.test/ca2.cer")
                .build();
        List<Certificate> c = certs(leaf);
        Decision d = decide(path(Anchor.NONE, c), req().build(c));
        assertThat(d.findings().get(0).remedy()).contains("http://pki.northwind.test/ca2.cer");
    }

    @Test
    void trustedChain_expiredLeaf_wrongHost_isHostNameMismatch() {
        List<Certificate> c = certs(
                pki.leaf("www.northwind.test", ca)
                        .validity(
                                pki.now().minus(Duration.ofDays(20)), pki.now().minus(Duration.ofDays(1)))
                        .build(),
                ca,
                root);
        Decision d =
                decide(path(Anchor.SYSTEM, c), req().host("mail.northwind.test").build(c));
        assertThat(code(d)).contains(-67602);
        assertThat(d.result()).isEqualTo(SecTrustResult.RECOVERABLE_TRUST_FAILURE);
    }

    @Test
    void trustedChain_expiredLeafOnly_isCertificateExpired_remedySaysWhen() {
        Instant end = pki.now().minus(Duration.ofDays(1));
        List<Certificate> c = certs(
                pki.leaf("www.northwind.test", ca)
                        .validity(pki.now().minus(Duration.ofDays(20)), end)
                        .build(),
                ca,
                root);
        Decision d =
                decide(path(Anchor.SYSTEM, c), req().host("www.northwind.test").build(c));
        assertThat(code(d)).contains(-67818);
        assertThat(d.findings().get(0).remedy())
                .contains("Renew 'www.northwind.test'")
                .contains(end.toString());
    }

    @Test
    void publicLeafIssuedAfter2020_09_01_validTwoYears_isValidityPeriodTooLong() {
        Instant nb = Instant.parse("2024-01-01T00:00:00Z");
        List<Certificate> c = certs(
                pki.leaf("www.northwind.test", ca)
                        .validity(nb, nb.plus(Duration.ofDays(730)))
                        .build(),
                ca,
                root);
        Decision d = decide(
                path(Anchor.SYSTEM, c),
                new Req(nb.plusSeconds(10)).host("www.northwind.test").build(c));
        assertThat(code(d)).contains(-67901);
        assertThat(d.findings().get(0).remedy()).contains("398 days");
        assertThat(d.findings().get(0).rule().effective()).contains(Instant.parse("2020-09-01T00:00:00Z"));
    }

    @Test
    void publicLeafWithoutScts_isVerifyActionFailed_throughTheCtExtensionPoint() {
        List<Certificate> c = certs(pki.leaf("www.northwind.test", ca).build(), ca, root);
        PathCheck ct = (p, r, rules) -> List.of(IntegrationEvidence.systemTrustedCtRequired(r.release()));
        Decision d =
                decide(path(Anchor.SYSTEM, c), req().host("www.northwind.test").build(c), List.of(), List.of(ct));
        assertThat(code(d)).contains(-67825);
    }

    @Test
    void publicLeafWithoutServerAuth_andWrongHost_isInvalidExtendedKeyUsage() {
        List<Certificate> c =
                certs(pki.leaf("www.northwind.test", ca).noExtendedKeyUsage().build(), ca, root);
        Decision d =
                decide(path(Anchor.SYSTEM, c), req().host("mail.northwind.test").build(c));
        assertThat(code(d)).contains(-67609);
        assertThat(d.findings().get(0).remedy()).contains("serverAuth (1.3.6.1.5.5.7.3.1)");
    }

    @Test
    void sha1LeafUnderUntrustedRoot_isInvalidDigestAlgorithm_onIos13AndNow() {
        List<Certificate> c = certs(
                pki.leaf("www.northwind.test", ca)
                        .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                        .build(),
                ca,
                root);
        for (String release : List.of("13.0", "26.0")) {
            Decision d = decide(path(Anchor.NONE, c), req().release(release).build(c));
            assertThat(code(d)).as(release).contains(-67815);
        }
    }

    @Test
    void rsa1024LeafUnderUntrustedRoot_wrongHost_isUnsupportedKeySize() {
        List<Certificate> c = certs(pki.leaf("www.northwind.test", ca).rsa(1024).build(), ca, root);
        Decision d = decide(path(Anchor.NONE, c), req().host("x.northwind.test").build(c));
        assertThat(code(d)).contains(-67735);
        assertThat(d.findings().get(0).remedy()).contains("at least 2048 bits");
    }

    @Test
    void rootDeniedByUser_wrongHost_isTrustSettingDeny() {
        List<Certificate> c = certs(pki.leaf("www.northwind.test", ca).build(), ca, root);
        CandidatePath p = path(Anchor.PROFILE, c, Map.of(2, List.of(TrustSetting.of(TrustSetting.Result.DENY))), false);
        Decision d = decide(p, req().host("x.northwind.test").build(c));
        assertThat(d.result()).isEqualTo(SecTrustResult.DENY);
        assertThat(code(d)).contains(-67654);
    }

    @Test
    void revokedByOcsp_wrongHost_isCertificateRevoked_fatal() {
        List<Certificate> c = certs(pki.leaf("www.northwind.test", ca).build(), ca, root);
        PathCheck ocsp = (p, r, rules) -> List.of(IntegrationEvidence.ocspRevoked(0, 1, r.verifyTime()));
        Decision d =
                decide(path(Anchor.SYSTEM, c), req().host("x.northwind.test").build(c), List.of(ocsp), List.of());
        assertThat(d.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(code(d)).contains(-67820);
    }

    @Test
    void comodoBlockedLeaf_isCertificateRevoked() {
        HeldCertificate utn = pki.root("x")
                .subject("CN=UTN-USERFirst-Hardware,O=The USERTRUST Network,C=US")
                .build();
        List<Certificate> c = certs(
                pki.leaf("mail.google.com", utn)
                        .serial(new java.math.BigInteger("047ECBE9FCA55F7BD09EAE36E10CAE1E", 16))
                        .build(),
                utn);
        Decision d =
                decide(path(Anchor.SYSTEM, c), req().host("mail.google.com").build(c));
        assertThat(code(d)).contains(-67820);
        assertThat(d.findings().get(0).code()).isEqualTo(FindingCode.BLACK_LISTED_LEAF);
    }

    @Test
    void badKeyIdLinkageUnderUntrustedRoot_isComplianceCode() {
        List<Certificate> c = certs(
                pki.leaf("www.northwind.test", ca)
                        .authorityKeyId(new byte[] {9, 9})
                        .build(),
                ca,
                root);
        Decision d = decide(path(Anchor.NONE, c), req().build(c));
        assertThat(code(d)).contains(-67610);
    }

    @Test
    void sha1LeafWithTooLongValidity_isValidityOnIos13_butDigestFromIos14() {
        Instant nb = Instant.parse("2021-01-01T00:00:00Z");
        List<Certificate> c = certs(
                pki.leaf("www.northwind.test", ca)
                        .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                        .validity(nb, nb.plus(Duration.ofDays(1000)))
                        .build(),
                ca,
                root);
        Req r = new Req(nb.plusSeconds(10));
        assertThat(code(decide(path(Anchor.APP, c), r.release("13.0").build(c))))
                .contains(-67901);
        assertThat(code(decide(path(Anchor.APP, c), r.release("14.0").build(c))))
                .contains(-67815);
    }

    @Test
    void keySizeRanksAsPinningUntilIos15() {
        List<Certificate> c = certs(
                pki.leaf("www.northwind.test", ca)
                        .rsa(1024)
                        .validity(Instant.parse("2021-01-01T00:00:00Z"), Instant.parse("2023-12-01T00:00:00Z"))
                        .build(),
                ca,
                root);
        Req r = new Req(Instant.parse("2021-06-01T00:00:00Z"));
        assertThat(code(decide(path(Anchor.APP, c), r.release("14.0").build(c))))
                .contains(-67901);
        assertThat(code(decide(path(Anchor.APP, c), r.release("15.0").build(c))))
                .contains(-67735);
    }

    @Test
    void sameRankOnOneCertificate_withDifferentStatus_addsAnUncertainRuleFinding() {
        Instant nb = Instant.parse("2024-01-01T00:00:00Z");
        List<Certificate> c = certs(
                pki.leaf("www.northwind.test", ca)
                        .validity(nb, nb.plus(Duration.ofDays(730)))
                        .build(),
                ca,
                root);
        PathCheck ct = (p, r, rules) -> List.of(IntegrationEvidence.systemTrustedCtRequired(r.release()));
        Decision d = decide(path(Anchor.SYSTEM, c), new Req(nb.plusSeconds(10)).build(c), List.of(), List.of(ct));
        assertThat(code(d)).contains(-67901);
        assertThat(d.findings())
                .filteredOn(f -> f.code() == FindingCode.UNCERTAIN_RULE)
                .singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains("SystemTrustedCTRequired")
                        .contains("SystemTrustValidityPeriod"));
    }

    @Test
    void sameSubtypeOnDifferentCertificates_lowestIndexWins() {
        List<Certificate> c = certs(
                pki.leaf("www.northwind.test", ca)
                        .validity(
                                pki.now().minus(Duration.ofDays(20)), pki.now().minus(Duration.ofDays(1)))
                        .build(),
                ca,
                root);
        CertificateProcessing expiredCa =
                processingReturning(Failure.of(FindingCode.TEMPORAL_VALIDITY, 1, Evidence.none()));
        PathValidation v = Policies.validatorFor(req().build(c), expiredCa, List.of(), List.of())
                .validate(path(Anchor.SYSTEM, c), req().build(c));
        Decision d = Decision.decide(path(Anchor.SYSTEM, c), v, req().build(c));
        assertThat(d.findings().get(0).certificateIndex()).isZero();
        assertThat(d.findings())
                .filteredOn(f -> f.code() == FindingCode.UNCERTAIN_RULE)
                .isEmpty();
    }

    @Test
    void trustedPath_hasNoErrorAndNoFailureFindings() {
        List<Certificate> c = certs(pki.leaf("www.northwind.test", ca).build(), ca, root);
        Decision d =
                decide(path(Anchor.PROFILE, c), req().host("www.northwind.test").build(c));
        assertThat(d.result()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(d.error()).isEmpty();
        assertThat(d.findings()).noneMatch(f -> f.isFailure());
    }

    @Test
    void beforeIos12_theErrorIsFlaggedAsRankingOfIos12() {
        List<Certificate> c = certs(pki.leaf("www.northwind.test", ca).build(), ca, root);
        Decision d = decide(path(Anchor.NONE, c), req().release("11.4").build(c));
        assertThat(d.findings())
                .anyMatch(f ->
                        f.code() == FindingCode.UNCERTAIN_RULE && f.message().contains("iOS 12"));
    }

    // ---------------------------------------------------------------- remedies

    @Test
    void anchorTrusted_underProfileRootWithoutFullTrust_saysTurnOnFullTrust() {
        List<Certificate> c = certs(pki.leaf("www.northwind.test", ca).build(), ca, root);
        UserRoot profile = new UserRoot(c.get(2), InstallChannel.PROFILE, FullTrust.OFF, Optional.empty());
        Decision d = decide(path(Anchor.NONE, c), req().userRoots(profile).build(c));
        assertThat(d.findings().get(0).remedy())
                .isEqualTo("Turn on full trust for 'Northwind Root' in Settings > General > "
                        + "About > Certificate Trust Settings, or deploy the root by MDM.");
    }

    @Test
    void anchorTrusted_forUnknownPrivateRoot_saysInstallOrUsePublicCa() {
        List<Certificate> c = certs(pki.leaf("www.northwind.test", ca).build(), ca, root);
        Decision d = decide(path(Anchor.NONE, c), req().build(c));
        assertThat(d.findings().get(0).remedy())
                .startsWith("Install the root 'Northwind Root' on the device")
                .contains("publicly trusted CA");
        assertThat(d.findings().get(0).severity()).isEqualTo(Severity.RECOVERABLE);
    }

    @Test
    void hostnameMismatch_withInternalSanOnly_suggestsReverseProxy() {
        List<Certificate> c = certs(
                pki.leaf("exchange01.contoso.local", ca)
                        .dnsNames("exchange01.contoso.local", "exchange01")
                        .build(),
                ca,
                root);
        Decision d =
                decide(path(Anchor.SYSTEM, c), req().host("mail.contoso.com").build(c));
        assertThat(d.findings().get(0).remedy())
                .startsWith("Add 'mail.contoso.com' to the certificate's subjectAltName (iOS 13+ "
                        + "ignores the subject CN).")
                .contains("port forwarding")
                .contains("reverse proxy");
    }

    @Test
    void hostnameMismatch_forLyncNames_listsThePublishedNames() {
        List<Certificate> c = certs(pki.leaf("sip.contoso.com", ca).build(), ca, root);
        Decision d = decide(
                path(Anchor.SYSTEM, c), req().host("lyncdiscover.contoso.com").build(c));
        assertThat(d.findings().get(0).remedy())
                .contains("sip.contoso.com, webconf.contoso.com, av.contoso.com, "
                        + "lyncweb.contoso.com, lyncdiscover.contoso.com")
                .contains("evaluate --lync contoso.com");
    }

    @Test
    void hostnameMismatch_forAnIpOrANameThatIsNotLyncs_neverGuessesLyncNamesFromIt() {
        List<Certificate> c = certs(pki.leaf("sip.contoso.com", ca).build(), ca, root);
        // the host is an IP: the Lync names come from the certificate's own SIP domain, never "sip.0.0.1"
        Decision byIp = decide(path(Anchor.SYSTEM, c), req().host("127.0.0.1").build(c));
        assertThat(byIp.findings().get(0).remedy())
                .contains("lyncweb.contoso.com")
                .doesNotContain("0.0.1,");
        List<Certificate> web = certs(pki.leaf("www.fabrikam.com", ca).build(), ca, root);
        Decision plain =
                decide(path(Anchor.SYSTEM, web), req().host("shop.fabrikam.com").build(web));
        assertThat(plain.findings().get(0).remedy()).doesNotContain("Lync");
    }

    @Test
    void wildcardUnderPrivateSectionSuffix_isNoMismatch_asApplesTldWildcardVector() {
        // §15.2: Apple's TLDWildcard / PositiveTest-CookieTLD trusts *.googleapis.com (a private-section entry)
        List<Certificate> c = certs(
                pki.leaf("x.googleapis.com", ca).dnsNames("*.googleapis.com").build(), ca, root);
        Decision d = decide(
                path(Anchor.SYSTEM, c), req().host("content.googleapis.com").build(c));
        assertThat(d.findings())
                .noneMatch(f -> f.code() == FindingCode.SSL_HOSTNAME || f.code() == FindingCode.UNCERTAIN_RULE);
        List<Certificate> icann =
                certs(pki.leaf("x.co.uk", ca).dnsNames("*.co.uk").build(), ca, root);
        assertThat(code(decide(
                        path(Anchor.SYSTEM, icann), req().host("apple.co.uk").build(icann))))
                .contains(-67602);
    }

    @Test
    void everyFailureFinding_namesCertificateRuleAndRemedy() {
        List<Certificate> c = certs(
                pki.leaf("www.northwind.test", ca)
                        .rsa(1024)
                        .noExtendedKeyUsage()
                        .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                        .build(),
                ca,
                root);
        Decision d = decide(path(Anchor.NONE, c), req().host("x.northwind.test").build(c));
        assertThat(d.findings()).filteredOn(f -> f.isFailure()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.subject()).isNotEmpty();
            assertThat(f.message()).contains(f.code().code());
            assertThat(f.rule().section()).startsWith("§");
            assertThat(f.remedy()).isNotBlank();
        });
    }
}
