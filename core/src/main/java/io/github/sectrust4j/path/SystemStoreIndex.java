package io.github.sectrust4j.path;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.NormalizedName;
import io.github.sectrust4j.cert.Oids;
import io.github.sectrust4j.truststores.AnchorGroup;
import io.github.sectrust4j.truststores.AnchorRecord;
import io.github.sectrust4j.truststores.AppleTrustStore;
import io.github.sectrust4j.truststores.HardCodedTrust;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * The synthetic certificates ({@link Certificate#fromAnchorFacts}) of one Apple trust store, indexed
 * once per store and cached (bounded, weak keys): the system anchors usable by each policy (§11.3),
 * Apple's hard-coded roots (§1.3), and the whole roots group (for "system-trusted", §0). Each
 * certificate is built when a lookup first reaches it ({@link StoreAnchorIndex}), not with the index.
 * Immutable; thread-safe.
 */
final class SystemStoreIndex {
    private static final Cache<AppleTrustStore, SystemStoreIndex> CACHE =
            CacheBuilder.newBuilder().weakKeys().maximumSize(64).build();

    private final StoreAnchorIndex sslAnchors;
    private final StoreAnchorIndex basicAnchors;
    private final StoreAnchorIndex appleRoots;
    private final StoreAnchorIndex rootsGroup;
    private final List<Anchor> all;

    /**
     * One record of the roots group: its fingerprint and normalized subject (read from the record), and
     * its synthetic certificate, built on first use and kept (empty: the record cannot be encoded, so it
     * never anchors). Thread-safe: two threads may both build it; either result is the same.
     */
    static final class Anchor {
        private final AnchorRecord record;
        private final ByteBuffer sha256;
        private final Optional<NormalizedName> normalizedSubject;
        private volatile Optional<Certificate> certificate;

        Anchor(AnchorRecord record) {
            this.record = record;
            this.sha256 = ByteBuffer.wrap(record.sha256());
            this.normalizedSubject = NormalizedName.ofName(record.subject());
        }

        ByteBuffer sha256() {
            return sha256.duplicate();
        }

        Optional<NormalizedName> normalizedSubject() {
            return normalizedSubject;
        }

        Optional<Certificate> certificate() {
            Optional<Certificate> c = certificate;
            if (c == null) {
                try {
                    c = Optional.of(Certificate.fromAnchorFacts(record));
                } catch (CertificateInputException e) {
                    c = Optional.empty(); // a record that cannot be encoded never anchors (counted by skipped())
                }
                certificate = c;
            }
            return c;
        }
    }

    SystemStoreIndex(AppleTrustStore store) { // package-private: tests build a fresh, uncached index
        List<Anchor> ssl = new ArrayList<>();
        List<Anchor> basic = new ArrayList<>();
        List<Anchor> apple = new ArrayList<>();
        List<Anchor> roots = new ArrayList<>();
        for (AnchorRecord r : store.members(AnchorGroup.ROOTS)) {
            Anchor a = new Anchor(r);
            roots.add(a);
            byte[] sha = r.sha256();
            if (HardCodedTrust.isAppleRoot(sha)) {
                apple.add(a);
            }
            if (store.isTrustedForSsl(sha)) {
                ssl.add(a);
            }
            List<String> oids = store.constraints(AnchorGroup.ROOTS, sha);
            boolean refused =
                    store.isBlockedKey(r.subjectPublicKeySha1()) || store.isGrayListedKey(r.subjectPublicKeySha1());
            if (!refused && (oids.isEmpty() || oids.contains(Oids.APPLE_POLICY_BASIC))) {
                basic.add(a);
            }
        }
        this.sslAnchors = new StoreAnchorIndex(ssl);
        this.basicAnchors = new StoreAnchorIndex(basic);
        this.appleRoots = new StoreAnchorIndex(apple);
        this.rootsGroup = new StoreAnchorIndex(roots);
        this.all = List.copyOf(roots);
    }

    /**
     * The index asked for last: nearly every evaluation in a process uses one store, found here without
     * the cache's bookkeeping (only this one store is held strongly, outside the weak-keyed cache).
     */
    private record Last(AppleTrustStore store, SystemStoreIndex index) {}

    private static volatile Last last;

    static SystemStoreIndex of(AppleTrustStore store) {
        Last l = last;
        if (l != null && l.store() == store) {
            return l.index();
        }
        try {
            SystemStoreIndex index = CACHE.get(store, () -> new SystemStoreIndex(store));
            last = new Last(store, index);
            return index;
        } catch (ExecutionException | UncheckedExecutionException e) {
            throw new IllegalStateException("cannot index trust store " + store.version() + ": " + e.getCause(), e);
        }
    }

    /** The system anchors for the policy (§11.3: SSL uses {@code isTrustedForSsl}). */
    AnchorIndex anchors(Policy policy) {
        return policy == Policy.SSL_SERVER ? sslAnchors : basicAnchors;
    }

    /** Apple's hard-coded roots present in this store (§1.3). */
    AnchorIndex appleRoots() {
        return appleRoots;
    }

    /** The whole roots group (the "OS trust store root set" of §0). */
    AnchorIndex rootsGroup() {
        return rootsGroup;
    }

    /** How many certificates have been built so far (tests: lookups build only what they reach). */
    int built() {
        return (int) all.stream().filter(a -> a.certificate != null).count();
    }

    /** Records that could not be turned into certificates (builds every one: tests and diagnostics). */
    int skipped() {
        return (int) all.stream().filter(a -> a.certificate().isEmpty()).count();
    }
}
