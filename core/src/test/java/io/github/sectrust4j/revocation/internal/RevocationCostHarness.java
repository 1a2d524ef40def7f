package io.github.sectrust4j.revocation.internal;

import io.github.sectrust4j.SharedData;
import io.github.sectrust4j.revocation.ValidDatabase;
import io.github.sectrust4j.revocation.ValidQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Cost harness (not a unit test): Valid snapshot open and lookup times, OCSP response check times.
 * After {@code mvn -B -o -q -pl core -am test-compile} and
 * {@code mvn -B -o -q -pl core dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}:
 * <pre>
 * java -cp core/target/classes:core/target/test-classes:test-fixtures/target/classes:$(cat /tmp/cp.txt) \
 *      io.github.sectrust4j.revocation.internal.RevocationCostHarness
 * </pre>
 */
public final class RevocationCostHarness {
    private RevocationCostHarness() {}

    public static void main(String[] args) throws Exception {
        Path store = SharedData.appleTrustStore();
        Path snapshot = store.resolve("valid/valid-snapshot-2023-09.sqlite3");
        long t0 = System.nanoTime();
        ValidDatabase db = ValidDatabase.open(snapshot);
        System.out.printf(
                "ValidDatabase.open (cold JVM, incl. sqlite-jdbc native load + quick_check): %.1f ms%n",
                (System.nanoTime() - t0) / 1e6);

        ValidQuery serialHit = ValidQuery.of(cert(store, "9F8B05137F20ACDE9B99"), cert(store, "B676F2EDDAE8775CD36C"));
        ValidQuery filterHit = ValidQuery.of(cert(store, "77DECE8000964A74AEED"), cert(store, "CECDDC905099D8DADFC5"));
        ValidQuery noGroup = ValidQuery.of(new byte[32], new byte[] {1}, java.util.Optional.empty());
        report("Valid lookup, format 1 serial hit", () -> db.lookup(serialHit));
        report("Valid lookup, format 3 filter hit (filter parsed once per group, cached)", () -> db.lookup(filterHit));
        report("Valid lookup, issuer without group", () -> db.lookup(noGroup));

        OcspScene chain = new OcspScene();
        OcspTarget target = chain.target();
        byte[] issuerSigned = chain.response().build();
        byte[] delegated = chain.response().signedBy(chain.responder).build();
        report(
                "OCSP check, issuer-signed ECDSA P-256",
                () -> OcspResponseValidator.check(target, issuerSigned, OcspScene.NOW));
        report(
                "OCSP check, delegated responder (2 signature verifications)",
                () -> OcspResponseValidator.check(target, delegated, OcspScene.NOW));
        db.close();
    }

    private static byte[] cert(Path store, String prefix) throws Exception {
        try (var files = Files.list(store.resolve("certs"))) {
            return Files.readAllBytes(
                    files.filter(p -> p.getFileName().toString().startsWith(prefix))
                            .findFirst()
                            .orElseThrow());
        }
    }

    private static void report(String what, Supplier<Object> action) {
        for (int i = 0; i < 2000; i++) {
            Object unused = action.get();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long s = System.nanoTime();
            Object unused = action.get();
            times.add(System.nanoTime() - s);
        }
        times.sort(null);
        System.out.printf("%s: median %.1f µs, p90 %.1f µs%n", what, times.get(1000) / 1e3, times.get(1800) / 1e3);
    }
}
