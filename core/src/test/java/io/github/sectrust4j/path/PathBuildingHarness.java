package io.github.sectrust4j.path;

import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.truststores.AppleTrustStore;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.util.List;
import java.util.Optional;

/**
 * Measurement harness (not a test): cold per-store index build, warm path building for a
 * three-certificate chain against the newest Apple store, and a 30-certificate cross-signed graph.
 * Run: {@code java -cp core/target/test-classes:core/target/classes:<test classpath>
 * io.github.sectrust4j.path.PathBuildingHarness}.
 */
public final class PathBuildingHarness {
    private PathBuildingHarness() {}

    public static void main(String[] args) {
        AppleTrustStore store = AppleTrustStores.latest();
        long t0 = System.nanoTime();
        SystemStoreIndex.of(store);
        long t1 = System.nanoTime();
        System.out.printf(
                "store %d index (%d roots): %.1f ms cold%n",
                store.version(), store.anchors().size(), (t1 - t0) / 1e6);

        AppleTrustStore older = AppleTrustStores.forIos("17.0");
        long t2 = System.nanoTime();
        SystemStoreIndex.of(older);
        long t3 = System.nanoTime();
        System.out.printf(
                "store %d index (%d roots): %.1f ms (second store, classes loaded)%n",
                older.version(), older.anchors().size(), (t3 - t2) / 1e6);

        TestPki pki = TestPki.seeded(1);
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();
        TestRequests r = TestRequests.chain(leaf, ica).systemRoot(root);
        r.store = Optional.of(store);
        EvaluationRequest request = r.build();
        measure("3-certificate chain, newest store", request, 2000);

        io.github.sectrust4j.SecTrust trust = io.github.sectrust4j.SecTrust.ios("17.4")
                .forServer("example.com")
                .at(pki.now())
                .withExtraSystemRoots(TestRequests.certs(root));
        List<io.github.sectrust4j.cert.Certificate> chain = TestRequests.certs(leaf, ica);
        for (int i = 0; i < 2000; i++) {
            trust.evaluate(chain);
        }
        long e0 = System.nanoTime();
        for (int i = 0; i < 2000; i++) {
            trust.evaluate(chain);
        }
        System.out.printf(
                "SecTrust.evaluate, 3-certificate chain, real SSL policy: %.3f ms per evaluation (warm)%n",
                (System.nanoTime() - e0) / 1e6 / 2000);

        PathBuilderProperties.Graph g = PathBuilderProperties.graph(42, 8, 22, 100);
        measure(
                "cross-signed graph of " + g.size() + " certificates",
                g.request().build(),
                200);
    }

    private static void measure(String what, EvaluationRequest request, int n) {
        for (int i = 0; i < n; i++) {
            PathBuilder.build(request, new SimpleValidator());
        }
        long t0 = System.nanoTime();
        BuildOutcome o = null;
        for (int i = 0; i < n; i++) {
            o = PathBuilder.build(request, new SimpleValidator());
        }
        long t1 = System.nanoTime();
        System.out.printf(
                "%s: %.3f ms per build (warm, verdicts cached), %d paths, accepted=%s%n",
                what, (t1 - t0) / 1e6 / n, o.pathsCreated(), o.accepted());
    }
}
