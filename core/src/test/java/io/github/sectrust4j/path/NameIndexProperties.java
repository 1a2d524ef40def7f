package io.github.sectrust4j.path;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.truststores.AnchorGroup;
import io.github.sectrust4j.truststores.AnchorRecord;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A name index (small ones scan, large ones hash) answers exactly like the model: the distinct
 * certificates in insertion order, parents = those whose normalized subject is the child's
 * normalized issuer, in that order.
 */
class NameIndexProperties {
    /** A store's roots, with every certificate whose subject another one shares placed first (more parent matches). */
    static final List<Certificate> POOL = pool();

    private static List<Certificate> pool() {
        List<Certificate> out = new ArrayList<>();
        for (AnchorRecord r : AppleTrustStores.forIos("17.4").members(AnchorGroup.ROOTS)) {
            try {
                out.add(Certificate.fromAnchorFacts(r));
            } catch (CertificateInputException e) {
                // skipped like the store index does
            }
        }
        List<Certificate> shared = out.stream()
                .filter(c -> out.stream()
                                .filter(o -> o.normalizedSubject().isPresent()
                                        && o.normalizedSubject().equals(c.normalizedSubject()))
                                .count()
                        > 1)
                .toList();
        List<Certificate> pool = new ArrayList<>(shared);
        pool.addAll(out.subList(0, Math.min(30, out.size())));
        return List.copyOf(pool);
    }

    @Provide
    Arbitrary<List<Certificate>> certificates() {
        return Arbitraries.of(POOL).list().ofMinSize(0).ofMaxSize(20);
    }

    @Property(tries = 300)
    void indexAnswersLikeTheModel(@ForAll("certificates") List<Certificate> certs) {
        Statistics.collect(
                certs.isEmpty()
                        ? "empty"
                        : new java.util.HashSet<>(certs).size() < certs.size() ? "with duplicates" : "distinct");
        Statistics.coverage(c -> {
            c.check("with duplicates").count(n -> n > 0);
            c.check("distinct").count(n -> n > 0);
        });
        NameIndex index = NameIndex.of(certs, CertificateOrigin.PRESENTED);
        Set<Certificate> model = new LinkedHashSet<>(certs);

        assertThat(index.all()).containsExactlyElementsOf(model);
        assertThat(index.origin()).isEqualTo(CertificateOrigin.PRESENTED);
        for (Certificate probe : POOL) {
            assertThat(index.contains(probe)).isEqualTo(model.contains(probe));
            List<Certificate> expected = probe.normalizedIssuer().isEmpty()
                    ? List.of()
                    : model.stream()
                            .filter(c -> c.normalizedSubject().equals(probe.normalizedIssuer()))
                            .toList();
            assertThat(index.parentsOf(probe)).containsExactlyElementsOf(expected);
        }
    }
}
