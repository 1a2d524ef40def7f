package io.github.sectrust4j.hardening;

import static io.github.sectrust4j.hardening.Hardening.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One immutable {@link SecTrust} evaluated from several threads at once — trusted, refused, budget-cut
 * and cross-signed chains interleaved, sharing the process-wide signature cache and store index —
 * gives exactly the reports a single thread gives.
 */
class ConcurrencyTest {

    @Test
    void sameSecTrust_evaluatedFromManyThreads_givesIdenticalReports() throws Exception {
        TestPki pki = TestPki.seeded(101);
        HeldCertificate root = pki.root("Shared Root").build();
        HeldCertificate oldRoot = pki.root("Old Root").build();
        HeldCertificate ica = pki.intermediate("Shared Issuing CA", root).build();
        HeldCertificate cross = pki.crossSigned(ica, oldRoot).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).validForDays(90).build();
        HeldCertificate wrongHost =
                pki.leaf("other.example", ica).validForDays(90).build();
        HeldCertificate expired = pki.leaf("example.com", ica)
                .validity(pki.now().minus(Duration.ofDays(30)), pki.now().minus(Duration.ofDays(1)))
                .build();
        HeldCertificate stranger = pki.leaf("example.com", pki.root("Stranger").build())
                .validForDays(90)
                .build();

        SecTrust trust = SecTrust.ios("17.4")
                .forServer("example.com")
                .at(pki.now())
                .withProfileRoot(Certificate.parse(root.der()), FullTrust.ON)
                .withExtraSystemRoots(certs(oldRoot))
                .ctKillSwitch(true);
        List<List<Certificate>> chains = List.of(
                certs(leaf, ica),
                certs(leaf, cross, ica),
                certs(wrongHost, ica),
                certs(expired, ica, cross),
                certs(stranger),
                certs(leaf, cross));

        List<String> expected = new ArrayList<>();
        for (List<Certificate> c : chains) {
            expected.add(trust.evaluate(c).toJson());
        }
        assertThat(new java.util.HashSet<>(expected))
                .as("the scenarios cover several outcomes")
                .hasSizeGreaterThanOrEqualTo(4);

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                Callable<List<String>> work = () -> {
                    List<String> got = new ArrayList<>();
                    for (int round = 0; round < 10; round++) {
                        for (int k = 0; k < chains.size(); k++) {
                            int i = (k + offset) % chains.size();
                            TrustReport r = trust.evaluate(chains.get(i));
                            if (!r.toJson().equals(expected.get(i))) {
                                got.add("chain " + i + ": " + r.toJson());
                            }
                        }
                    }
                    return got;
                };
                runs.add(pool.submit(work));
            }
            for (Future<List<String>> f : runs) {
                assertThat(f.get(120, TimeUnit.SECONDS))
                        .as("reports that differ from the single-threaded ones")
                        .isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
