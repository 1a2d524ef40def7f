package io.github.sectrust4j.engine;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.CertificateRole;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.PathCertificate;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Path building through the public API with the real SSL policy and decision. */
@ExtendWith(TestPkiExtension.class)
class SecTrustPathIntegrationTest {

    /**
     * Path-building scenarios: their system-trusted leaves carry no SCTs, so CT (§8.1) is switched off
     * with the kill switch here; CT is tested in {@link RevocationCtEvIntegrationTest}.
     */
    static SecTrust ios(TestPki pki) {
        return SecTrust.ios("17.4").forServer("example.com").at(pki.now()).ctKillSwitch(true);
    }

    static String sha(HeldCertificate h) {
        return Certificate.parse(h.der()).sha256Hex().toUpperCase(Locale.ROOT);
    }

    @Test
    void chainToAnExtraSystemRoot_sentInAnyOrder_isTrusted(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).validForDays(90).build();

        TrustReport report = ios(pki).withExtraSystemRoots(certs(root)).evaluate(certs(leaf, root, ica, ica));

        assertThat(report.trusted()).as(report.explain()).isTrue();
        assertThat(report.path()).extracting(PathCertificate::sha256).containsExactly(sha(leaf), sha(ica), sha(root));
        assertThat(report.path().get(2).anchorSource()).contains(AnchorSource.SYSTEM);
        assertThat(report.trustStoreVersion()).isPresent();
    }

    @Test
    void repeatedPresentedCertificates_areDroppedInOrder_forShortAndLongChains(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).validForDays(90).build();
        SecTrust trust = ios(pki).withExtraSystemRoots(certs(root));

        List<Certificate> shortChain = certs(leaf, ica, leaf, ica, root);
        assertThat(SecTrustAccess.request(trust, shortChain).presented())
                .containsExactly(shortChain.get(0), shortChain.get(1), shortChain.get(4));
        List<Certificate> longChain = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            longChain.addAll(certs(leaf, ica)); // 12 entries: past the short-chain scan
        }
        longChain.addAll(certs(root));
        assertThat(SecTrustAccess.request(trust, longChain).presented())
                .containsExactly(longChain.get(0), longChain.get(1), longChain.get(12));
        assertThat(trust.evaluate(longChain).trusted()).isTrue();
    }

    @Test
    void missingIntermediate_isReported_onTheHighestCertificateFound(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica1 = pki.intermediate("Policy CA", root).build();
        HeldCertificate ica2 = pki.intermediate("Issuing CA", ica1)
                .caIssuersUrl("http://ca.test/policy.cer")
                .build();
        HeldCertificate leaf = pki.leaf("example.com", ica2).validForDays(90).build();

        TrustReport report = ios(pki).withExtraSystemRoots(certs(root)).evaluate(certs(leaf, ica2));

        assertThat(report.trusted()).isFalse();
        assertThat(report.has(FindingCode.MISSING_INTERMEDIATE))
                .as(report.explain())
                .isTrue();
        assertThat(report.path())
                .extracting(PathCertificate::role)
                .containsExactly(CertificateRole.LEAF, CertificateRole.UNTRUSTED_TOP);

        List<String> calls = new ArrayList<>();
        TrustReport fetched = ios(pki).withExtraSystemRoots(certs(root))
                .allowNetwork(url -> {
                    calls.add(url.toString());
                    return url.equals(URI.create("http://ca.test/policy.cer"))
                            ? Optional.of(ica1.der())
                            : Optional.empty();
                })
                .evaluate(certs(leaf, ica2));
        assertThat(fetched.trusted()).as(fetched.explain()).isTrue();
        assertThat(calls).containsExactly("http://ca.test/policy.cer");
        assertThat(fetched.path().get(2).presented()).isFalse();
    }

    @Test
    void expiredCrossSign_losesToTheUnexpiredPath(TestPki pki) {
        HeldCertificate oldRoot = pki.root("Old Root").build();
        HeldCertificate newRoot = pki.root("New Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", newRoot).build();
        HeldCertificate cross = pki.crossSigned(ica, oldRoot)
                .validity(pki.now().minus(Duration.ofDays(400)), pki.now().minus(Duration.ofDays(1)))
                .build();
        HeldCertificate leaf = pki.leaf("example.com", ica).validForDays(90).build();

        TrustReport report =
                ios(pki).withExtraSystemRoots(certs(oldRoot, newRoot)).evaluate(certs(leaf, cross, ica));

        assertThat(report.trusted()).as(report.explain()).isTrue();
        assertThat(report.path())
                .extracting(PathCertificate::sha256)
                .containsExactly(sha(leaf), sha(ica), sha(newRoot));
    }

    @Test
    void profileRootWithoutFullTrust_isNotAnSslAnchor_withFullTrust_itProceeds(TestPki pki) {
        HeldCertificate root = pki.root("Corp Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();
        Certificate rootCert = Certificate.parse(root.der());

        TrustReport off = ios(pki).withProfileRoot(rootCert, FullTrust.OFF).evaluate(certs(leaf));
        assertThat(off.trusted()).isFalse();
        assertThat(off.has(FindingCode.ANCHOR_TRUSTED)).as(off.explain()).isTrue();

        TrustReport on = ios(pki).withProfileRoot(rootCert, FullTrust.ON).evaluate(certs(leaf));
        assertThat(on.result()).as(on.explain()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(on.path().get(1).anchorSource()).contains(AnchorSource.PROFILE);
    }

    @Test
    void budgetExhausted_isPathBudgetExceeded_andNotTrusted(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).validForDays(90).build();

        TrustReport report = ios(pki).withExtraSystemRoots(certs(root))
                .withBudget(new PathBudget(100, 1, 32))
                .evaluate(certs(leaf, ica));

        assertThat(report.trusted()).isFalse();
        assertThat(report.has(FindingCode.PATH_BUDGET_EXCEEDED))
                .as(report.explain())
                .isTrue();
    }

    @Test
    void appAnchors_switchOnAnchorsOnly_aSystemRootThenOnlyReachesAnUntrustedTop(TestPki pki) {
        HeldCertificate appRoot = pki.root("App Root").build();
        HeldCertificate sysRoot = pki.root("System Root").build();
        HeldCertificate leaf = pki.leaf("example.com", sysRoot).validForDays(90).build();

        TrustReport report = ios(pki).withExtraSystemRoots(certs(sysRoot))
                .withAnchors(certs(appRoot))
                .evaluate(certs(leaf));

        assertThat(report.trusted()).isFalse();
        assertThat(report.has(FindingCode.ANCHOR_TRUSTED)).as(report.explain()).isTrue();
        assertThat(report.path())
                .extracting(PathCertificate::role)
                .containsExactly(CertificateRole.LEAF, CertificateRole.UNTRUSTED_TOP);

        TrustReport mixed = ios(pki).withExtraSystemRoots(certs(sysRoot))
                .withAnchors(certs(appRoot))
                .anchorsOnly(false)
                .evaluate(certs(leaf));
        assertThat(mixed.trusted()).as(mixed.explain()).isTrue();
        assertThat(mixed.path().get(1).anchorSource()).contains(AnchorSource.SYSTEM);
    }

    @Test
    void userDenyOnASystemRoot_isDeny(TestPki pki) {
        HeldCertificate root = pki.root("Public Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();
        io.github.sectrust4j.UserRoot deny = new io.github.sectrust4j.UserRoot(
                Certificate.parse(root.der()),
                io.github.sectrust4j.InstallChannel.MDM,
                FullTrust.ON,
                Optional.of(
                        List.of(io.github.sectrust4j.TrustSetting.of(io.github.sectrust4j.TrustSetting.Result.DENY))));

        TrustReport report =
                ios(pki).withExtraSystemRoots(certs(root)).withUserRoot(deny).evaluate(certs(leaf));

        assertThat(report.result()).as(report.explain()).isEqualTo(SecTrustResult.DENY);
        assertThat(report.has(FindingCode.USAGE_CONSTRAINTS)).isTrue();
    }

    @Test
    void crossSignedCycle_terminates_untrusted(TestPki pki) {
        HeldCertificate a = pki.root("CA A").build();
        HeldCertificate b = pki.root("CA B").build();
        HeldCertificate aByB = pki.crossSigned(a, b).build();
        HeldCertificate bByA = pki.crossSigned(b, a).build();
        HeldCertificate leaf = pki.leaf("example.com", a).validForDays(90).build();

        TrustReport report = ios(pki).evaluate(certs(leaf, aByB, bByA));

        assertThat(report.trusted()).isFalse();
        assertThat(report.path().get(0).sha256()).isEqualTo(sha(leaf));
    }

    @Test
    void userDenyOnAnAppleRoot_hasNoEffect_onASystemRoot_itDenies() throws Exception {
        Certificate appleRoot =
                Certificate.parse(java.nio.file.Files.readAllBytes(io.github.sectrust4j.SharedData.appleRoots()
                        .resolve("B0B1730ECBC7FF4505142C49F1295E6EDA6BCAED7E2C68C5BE91B5A11001F024.cer")));
        io.github.sectrust4j.UserRoot deny = new io.github.sectrust4j.UserRoot(
                appleRoot,
                io.github.sectrust4j.InstallChannel.MDM,
                FullTrust.ON,
                Optional.of(
                        List.of(io.github.sectrust4j.TrustSetting.of(io.github.sectrust4j.TrustSetting.Result.DENY))));

        TrustReport report = SecTrust.ios("17.4")
                .basicPolicy()
                .at(java.time.Instant.parse("2024-05-01T00:00:00Z"))
                .withUserRoot(deny)
                .evaluate(List.of(appleRoot));

        assertThat(report.path()).hasSize(1);
        assertThat(report.path().get(0).role()).isEqualTo(CertificateRole.ANCHOR);
        assertThat(report.path().get(0).anchorSource()).contains(AnchorSource.APPLE);
        assertThat(report.has(FindingCode.USAGE_CONSTRAINTS))
                .as(report.explain())
                .isFalse();
        assertThat(report.result()).isNotEqualTo(SecTrustResult.DENY);
    }
}
