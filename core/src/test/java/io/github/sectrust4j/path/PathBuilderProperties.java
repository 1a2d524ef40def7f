package io.github.sectrust4j.path;

import static io.github.sectrust4j.path.TestRequests.cert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.SignatureVerifier;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Random graphs of cross-signed CAs (random issuers, up to ~30 certificates, random expiry, random
 * anchors): path building always terminates within its budget, never accepts an unanchored or
 * badly signed path, and is deterministic.
 */
class PathBuilderProperties {

    record Graph(TestRequests request, int size) {}

    static Graph graph(long seed, int cas, int crossSigns, int maxPaths) {
        Random rnd = new Random(seed);
        TestPki pki = TestPki.seeded(7);
        List<HeldCertificate> bases = new ArrayList<>();
        for (int i = 0; i < cas; i++) {
            var b = pki.root("CA " + i);
            if (rnd.nextInt(4) == 0) {
                b.validity(pki.now().minus(Duration.ofDays(100)), pki.now().minus(Duration.ofDays(1)));
            }
            bases.add(b.build());
        }
        List<HeldCertificate> pool = new ArrayList<>();
        for (HeldCertificate b : bases) {
            if (rnd.nextBoolean()) {
                pool.add(b);
            }
        }
        for (int i = 0; i < crossSigns; i++) {
            HeldCertificate subject = bases.get(rnd.nextInt(cas));
            HeldCertificate issuer = bases.get(rnd.nextInt(cas));
            var c = pki.crossSigned(subject, issuer);
            if (rnd.nextInt(4) == 0) {
                c.validity(pki.now().minus(Duration.ofDays(100)), pki.now().minus(Duration.ofDays(1)));
            }
            pool.add(c.build());
        }
        HeldCertificate leaf =
                pki.leaf("example.com", bases.get(rnd.nextInt(cas))).build();
        TestRequests r = TestRequests.chain(leaf);
        for (HeldCertificate h : pool) {
            if (rnd.nextInt(3) == 0) {
                r.extraSystemRoots.add(cert(h));
            } else if (rnd.nextInt(3) == 0) {
                r.cached.add(cert(h));
            } else {
                r.presented.add(cert(h));
            }
        }
        r.budget = new PathBudget(maxPaths, 1000, 32);
        return new Graph(r, pool.size() + 1);
    }

    @Property(tries = 40)
    void randomCrossSignedGraphs_terminateWithinBudget_neverAcceptUnanchored_areDeterministic(
            @ForAll long seed,
            @ForAll @IntRange(min = 2, max = 8) int cas,
            @ForAll @IntRange(min = 0, max = 22) int crossSigns,
            @ForAll @IntRange(min = 1, max = 100) int maxPaths) {
        Graph g = graph(seed, cas, crossSigns, maxPaths);
        SimpleValidator v = new SimpleValidator();
        BuildOutcome o = PathBuilder.build(g.request().build(), v);

        // the cap is checked between steps (SecPathBuilderGetNext): the last parent list processed may
        // take the count past it by at most one path per certificate in the graph
        assertThat(o.pathsCreated()).isLessThanOrEqualTo(maxPaths + g.size());
        assertThat(o.signatureChecks()).isLessThanOrEqualTo(1000);
        List<Certificate> p = o.bestPath().certificates();
        assertThat(p.get(0)).isEqualTo(g.request().presented.get(0));
        assertThat(new HashSet<>(p)).hasSameSizeAs(p);
        if (o.accepted()) {
            assertThat(o.bestPath().anchored()).isTrue();
            assertThat(o.bestPath().signaturesVerified()).isTrue();
            assertThat(o.budgetExceeded()).isFalse();
            for (int i = 0; i + 1 < p.size(); i++) {
                assertThat(SignatureVerifier.bouncyCastle()
                                .verifies(p.get(i), p.get(i + 1).publicKey()))
                        .isTrue();
                assertThat(p.get(i).normalizedIssuer()).isEqualTo(p.get(i + 1).normalizedSubject());
            }
            assertThat(p).allMatch(c -> c.isValidAt(g.request().verifyTime));
        }

        Statistics.collect(o.accepted() ? "accepted" : o.budgetExceeded() ? "budget" : "rejected");
        Statistics.coverage(c -> c.check("accepted").count(n -> n > 0));

        BuildOutcome again = PathBuilder.build(g.request().build(), new SimpleValidator());
        assertThat(again.bestPath().certificates()).isEqualTo(p);
        assertThat(again.accepted()).isEqualTo(o.accepted());
        assertThat(again.score()).isEqualTo(o.score());
    }
}
