package io.github.sectrust4j.engine;

import static io.github.sectrust4j.path.TestRequests.cert;
import static io.github.sectrust4j.path.TestRequests.chain;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.CertificateRole;
import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.PathCertificate;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.SharedData;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.path.SimpleValidator;
import io.github.sectrust4j.path.TestRequests;
import io.github.sectrust4j.policy.Decision;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.truststores.AnchorRecord;
import io.github.sectrust4j.truststores.AppleTrustStore;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The evaluator with a test-only policy and decision (the real ones live in the policy package). */
@ExtendWith(TestPkiExtension.class)
class EvaluatorTest {

    /** Trusted iff the validation has no failures; one finding per failure. Remembers what it was given. */
    static final class FakeDecider implements Evaluator.Decider {
        final AtomicReference<PathValidation> seen = new AtomicReference<>();
        final AtomicReference<CandidatePath> seenPath = new AtomicReference<>();

        @Override
        public Decision decide(CandidatePath path, PathValidation validation, EvaluationRequest request) {
            seen.set(validation);
            seenPath.set(path);
            List<Finding> findings = new ArrayList<>();
            for (Failure f : validation.failures()) {
                findings.add(new Finding(
                        f.code(),
                        f.severity(),
                        f.index(),
                        "",
                        f.code().code(),
                        f.evidence().fields(),
                        Rule.of("§1.4", "test", Confidence.APPLE_CODE),
                        ""));
            }
            return validation.failures().isEmpty()
                    ? new Decision(validation.result(), Optional.empty(), findings)
                    : new Decision(
                            validation.result(),
                            validation.failures().get(0).code().error(),
                            findings);
        }
    }

    static TrustReport evaluate(TestRequests r, FakeDecider d) {
        return Evaluator.evaluate(r.build(), new SimpleValidator(), d);
    }

    @Test
    void trustedChain_reportsRolesAnchorSourceAndPresentedFlags(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();
        FakeDecider d = new FakeDecider();

        TrustReport report = evaluate(chain(leaf, ica).systemRoot(root), d);

        assertThat(report.trusted()).isTrue();
        assertThat(report.result()).isEqualTo(SecTrustResult.UNSPECIFIED);
        assertThat(report.path())
                .extracting(PathCertificate::role)
                .containsExactly(CertificateRole.LEAF, CertificateRole.INTERMEDIATE, CertificateRole.ANCHOR);
        assertThat(report.path()).extracting(PathCertificate::presented).containsExactly(true, true, false);
        assertThat(report.path())
                .extracting(PathCertificate::anchorSource)
                .containsExactly(Optional.empty(), Optional.empty(), Optional.of(AnchorSource.SYSTEM));
        assertThat(report.path().get(0).sha256())
                .isEqualTo(cert(leaf).sha256Hex().toUpperCase(Locale.ROOT));
        assertThat(report.path().get(1).subject()).contains("Issuing CA");
        assertThat(report.path().get(1).issuer()).contains("Root");
        assertThat(report.path().get(0).notAfter()).isEqualTo(cert(leaf).notAfter());
        assertThat(report.host()).contains("example.com");
        assertThat(report.evaluatedAt()).isEqualTo(pki.now());
        assertThat(report.trustStoreVersion()).isEmpty();
    }

    @Test
    void missingIntermediate_reportsTheUntrustedTop_andTheValidationOfTheBestPath(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica1 = pki.intermediate("Policy CA", root).build();
        HeldCertificate ica2 = pki.intermediate("Issuing CA", ica1)
                .caIssuersUrl("http://ca.test/policy.cer")
                .build();
        HeldCertificate leaf = pki.leaf("example.com", ica2).build();
        FakeDecider d = new FakeDecider();

        TrustReport report = evaluate(chain(leaf, ica2).systemRoot(root), d);

        assertThat(report.trusted()).isFalse();
        assertThat(report.has(FindingCode.MISSING_INTERMEDIATE)).isTrue();
        assertThat(report.path())
                .extracting(PathCertificate::role)
                .containsExactly(CertificateRole.LEAF, CertificateRole.UNTRUSTED_TOP);
        assertThat(d.seenPath.get().top().authorityInfoAccess().orElseThrow().caIssuers())
                .containsExactly("http://ca.test/policy.cer");
    }

    @Test
    void budgetExhausted_addsPathBudgetExceeded_withEvidence_andIsNeverTrusted(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();
        TestRequests r = chain(leaf, ica).systemRoot(root);
        r.budget = new PathBudget(100, 1, 32);
        FakeDecider d = new FakeDecider();

        TrustReport report = evaluate(r, d);

        assertThat(report.trusted()).isFalse();
        assertThat(report.has(FindingCode.PATH_BUDGET_EXCEEDED)).isTrue();
        Failure f = d.seen.get().failures().stream()
                .filter(x -> x.code() == FindingCode.PATH_BUDGET_EXCEEDED)
                .findFirst()
                .orElseThrow();
        assertThat(f.evidence().fields())
                .containsEntry("limitReached", "maxSignatureChecks")
                .containsEntry("maxSignatureChecks", 1)
                .containsEntry("signatureChecks", 1)
                .containsKeys("pathsCreated", "maxPaths", "maxDepth");
    }

    @Test
    void decisionClaimingTrustOnABudgetExhaustedSearch_isOverruled(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();
        TestRequests r = chain(leaf, ica).systemRoot(root);
        r.budget = new PathBudget(100, 1, 32);

        TrustReport report = Evaluator.evaluate(
                r.build(),
                new SimpleValidator(),
                (p, v, q) -> new Decision(SecTrustResult.UNSPECIFIED, Optional.empty(), List.of()));

        assertThat(report.trusted()).isFalse();
    }

    @Test
    void realAppleRootPresented_isAnchoredByTheSystemStore_withTheRealDer() throws Exception {
        AppleTrustStore store = AppleTrustStores.latest();
        AnchorRecord record = store.anchors().stream()
                .filter(a -> store.isTrustedForSsl(a.sha256()))
                .filter(a -> Files.exists(SharedData.appleRoots().resolve(a.sha256Hex() + ".cer")))
                .filter(a -> a.isValidAt(TestPki.DEFAULT_NOW))
                .findFirst()
                .orElseThrow();
        Certificate real =
                Certificate.parse(Files.readAllBytes(SharedData.appleRoots().resolve(record.sha256Hex() + ".cer")));
        TestRequests r = new TestRequests();
        r.presented.add(real);
        r.store = Optional.of(store);
        FakeDecider d = new FakeDecider();

        TrustReport report = evaluate(r, d);

        assertThat(d.seenPath.get().anchor().orElseThrow().source()).isEqualTo(AnchorSource.SYSTEM);
        assertThat(d.seenPath.get().systemTrusted()).isTrue();
        assertThat(d.seenPath.get().top().isSynthetic()).isFalse();
        assertThat(report.trustStoreVersion()).isEqualTo(OptionalInt.of(store.version()));
        assertThat(report.path()).hasSize(1);
        assertThat(report.path().get(0).role()).isEqualTo(CertificateRole.ANCHOR);
    }

    @Test
    void chainBelowATestRootInjectedIntoARealStore_isSystemAnchored(TestPki pki) {
        HeldCertificate root = pki.root("Injected Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).build();
        TestRequests r = chain(leaf).systemRoot(root);
        r.store = Optional.of(AppleTrustStores.latest());
        FakeDecider d = new FakeDecider();

        TrustReport report = evaluate(r, d);

        assertThat(report.trusted()).isTrue();
        assertThat(report.path().get(1).anchorSource()).contains(AnchorSource.SYSTEM);
        assertThat(d.seenPath.get().appleRoot()).isFalse();
    }

    @Test
    void userDenyOnAnAppleRoot_hasNoEffect_butOnASystemRoot_itDenies() throws Exception {
        AppleTrustStore store = AppleTrustStores.latest();
        Certificate appleRoot = Certificate.parse(Files.readAllBytes(SharedData.appleRoots()
                .resolve("B0B1730ECBC7FF4505142C49F1295E6EDA6BCAED7E2C68C5BE91B5A11001F024.cer")));
        io.github.sectrust4j.UserRoot deny = new io.github.sectrust4j.UserRoot(
                appleRoot,
                io.github.sectrust4j.InstallChannel.MDM,
                io.github.sectrust4j.FullTrust.ON,
                Optional.of(
                        List.of(io.github.sectrust4j.TrustSetting.of(io.github.sectrust4j.TrustSetting.Result.DENY))));
        TestRequests r = new TestRequests();
        r.presented.add(appleRoot);
        r.store = Optional.of(store);
        r.userRoots.add(deny);
        r.verifyTime = java.time.Instant.parse("2020-01-01T00:00:00Z");
        FakeDecider d = new FakeDecider();

        TrustReport report = evaluate(r, d);

        assertThat(d.seenPath.get().anchor().orElseThrow().source())
                .as("§1.3: Apple roots come before the user store")
                .isEqualTo(AnchorSource.APPLE);
        assertThat(d.seenPath.get().appleRoot()).isTrue();
        assertThat(d.seenPath.get().userTrustSettings()).isEmpty();
        assertThat(report.trusted()).isTrue();
    }

    @Test
    void userDenyOnASystemRoot_anchorsInTheUserStore_andCarriesTheDeny(TestPki pki) {
        HeldCertificate root = pki.root("Public Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).build();
        TestRequests r = chain(leaf).systemRoot(root);
        r.userRoots.add(new io.github.sectrust4j.UserRoot(
                cert(root),
                io.github.sectrust4j.InstallChannel.MDM,
                io.github.sectrust4j.FullTrust.ON,
                Optional.of(
                        List.of(io.github.sectrust4j.TrustSetting.of(io.github.sectrust4j.TrustSetting.Result.DENY)))));
        FakeDecider d = new FakeDecider();

        TrustReport report = evaluate(r, d);

        assertThat(d.seenPath.get().anchor().orElseThrow().source()).isEqualTo(AnchorSource.MDM);
        assertThat(d.seenPath.get().systemTrusted()).isTrue();
        assertThat(report.result()).isEqualTo(SecTrustResult.DENY);
        assertThat(report.has(FindingCode.USAGE_CONSTRAINTS)).isTrue();
    }
}
