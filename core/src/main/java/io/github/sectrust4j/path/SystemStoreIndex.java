package io.github.sectrust4j.path;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.truststores.AnchorGroup;
import io.github.sectrust4j.truststores.AnchorRecord;
import io.github.sectrust4j.truststores.AppleTrustStore;
import io.github.sectrust4j.truststores.HardCodedTrust;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * The synthetic certificates ({@link Certificate#fromAnchorFacts}) of one Apple trust store, built
 * lazily once per store and cached (bounded, weak keys): the system anchors usable by each policy
 * (§11.3), Apple's hard-coded roots (§1.3), and the whole roots group (for "system-trusted", §0).
 * Immutable; thread-safe.
 */
final class SystemStoreIndex {
    /** Apple policy OID of basic X.509 (§11.4). */
    private static final String OID_BASIC = "1.2.840.113635.100.1.2";

    private static final Cache<AppleTrustStore, SystemStoreIndex> CACHE =
            CacheBuilder.newBuilder().weakKeys().maximumSize(64).build();

    private final NameIndex sslAnchors;
    private final NameIndex basicAnchors;
    private final NameIndex appleRoots;
    private final NameIndex rootsGroup;
    private final int skipped;

    private SystemStoreIndex(AppleTrustStore store) {
        List<Certificate> ssl = new ArrayList<>();
        List<Certificate> basic = new ArrayList<>();
        List<Certificate> apple = new ArrayList<>();
        List<Certificate> roots = new ArrayList<>();
        int bad = 0;
        for (AnchorRecord r : store.members(AnchorGroup.ROOTS)) {
            Certificate c;
            try {
                c = Certificate.fromAnchorFacts(r);
            } catch (CertificateInputException e) {
                bad++; // a record that cannot be encoded never anchors (counted for diagnostics)
                continue;
            }
            roots.add(c);
            byte[] sha = r.sha256();
            if (HardCodedTrust.isAppleRoot(sha)) {
                apple.add(c);
            }
            if (store.isTrustedForSsl(sha)) {
                ssl.add(c);
            }
            List<String> oids = store.constraints(AnchorGroup.ROOTS, sha);
            boolean refused = store.isBlockedKey(r.subjectPublicKeySha1()) || store.isGrayListedKey(r.subjectPublicKeySha1());
            if (!refused && (oids.isEmpty() || oids.contains(OID_BASIC))) {
                basic.add(c);
            }
        }
        this.sslAnchors = NameIndex.of(ssl, CertificateOrigin.ANCHOR_SOURCE);
        this.basicAnchors = NameIndex.of(basic, CertificateOrigin.ANCHOR_SOURCE);
        this.appleRoots = NameIndex.of(apple, CertificateOrigin.ANCHOR_SOURCE);
        this.rootsGroup = NameIndex.of(roots, CertificateOrigin.ANCHOR_SOURCE);
        this.skipped = bad;
    }

    /**
     * The index asked for last: nearly every evaluation in a process uses one store, found here without
     * the cache's bookkeeping (only this one store is held strongly, outside the weak-keyed cache).
     */
    private record Last(AppleTrustStore store, SystemStoreIndex index) {
    }

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
    NameIndex anchors(Policy policy) {
        return policy == Policy.SSL_SERVER ? sslAnchors : basicAnchors;
    }

    /** Apple's hard-coded roots present in this store (§1.3). */
    NameIndex appleRoots() {
        return appleRoots;
    }

    /** The whole roots group (the "OS trust store root set" of §0). */
    NameIndex rootsGroup() {
        return rootsGroup;
    }

    /** Records that could not be turned into certificates. */
    int skipped() {
        return skipped;
    }
}
