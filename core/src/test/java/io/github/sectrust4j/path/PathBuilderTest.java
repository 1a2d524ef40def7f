package io.github.sectrust4j.path;

import static io.github.sectrust4j.path.TestRequests.cert;
import static io.github.sectrust4j.path.TestRequests.certs;
import static io.github.sectrust4j.path.TestRequests.chain;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.SignatureAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The §1.4 state machine with a test-only policy (accept iff anchored and every certificate valid). */
@ExtendWith(TestPkiExtension.class)
class PathBuilderTest {

    static BuildOutcome build(TestRequests r) {
        return PathBuilder.build(r.build(), new SimpleValidator());
    }

    static List<Certificate> path(BuildOutcome o) {
        return o.bestPath().certificates();
    }

    // ------------------------------------------------------------------ presented order, extras

    @Test
    void chainInAnyOrder_withDuplicatesAndUnrelatedExtras_buildsTheAnchoredPath(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();
        HeldCertificate otherRoot = pki.root("Other Root").build();
        HeldCertificate unrelated = pki.intermediate("Unrelated CA", otherRoot).build();

        TestRequests r = chain(leaf, unrelated, root, ica, unrelated, otherRoot).systemRoot(root);
        BuildOutcome o = build(r);

        assertThat(o.accepted()).isTrue();
        assertThat(path(o)).containsExactlyElementsOf(certs(leaf, ica, root));
        assertThat(o.bestPath().anchor()).map(AnchorInfo::source).contains(AnchorSource.SYSTEM);
        assertThat(o.bestPath().systemTrusted()).isTrue();
        assertThat(o.bestPath().topSelfSigned()).isTrue();
        assertThat(o.bestPath().signaturesVerified()).isTrue();
        assertThat(o.budgetExceeded()).isFalse();
    }

    @Test
    void rootNotSent_isFoundInTheSystemStore(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();

        BuildOutcome o = build(chain(leaf, ica).systemRoot(root));

        assertThat(o.accepted()).isTrue();
        assertThat(path(o)).containsExactlyElementsOf(certs(leaf, ica, root));
        assertThat(o.bestPath().origins())
                .containsExactly(
                        CertificateOrigin.PRESENTED, CertificateOrigin.PRESENTED, CertificateOrigin.ANCHOR_SOURCE);
    }

    // ------------------------------------------------------------------ missing, cached, AIA

    @Test
    void missingIntermediate_bestPathEndsAtTheHighestCertificateFound_notAnchored(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica1 = pki.intermediate("Policy CA", root).build();
        HeldCertificate ica2 = pki.intermediate("Issuing CA", ica1).build();
        HeldCertificate leaf = pki.leaf("example.com", ica2).build();

        BuildOutcome o = build(chain(leaf, ica2).systemRoot(root));

        assertThat(o.accepted()).isFalse();
        assertThat(o.bestPath().anchored()).isFalse();
        assertThat(path(o)).containsExactlyElementsOf(certs(leaf, ica2));
        assertThat(o.bestPath().topSelfSigned()).isFalse();
        assertThat(o.budgetExceeded()).isFalse();
    }

    @Test
    void cachedIntermediate_completesTheChain(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();

        TestRequests r = chain(leaf).systemRoot(root);
        r.cached.add(cert(ica));
        BuildOutcome o = build(r);

        assertThat(o.accepted()).isTrue();
        assertThat(path(o)).containsExactlyElementsOf(certs(leaf, ica, root));
        assertThat(o.bestPath().origins().get(1)).isEqualTo(CertificateOrigin.CACHED_INTERMEDIATE);
    }

    /** Counts fetches and serves the DER registered for a URL. */
    static final class FakeFetcher implements io.github.sectrust4j.spi.AiaFetcher {
        final java.util.Map<String, byte[]> bodies = new java.util.HashMap<>();
        final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public Optional<byte[]> fetch(URI url) {
            calls.add(url.toString());
            return Optional.ofNullable(bodies.get(url.toString()));
        }
    }

    @Test
    void aiaFetch_completesTheChain_onlyWhenNetworkIsAllowed(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica)
                .caIssuersUrl("http://ca.test/ica.cer")
                .build();
        FakeFetcher fetcher = new FakeFetcher();
        fetcher.bodies.put("http://ca.test/ica.cer", ica.der());

        TestRequests offline = chain(leaf).systemRoot(root);
        offline.fetcher = Optional.of(fetcher);
        BuildOutcome o1 = build(offline);
        assertThat(o1.accepted()).isFalse();
        assertThat(fetcher.calls).isEmpty();

        TestRequests online = chain(leaf).systemRoot(root);
        online.fetcher = Optional.of(fetcher);
        online.network = true;
        BuildOutcome o2 = build(online);
        assertThat(o2.accepted()).isTrue();
        assertThat(path(o2)).containsExactlyElementsOf(certs(leaf, ica, root));
        assertThat(o2.bestPath().origins().get(1)).isEqualTo(CertificateOrigin.AIA_FETCHED);
        assertThat(fetcher.calls).containsExactly("http://ca.test/ica.cer");
    }

    @Test
    void aiaFetch_usesHttpUrlsOnly_atMostThreePerCertificate(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica)
                .caIssuersUrl("https://ca.test/a.cer")
                .caIssuersUrl("ldap://ca.test/b")
                .caIssuersUrl("http://ca.test/1.cer")
                .caIssuersUrl("http://ca.test/2.cer")
                .caIssuersUrl("http://ca.test/3.cer")
                .caIssuersUrl("http://ca.test/4.cer")
                .build();
        FakeFetcher fetcher = new FakeFetcher();
        fetcher.bodies.put("http://ca.test/4.cer", ica.der());
        TestRequests r = chain(leaf).systemRoot(root);
        r.fetcher = Optional.of(fetcher);
        r.network = true;

        BuildOutcome o = build(r);

        assertThat(fetcher.calls)
                .containsExactly("http://ca.test/1.cer", "http://ca.test/2.cer", "http://ca.test/3.cer");
        assertThat(o.accepted()).isFalse();
    }

    @Test
    void aiaFetch_isSkipped_forTenOrMoreUrls_forExpiredCertificates_andForTheWrongSubject(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate other = pki.intermediate("Some Other CA", root).build();
        var many = pki.leaf("example.com", ica);
        for (int i = 0; i < 10; i++) {
            many.caIssuersUrl("http://ca.test/" + i + ".cer");
        }
        HeldCertificate manyUrls = many.build();
        HeldCertificate expired = pki.leaf("example.com", ica)
                .caIssuersUrl("http://ca.test/ica.cer")
                .validity(pki.now().minus(Duration.ofDays(10)), pki.now().minus(Duration.ofDays(1)))
                .build();
        HeldCertificate wrongBlob = pki.leaf("example.com", ica)
                .caIssuersUrl("http://ca.test/other.cer")
                .build();
        FakeFetcher fetcher = new FakeFetcher();
        fetcher.bodies.put("http://ca.test/0.cer", ica.der());
        fetcher.bodies.put("http://ca.test/ica.cer", ica.der());
        fetcher.bodies.put("http://ca.test/other.cer", other.der());

        for (HeldCertificate leaf : List.of(manyUrls, expired)) {
            TestRequests r = chain(leaf).systemRoot(root);
            r.fetcher = Optional.of(fetcher);
            r.network = true;
            assertThat(build(r).bestPath().size()).isEqualTo(1);
        }
        assertThat(fetcher.calls).isEmpty();

        TestRequests r = chain(wrongBlob).systemRoot(root);
        r.fetcher = Optional.of(fetcher);
        r.network = true;
        BuildOutcome o = build(r);
        assertThat(fetcher.calls).containsExactly("http://ca.test/other.cer");
        assertThat(path(o)).containsExactly(cert(wrongBlob));
    }

    // ------------------------------------------------------------------ anchors-only

    @Test
    void anchorsOnly_appAnchorIsTrusted_systemRootIsOnlyAnUntrustedParent(TestPki pki) {
        HeldCertificate appRoot = pki.root("App Root").build();
        HeldCertificate sysRoot = pki.root("System Root").build();
        HeldCertificate appIca = pki.intermediate("App CA", appRoot).build();
        HeldCertificate appLeaf = pki.leaf("example.com", appIca).build();
        HeldCertificate sysIca = pki.intermediate("System CA", sysRoot).build();
        HeldCertificate sysLeaf = pki.leaf("example.com", sysIca).build();

        TestRequests r1 = chain(appLeaf, appIca).appAnchor(appRoot).systemRoot(sysRoot);
        r1.anchorsOnly = true;
        BuildOutcome o1 = build(r1);
        assertThat(o1.accepted()).isTrue();
        assertThat(o1.bestPath().anchor()).map(AnchorInfo::source).contains(AnchorSource.APP);
        assertThat(o1.bestPath().systemTrusted()).isFalse();

        TestRequests r2 = chain(sysLeaf, sysIca).appAnchor(appRoot).systemRoot(sysRoot);
        r2.anchorsOnly = true;
        BuildOutcome o2 = build(r2);
        assertThat(o2.accepted()).isFalse();
        assertThat(path(o2)).containsExactlyElementsOf(certs(sysLeaf, sysIca, sysRoot));
        assertThat(o2.bestPath().anchored()).isFalse();
        assertThat(o2.bestPath().topSelfSigned()).isTrue();
        assertThat(o2.bestPath().systemTrusted())
                .as("§0: system-trusted is about the top's bytes")
                .isTrue();
        assertThat(o2.bestPath().origins().get(2)).isEqualTo(CertificateOrigin.ANCHOR_SOURCE);
    }

    @Test
    void appAnchorIdenticalToSystemRoot_isAppAnchored_andSystemTrusted(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();
        TestRequests r = chain(leaf, ica).appAnchor(root).systemRoot(root);
        r.anchorsOnly = true;

        BuildOutcome o = build(r);

        assertThat(o.accepted()).isTrue();
        assertThat(o.bestPath().anchor()).map(AnchorInfo::source).contains(AnchorSource.APP);
        assertThat(o.bestPath().systemTrusted()).isTrue();
    }

    // ------------------------------------------------------------------ user trust store (§7.3, §7.5)

    static UserRoot user(HeldCertificate c, InstallChannel ch, FullTrust ft, List<TrustSetting> settings) {
        return new UserRoot(cert(c), ch, ft, settings == null ? Optional.empty() : Optional.of(settings));
    }

    @Test
    void userStore_fullTrust_partialTrust_deny(TestPki pki) {
        HeldCertificate root = pki.root("Corp Root").build();
        HeldCertificate ica = pki.intermediate("Corp CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();

        TestRequests mdm = chain(leaf, ica);
        mdm.userRoots.add(user(root, InstallChannel.MDM, FullTrust.OFF, null));
        BuildOutcome full = build(mdm);
        assertThat(full.accepted()).isTrue();
        assertThat(full.bestPath().anchor()).map(AnchorInfo::source).contains(AnchorSource.MDM);
        assertThat(full.bestPath().userTrustSettings()).containsOnlyKeys(2);

        TestRequests profileOff = chain(leaf, ica);
        profileOff.userRoots.add(user(root, InstallChannel.PROFILE, FullTrust.OFF, null));
        BuildOutcome partial = build(profileOff);
        assertThat(partial.accepted()).isFalse();
        assertThat(partial.bestPath().anchored())
                .as("partial trust is not an SSL anchor")
                .isFalse();
        assertThat(path(partial)).containsExactlyElementsOf(certs(leaf, ica, root));
        assertThat(partial.bestPath().topSelfSigned()).isTrue();

        TestRequests deny = chain(leaf, ica);
        deny.userRoots.add(
                user(root, InstallChannel.MDM, FullTrust.ON, List.of(TrustSetting.of(TrustSetting.Result.DENY))));
        BuildOutcome denied = build(deny);
        assertThat(denied.bestPath().anchored())
                .as("Deny anchors so the chain stops there")
                .isTrue();
        assertThat(denied.accepted()).isFalse();
        assertThat(denied.bestPath().userTrustSettings().get(2))
                .containsExactly(TrustSetting.of(TrustSetting.Result.DENY));
    }

    @Test
    void userStore_trustAsRoot_onANonSelfSignedIntermediate_anchorsThere(TestPki pki) {
        HeldCertificate root = pki.root("Unknown Root").build();
        HeldCertificate ica = pki.intermediate("Corp CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();

        TestRequests asRoot = chain(leaf, ica);
        asRoot.userRoots.add(user(
                ica, InstallChannel.MDM, FullTrust.ON, List.of(TrustSetting.of(TrustSetting.Result.TRUST_AS_ROOT))));
        BuildOutcome o = build(asRoot);
        assertThat(o.accepted()).isTrue();
        assertThat(path(o)).containsExactlyElementsOf(certs(leaf, ica));
        assertThat(o.bestPath().topSelfSigned()).isFalse();

        TestRequests trustRoot = chain(leaf, ica);
        trustRoot.userRoots.add(
                user(ica, InstallChannel.MDM, FullTrust.ON, List.of(TrustSetting.of(TrustSetting.Result.TRUST_ROOT))));
        assertThat(build(trustRoot).accepted())
                .as("TrustRoot needs a self-signed certificate")
                .isFalse();

        TestRequests empty = chain(leaf, ica);
        empty.userRoots.add(user(ica, InstallChannel.MDM, FullTrust.ON, List.of()));
        assertThat(build(empty).accepted())
                .as("empty settings anchor only self-signed certificates")
                .isFalse();
    }

    @Test
    void userStore_policyStringMatchesHostCaseInsensitively_withTrailingNulStripped(TestPki pki) {
        HeldCertificate root = pki.root("Corp Root").build();
        HeldCertificate ica = pki.intermediate("Corp CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();
        List<TrustSetting> settings = List.of(
                TrustSetting.of(TrustSetting.Result.TRUST_ROOT)
                        .forPolicy(io.github.sectrust4j.Policy.SSL_SERVER)
                        .forHost("EXAMPLE.com\0"),
                TrustSetting.of(TrustSetting.Result.UNSPECIFIED));

        TestRequests match = chain(leaf, ica);
        match.userRoots.add(user(root, InstallChannel.PROFILE, FullTrust.ON, settings));
        assertThat(build(match).accepted()).isTrue();

        TestRequests other = chain(leaf, ica);
        other.host = Optional.of("other.example.com");
        other.userRoots.add(user(root, InstallChannel.PROFILE, FullTrust.ON, settings));
        assertThat(build(other).bestPath().anchored()).isFalse();
    }

    @Test
    void userStore_containedButNotAnchor_fallsThroughToTheSystemStore(TestPki pki) {
        HeldCertificate root = pki.root("Public Root").build();
        HeldCertificate ica = pki.intermediate("Public CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();

        TestRequests r = chain(leaf, ica).systemRoot(root);
        r.userRoots.add(user(root, InstallChannel.PROFILE, FullTrust.OFF, null));
        BuildOutcome o = build(r);

        assertThat(o.accepted()).isTrue();
        assertThat(o.bestPath().anchor()).map(AnchorInfo::source).contains(AnchorSource.SYSTEM);
        assertThat(o.bestPath().userTrustSettings())
                .as("the system store decided: its (empty) constraints apply")
                .isEmpty();
    }

    @Test
    void userStoreLeafItself_isAnAnchoredOneCertificatePath(TestPki pki) {
        HeldCertificate self = pki.root("self.example.com").build();
        TestRequests r = chain(self);
        r.userRoots.add(user(self, InstallChannel.MDM, FullTrust.ON, null));

        BuildOutcome o = build(r);

        assertThat(o.accepted()).isTrue();
        assertThat(o.bestPath().size()).isEqualTo(1);
        assertThat(o.bestPath().leafIsUserStoreAnchor()).isTrue();
    }

    // ------------------------------------------------------------------ cross-signing, expiry (§5.1, §1.5)

    @Test
    void expiredCrossSignedIntermediate_losesToTheUnexpiredAlternative(TestPki pki) {
        HeldCertificate oldRoot = pki.root("Old Root").build();
        HeldCertificate newRoot = pki.root("New Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", newRoot).build();
        HeldCertificate icaByOld = pki.crossSigned(ica, oldRoot)
                .validity(pki.now().minus(Duration.ofDays(400)), pki.now().minus(Duration.ofDays(1)))
                .build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();

        // the expired cross-sign is sent first: its path is rejected by the parent checks
        BuildOutcome o = build(chain(leaf, icaByOld, ica).systemRoot(oldRoot, newRoot));

        assertThat(o.accepted()).isTrue();
        assertThat(path(o)).containsExactlyElementsOf(certs(leaf, ica, newRoot));
    }

    @Test
    void expiredOnlyPath_isStillReportedAsBestPath(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root)
                .validity(pki.now().minus(Duration.ofDays(400)), pki.now().minus(Duration.ofDays(1)))
                .build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();

        BuildOutcome o = build(chain(leaf, ica).systemRoot(root));

        assertThat(o.accepted()).isFalse();
        assertThat(path(o)).containsExactlyElementsOf(certs(leaf, ica, root));
        assertThat(o.bestPath().anchored()).isTrue();
    }

    @Test
    void sha1AcceptedFirst_searchContinues_andSha2PathWins(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate icaSha1 = pki.crossSigned(ica, root)
                .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                .build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();
        SimpleValidator v = new SimpleValidator();

        // Apple extends the parent found last first (each new partial goes right after the current one)
        BuildOutcome o =
                PathBuilder.build(chain(leaf, ica, icaSha1).systemRoot(root).build(), v);

        assertThat(o.accepted()).isTrue();
        assertThat(path(o)).containsExactlyElementsOf(certs(leaf, ica, root));
        assertThat(v.validations.get())
                .as("the SHA-1 path was accepted first, then upgraded")
                .isEqualTo(2);
    }

    @Test
    void sha2AcceptedFirst_stopsTheSearch(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate ica2 = pki.crossSigned(ica, root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();
        SimpleValidator v = new SimpleValidator();

        BuildOutcome o =
                PathBuilder.build(chain(leaf, ica2, ica).systemRoot(root).build(), v);

        assertThat(o.accepted()).isTrue();
        assertThat(path(o)).containsExactlyElementsOf(certs(leaf, ica, root));
        assertThat(v.validations.get()).isEqualTo(1);
    }

    @Test
    void crossSignedCycle_terminates_withAnUnanchoredBestPath(TestPki pki) {
        HeldCertificate a = pki.root("CA A").build();
        HeldCertificate b = pki.root("CA B").build();
        HeldCertificate aByB = pki.crossSigned(a, b).build();
        HeldCertificate bByA = pki.crossSigned(b, a).build();
        HeldCertificate leaf = pki.leaf("example.com", a).build();

        BuildOutcome o = build(chain(leaf, aByB, bByA));

        assertThat(o.accepted()).isFalse();
        assertThat(o.bestPath().anchored()).isFalse();
        assertThat(o.budgetExceeded()).isFalse();
        assertThat(o.pathsCreated()).isLessThan(10);
        assertThat(path(o)).startsWith(cert(leaf));
    }

    @Test
    void badSignature_discardsThePath(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica =
                pki.intermediate("Issuing CA", root).brokenSignature().build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();

        BuildOutcome o = build(chain(leaf, ica).systemRoot(root));

        assertThat(o.accepted()).isFalse();
        assertThat(path(o)).containsExactlyElementsOf(certs(leaf, ica));
    }

    @Test
    void expiredLeaf_considerRejectedFromTheStart_stillReportsTheAnchoredPath(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica)
                .validity(pki.now().minus(Duration.ofDays(10)), pki.now().minus(Duration.ofDays(1)))
                .build();

        BuildOutcome o = build(chain(leaf, ica).systemRoot(root));

        assertThat(o.accepted()).isFalse();
        assertThat(path(o)).containsExactlyElementsOf(certs(leaf, ica, root));
        assertThat(o.bestPath().anchored()).isTrue();
    }

    // ------------------------------------------------------------------ budgets

    @Test
    void pathBudgetExhausted_beforeAnAccept_isReported(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();
        List<HeldCertificate> decoys = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            decoys.add(pki.crossSigned(ica, pki.root("Decoy " + i).build()).build());
        }
        TestRequests r = chain(leaf);
        decoys.forEach(d -> r.presented.add(cert(d)));
        r.presented.add(cert(ica));
        r.systemRoot(root);
        r.budget = new PathBudget(3, 1000, 32);

        BuildOutcome o = build(r);

        assertThat(o.accepted()).isFalse();
        assertThat(o.budgetExceeded()).isTrue();
        assertThat(o.limitReached()).contains("maxPaths");
    }

    @Test
    void signatureBudgetExhausted_isReported_andNeverAccepted(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();
        TestRequests r = chain(leaf, ica).systemRoot(root);
        r.budget = new PathBudget(100, 1, 32);

        BuildOutcome o = build(r);

        assertThat(o.accepted()).isFalse();
        assertThat(o.budgetExceeded()).isTrue();
        assertThat(o.limitReached()).contains("maxSignatureChecks");
        assertThat(o.signatureChecks()).isEqualTo(1);
    }

    @Test
    void hundredsOfCandidateIssuers_stopAtApplesPathCap(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();
        HeldCertificate decoyRoot = pki.root("Decoy").build();
        TestRequests r = chain(leaf);
        for (int i = 0; i < 150; i++) {
            r.presented.add(cert(pki.crossSigned(ica, decoyRoot).build()));
        }
        r.presented.add(cert(ica)); // the good issuer is in the same parent list, but its path is never extended
        r.systemRoot(root);

        BuildOutcome o = build(r);

        // the leaf's whole parent list is processed (152 paths: leaf + 151), then the cap stops all extension
        assertThat(o.pathsCreated()).isEqualTo(152);
        assertThat(o.accepted()).isFalse();
        assertThat(o.budgetExceeded()).isTrue();
        assertThat(o.limitReached()).contains("maxPaths");
    }

    /**
     * §1.4, SecPathBuilderGetNext in trust/trustd/SecTrustServer.c: the 100-path cap is checked between
     * building steps, after a whole parent list is processed. 150 same-name app anchors with the right one
     * last: iOS creates all 150 paths and accepts the last; a check inside the list stopped at 101 paths.
     */
    @Test
    void pathCap_isCheckedBetweenSteps_soAWholeParentListIsProcessed(TestPki pki) {
        List<HeldCertificate> wrong = new ArrayList<>();
        for (int i = 0; i < 149; i++) {
            wrong.add(pki.root("App Root").build());
        }
        HeldCertificate right = pki.root("App Root").build();
        HeldCertificate leaf = pki.leaf("example.com", right).build();
        TestRequests r = chain(leaf);
        wrong.forEach(w -> r.appAnchors.add(cert(w)));
        r.appAnchors.add(cert(right));
        r.anchorsOnly = true;

        BuildOutcome o = build(r);

        assertThat(o.accepted()).isTrue();
        assertThat(o.bestPath().top()).isEqualTo(cert(right));
        assertThat(o.pathsCreated()).isEqualTo(151);
        assertThat(o.budgetExceeded()).isFalse();
    }

    @Test
    void chainDeeperThanTheDepthLimit_isReportedAsBudgetExceeded(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate issuer = root;
        List<HeldCertificate> cas = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            issuer = pki.intermediate("CA " + i, issuer).build();
            cas.add(issuer);
        }
        HeldCertificate leaf = pki.leaf("example.com", issuer).build();
        TestRequests r = chain(leaf);
        cas.forEach(c -> r.presented.add(cert(c)));
        r.systemRoot(root);
        r.budget = new PathBudget(100, 1000, 4);

        BuildOutcome o = build(r);

        assertThat(o.accepted()).isFalse();
        assertThat(o.budgetExceeded()).isTrue();
        assertThat(o.limitReached()).contains("maxDepth");
        assertThat(o.bestPath().size()).isEqualTo(4);

        r.budget = PathBudget.DEFAULT;
        assertThat(build(r).accepted()).isTrue();
    }
}
