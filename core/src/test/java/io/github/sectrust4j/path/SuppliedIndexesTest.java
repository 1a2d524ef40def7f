package io.github.sectrust4j.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.engine.SecTrustAccess;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a configuration supplies (profile and user roots, app anchors, intermediates, extra system roots) is indexed
 * once per configuration, not per evaluation (issue 14 item 5), and gives the verdicts the per-evaluation indexes
 * gave.
 */
@ExtendWith(TestPkiExtension.class)
class SuppliedIndexesTest {
    /** More than the size up to which lists are indexed per evaluation. */
    private static final int ROOTS = 12;

    private HeldCertificate root;
    private HeldCertificate ica;
    private HeldCertificate leaf;
    private List<Certificate> otherRoots;

    @BeforeEach
    void mint(TestPki pki) {
        root = pki.root("Root").build();
        ica = pki.intermediate("Issuing CA", root).build();
        leaf = pki.leaf("example.com", ica).validForDays(90).build();
        otherRoots = IntStream.range(0, ROOTS - 1)
                .mapToObj(i -> TestRequests.cert(pki.root("Other Root " + i).build()))
                .toList();
    }

    private SecTrust base(TestPki pki) {
        return SecTrust.ios("17.4").forServer("example.com").at(pki.now()).ctKillSwitch(true);
    }

    private static SecTrust withProfileRoots(SecTrust t, List<Certificate> roots, FullTrust fullTrust) {
        for (Certificate r : roots) {
            t = t.withProfileRoot(r, fullTrust);
        }
        return t;
    }

    @Test
    void oneConfiguration_isIndexedOnce_forAllItsEvaluations(TestPki pki) {
        List<Certificate> roots = new java.util.ArrayList<>(otherRoots);
        roots.add(TestRequests.cert(root));
        SecTrust t = withProfileRoots(base(pki), roots, FullTrust.ON)
                .withIntermediates(otherRoots)
                .withExtraSystemRoots(otherRoots);
        List<Certificate> chain = TestRequests.certs(leaf, ica);

        EvaluationRequest first = SecTrustAccess.request(t, chain);
        EvaluationRequest second = SecTrustAccess.request(t, chain);

        assertThat(second.userRoots()).isSameAs(first.userRoots());
        assertThat(second.userStore()).isSameAs(first.userStore());
        assertThat(SuppliedIndexes.userRoots(second.userStore()))
                .isSameAs(SuppliedIndexes.userRoots(first.userStore()));
        assertThat(SuppliedIndexes.names(second.cachedIntermediates(), CertificateOrigin.CACHED_INTERMEDIATE))
                .isSameAs(SuppliedIndexes.names(first.cachedIntermediates(), CertificateOrigin.CACHED_INTERMEDIATE));
        assertThat(SuppliedIndexes.names(second.extraSystemRoots(), CertificateOrigin.ANCHOR_SOURCE))
                .isSameAs(SuppliedIndexes.names(first.extraSystemRoots(), CertificateOrigin.ANCHOR_SOURCE));
        // another configuration has its own index, with what it adds
        SecTrust more = t.withIntermediates(TestRequests.certs(ica));
        EvaluationRequest third = SecTrustAccess.request(more, chain);
        NameIndex moreIndex = SuppliedIndexes.names(third.cachedIntermediates(), CertificateOrigin.CACHED_INTERMEDIATE);
        assertThat(moreIndex)
                .isNotSameAs(SuppliedIndexes.names(first.cachedIntermediates(), CertificateOrigin.CACHED_INTERMEDIATE));
        assertThat(moreIndex.contains(TestRequests.cert(ica))).isTrue();
        assertThat(moreIndex.size()).isEqualTo(ROOTS);
    }

    @Test
    void manyProfileRoots_anchorAsOne(TestPki pki) {
        List<Certificate> roots = new java.util.ArrayList<>(otherRoots);
        roots.add(ROOTS / 2, TestRequests.cert(root));
        SecTrust many = withProfileRoots(base(pki), roots, FullTrust.ON);
        SecTrust one = withProfileRoots(base(pki), TestRequests.certs(root), FullTrust.ON);
        List<Certificate> chain = TestRequests.certs(leaf, ica);

        TrustReport first = many.evaluate(chain);

        assertThat(first.trusted()).as(first.explain()).isTrue();
        assertThat(first.path().get(2).anchorSource()).contains(AnchorSource.PROFILE);
        assertThat(many.evaluate(chain).toJson()).isEqualTo(first.toJson());
        assertThat(first.toJson()).isEqualTo(one.evaluate(chain).toJson());
    }

    @Test
    void manyProfileRootsWithoutFullTrust_failAsOne(TestPki pki) {
        List<Certificate> roots = new java.util.ArrayList<>(otherRoots);
        roots.add(TestRequests.cert(root));
        SecTrust many = withProfileRoots(base(pki), roots, FullTrust.OFF);
        SecTrust one = withProfileRoots(base(pki), TestRequests.certs(root), FullTrust.OFF);
        List<Certificate> chain = TestRequests.certs(leaf, ica);

        TrustReport r = many.evaluate(chain);

        assertThat(r.trusted()).isFalse();
        assertThat(r.toJson()).isEqualTo(one.evaluate(chain).toJson());
    }

    @Test
    void manyAppAnchorsAndIntermediates_findTheirCertificates(TestPki pki) {
        List<Certificate> anchors = new java.util.ArrayList<>(otherRoots);
        anchors.add(TestRequests.cert(root));
        List<Certificate> intermediates = new java.util.ArrayList<>(otherRoots);
        intermediates.add(0, TestRequests.cert(ica));
        SecTrust t = base(pki).withAnchors(anchors).withIntermediates(intermediates);

        TrustReport r = t.evaluate(TestRequests.certs(leaf));

        assertThat(r.trusted()).as(r.explain()).isTrue();
        assertThat(r.path()).hasSize(3);
        assertThat(t.evaluate(TestRequests.certs(leaf)).toJson()).isEqualTo(r.toJson());
    }
}
