package io.github.sectrust4j.hardening;

import static io.github.sectrust4j.hardening.Hardening.jdkVerifies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sectrust4j.CertificateRole;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.PathCertificate;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Random CA graphs through the public API with the real SSL policy: random cross-signatures, loops,
 * self-issued but not self-signed certificates (two keys under one name), duplicate subjects,
 * expired and not-yet-valid members, and up to hundreds of noise certificates presented. Always
 * terminates (PathBudget), is deterministic, and a trusted report's path is checked independently
 * with the plain JDK: every link's issuer name is its parent's subject and its signature verifies
 * under the parent's key, every certificate is valid at the instant, and the top is one of the anchors.
 */
class RandomGraphProperties {

    enum AnchorKind {
        APP,
        MDM,
        SYSTEM
    }

    record Graph(List<HeldCertificate> presented, List<HeldCertificate> anchors, Map<String, HeldCertificate> bySha) {}

    static final Instant NOW = TestPki.DEFAULT_NOW;

    static Graph graph(long seed, int identities, int names, int crossSigns, int noise) {
        Random rnd = new Random(seed);
        TestPki pki = TestPki.seeded(11);
        List<HeldCertificate> cas = new ArrayList<>();
        List<HeldCertificate> all = new ArrayList<>();
        for (int i = 0; i < identities; i++) {
            CertificateBuilder b = pki.root("Graph CA " + rnd.nextInt(names)); // duplicate subjects, different keys
            window(b, rnd);
            HeldCertificate ca = b.build();
            cas.add(ca);
            all.add(ca);
        }
        for (int i = 0; i < crossSigns; i++) {
            HeldCertificate subject = cas.get(rnd.nextInt(identities));
            HeldCertificate issuer = cas.get(rnd.nextInt(identities)); // may be itself (a re-issue) or a namesake
            CertificateBuilder b = pki.crossSigned(subject, issuer);
            window(b, rnd);
            all.add(b.build());
        }
        HeldCertificate leaf = pki.leaf("example.com", cas.get(rnd.nextInt(identities)))
                .validForDays(90)
                .build();
        List<HeldCertificate> anchors = new ArrayList<>();
        for (HeldCertificate ca : cas) {
            if (rnd.nextInt(3) == 0) {
                anchors.add(ca);
            }
        }
        List<HeldCertificate> rest = new ArrayList<>();
        for (HeldCertificate c : all) {
            if (rnd.nextInt(4) != 0) {
                rest.add(c);
            }
        }
        for (int i = 0; i < noise; i++) {
            // unrelated issuers sharing the graph's names: more parents to try for every lookup
            rest.add(pki.intermediate("Graph CA " + rnd.nextInt(names), cas.get(rnd.nextInt(identities)))
                    .build());
        }
        Collections.shuffle(rest, rnd);
        List<HeldCertificate> presented = new ArrayList<>();
        presented.add(leaf);
        presented.addAll(rest);
        Map<String, HeldCertificate> bySha = new HashMap<>();
        presented.forEach(h -> bySha.put(sha(h), h));
        anchors.forEach(h -> bySha.put(sha(h), h));
        return new Graph(presented, anchors, bySha);
    }

    private static void window(CertificateBuilder b, Random rnd) {
        switch (rnd.nextInt(6)) {
            case 0:
                b.validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))); // expired
                break;
            case 1:
                b.validity(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400))); // not yet valid
                break;
            default:
                break;
        }
    }

    static String sha(HeldCertificate h) {
        return Certificate.parse(h.der()).sha256Hex().toUpperCase(Locale.ROOT);
    }

    static SecTrust trust(Graph g, AnchorKind kind) {
        SecTrust t = SecTrust.ios("17.4").forServer("example.com").at(NOW);
        List<Certificate> anchors = Hardening.certs(g.anchors().toArray(new HeldCertificate[0]));
        switch (kind) {
            case APP:
                return t.withAnchors(anchors);
            case MDM:
                for (Certificate a : anchors) {
                    t = t.withMdmRoot(a);
                }
                return t;
            default:
                return t.withExtraSystemRoots(anchors).ctKillSwitch(true);
        }
    }

    @Property(tries = 30)
    void randomGraphs_terminate_areDeterministic_andOnlyTrustIndependentlyVerifiedAnchoredPaths(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 8) int identities,
            @ForAll @IntRange(min = 1, max = 4) int names,
            @ForAll @IntRange(min = 0, max = 30) int crossSigns,
            @ForAll @IntRange(min = 0, max = 3) int noiseLevel,
            @ForAll AnchorKind kind) {
        Statistics.label("outcome").coverage(c -> c.check("refused").count(n -> n > 0));
        int noise = noiseLevel == 3 ? 150 : noiseLevel * 10;
        Graph g = graph(seed, identities, names, crossSigns, noise);
        List<Certificate> chain = Hardening.certs(g.presented().toArray(new HeldCertificate[0]));
        SecTrust trust = trust(g, kind);

        TrustReport report = assertTimeoutPreemptively(
                Duration.ofSeconds(60), () -> trust.evaluate(chain), "a hang guard, not a speed target");

        Statistics.label("outcome")
                .collect(
                        report.trusted()
                                ? "trusted"
                                : report.has(FindingCode.PATH_BUDGET_EXCEEDED) ? "budget" : "refused");
        assertThat(report.path()).isNotEmpty();
        assertThat(report.path().get(0).sha256()).isEqualTo(sha(g.presented().get(0)));
        assertThat(new HashSet<>(report.path())).hasSameSizeAs(report.path());
        if (report.trusted()) {
            assertIndependentlyValid(report, g);
        }
        if (report.has(FindingCode.PATH_BUDGET_EXCEEDED)) {
            assertThat(report.trusted()).isFalse();
        }

        TrustReport again = trust(g, kind).evaluate(chain);
        assertThat(again.toJson()).isEqualTo(report.toJson());
    }

    static void assertIndependentlyValid(TrustReport report, Graph g) {
        List<PathCertificate> path = report.path();
        Set<String> anchors = new HashSet<>();
        g.anchors().forEach(a -> anchors.add(sha(a)));
        PathCertificate top = path.get(path.size() - 1);
        assertThat(top.role()).isEqualTo(CertificateRole.ANCHOR);
        assertThat(anchors)
                .as("the trusted path's top is not an anchor\n" + report.explain())
                .contains(top.sha256());
        for (int i = 0; i < path.size(); i++) {
            HeldCertificate h = g.bySha().get(path.get(i).sha256());
            assertThat(h).as("path holds a certificate nobody supplied").isNotNull();
            X509Certificate c = h.certificate();
            assertThat(NOW)
                    .as("certificate " + i + " not valid at the instant\n" + report.explain())
                    .isBetween(c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
            if (i + 1 < path.size()) {
                X509Certificate parent = g.bySha().get(path.get(i + 1).sha256()).certificate();
                assertThat(c.getIssuerX500Principal())
                        .as("link " + i + " name chaining")
                        .isEqualTo(parent.getSubjectX500Principal());
                assertThat(jdkVerifies(c, parent.getPublicKey()))
                        .as("link " + i + " signature does not verify\n" + report.explain())
                        .isTrue();
            }
        }
    }
}
