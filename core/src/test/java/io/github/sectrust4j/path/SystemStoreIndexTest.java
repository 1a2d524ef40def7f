package io.github.sectrust4j.path;

import static io.github.sectrust4j.path.TestRequests.certs;
import static io.github.sectrust4j.path.TestRequests.chain;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Policy;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.truststores.AppleTrustStore;
import io.github.sectrust4j.truststores.AppleTrustStores;
import io.github.sectrust4j.truststores.HardCodedTrust;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The per-store synthetic anchor index (§1.3, §11.3) and concurrent evaluations sharing it. */
@ExtendWith(TestPkiExtension.class)
class SystemStoreIndexTest {

    @Test
    void indexIsBuiltOncePerStore_andHoldsTheSslAnchorsAndAppleRoots() {
        AppleTrustStore store = AppleTrustStores.latest();
        SystemStoreIndex index = SystemStoreIndex.of(store);

        assertThat(SystemStoreIndex.of(store)).isSameAs(index);
        assertThat(index.skipped()).isZero();
        assertThat(index.rootsGroup().all()).hasSameSizeAs(store.anchors());
        assertThat(index.anchors(Policy.SSL_SERVER).all())
                .allMatch(c -> store.isTrustedForSsl(c.sha256()))
                .hasSize((int) store.anchors().stream()
                        .filter(a -> store.isTrustedForSsl(a.sha256()))
                        .count());
        assertThat(index.appleRoots().all()).hasSize(3).allMatch(c -> HardCodedTrust.isAppleRoot(c.sha256()));
        assertThat(index.rootsGroup().all()).allMatch(Certificate::isSynthetic);
    }

    @Test
    void systemRootsAreFoundAsParentsByNormalizedIssuerName() {
        AppleTrustStore store = AppleTrustStores.latest();
        SystemStoreIndex index = SystemStoreIndex.of(store);
        for (Certificate root : index.anchors(Policy.SSL_SERVER).all()) {
            if (root.isSelfIssued()) {
                assertThat(index.anchors(Policy.SSL_SERVER).parentsOf(root)).contains(root);
            }
        }
    }

    @Test
    void everyStoresLazyIndex_answersAsAnIndexOfAllItsBuiltCertificates() {
        int lookups = 0;
        for (var info : AppleTrustStores.versions()) {
            AppleTrustStore store = AppleTrustStores.version(info.trustStoreVersion());
            SystemStoreIndex lazy = new SystemStoreIndex(store);
            List<Certificate> built = store.members(io.github.sectrust4j.truststores.AnchorGroup.ROOTS).stream()
                    .map(Certificate::fromAnchorFacts)
                    .toList();
            NameIndex eager = NameIndex.of(built, CertificateOrigin.ANCHOR_SOURCE);
            for (Certificate c : built) { // the record's own name key is the built certificate's
                assertThat(io.github.sectrust4j.cert.NormalizedName.ofName(
                                c.subject().der()))
                        .isEqualTo(c.normalizedSubject());
                assertThat(lazy.rootsGroup().parentsOf(c))
                        .as("store %s", info.trustStoreVersion())
                        .containsExactlyElementsOf(eager.parentsOf(c));
                assertThat(lazy.rootsGroup().contains(c)).isTrue();
                lookups++;
            }
            assertThat(lazy.rootsGroup().all()).containsExactlyElementsOf(eager.all());
        }
        assertThat(lookups).isGreaterThan(1000); // every store's roots were looked up
    }

    @Test
    void aLookupBuildsOnlyTheCertificatesItReaches(TestPki pki) {
        AppleTrustStore store = AppleTrustStores.latest();
        SystemStoreIndex index = new SystemStoreIndex(store);
        HeldCertificate root = pki.root("Not In Any Store").build();
        Certificate leaf = certs(pki.leaf("example.com", root).build()).get(0);

        assertThat(index.anchors(Policy.SSL_SERVER).parentsOf(leaf)).isEmpty();
        assertThat(index.rootsGroup().contains(leaf)).isFalse();
        assertThat(index.built()).isZero();

        Certificate storeRoot = index.appleRoots().all().get(0); // builds the 3 Apple roots
        assertThat(index.anchors(Policy.BASIC).parentsOf(storeRoot)).contains(storeRoot);
        assertThat(index.built()).isBetween(3, 3 + 2).isLessThan(store.anchors().size());
    }

    @Test
    void concurrentEvaluations_sharingTheStoreIndexAndVerdictCache_agree(TestPki pki) throws Exception {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ica = pki.intermediate("Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).build();
        TestRequests r = chain(leaf, ica).systemRoot(root);
        r.store = Optional.of(AppleTrustStores.latest());
        EvaluationRequest request = r.build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<BuildOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> PathBuilder.build(request, new SimpleValidator())));
            }
            for (Future<BuildOutcome> f : futures) {
                BuildOutcome o = f.get();
                assertThat(o.accepted()).isTrue();
                assertThat(o.bestPath().certificates()).containsExactlyElementsOf(certs(leaf, ica, root));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
