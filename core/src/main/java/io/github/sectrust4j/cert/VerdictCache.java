package io.github.sectrust4j.cert;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;

/**
 * A bounded, thread-safe memo of signature verdicts keyed by digests of everything a verification
 * read (key, signed data, signature). The one verdict store of sectrust4j: certificate links
 * ({@link CachingSignatureVerifier}), SCTs (the ct package) and OCSP signatures ({@link VerifiedSignatures})
 * each keep one. A verdict is a pure function of its key's preimage, so sharing it across evaluations
 * never changes an answer. When another {@link SignatureBackend} is selected the cache starts afresh, so
 * every verdict in it was reached by the backend in use.
 */
public final class VerdictCache {
    private final Cache<ByteBuffer, Boolean> verdicts;
    /** The backend selection ({@link SignatureBackends#epoch()}) the verdicts were reached under. */
    private volatile Object epoch = SignatureBackends.epoch();
    /** This cache under the current selection: the owner of verdicts memoized elsewhere on its behalf. */
    private volatile Object owner = new Object();

    public VerdictCache(int maxEntries) {
        this.verdicts = CacheBuilder.newBuilder().maximumSize(maxEntries).build();
    }

    /**
     * This cache's identity under the current backend selection, a new one when the cache starts afresh:
     * the owner of verdicts memoized elsewhere (on certificates) on its behalf.
     */
    Object owner() {
        Object now = SignatureBackends.epoch();
        if (now != epoch) {
            synchronized (this) {
                if (now != epoch) {
                    verdicts.invalidateAll();
                    owner = new Object();
                    epoch = now;
                }
            }
        }
        return owner;
    }

    /** The cached verdict for {@code key}, or null. */
    public Boolean get(ByteBuffer key) {
        owner();
        return verdicts.getIfPresent(key);
    }

    public void put(ByteBuffer key, boolean valid) {
        verdicts.put(key, valid);
    }

    /** The cached verdict for {@code key}, else {@code verify}'s answer, remembered. */
    public boolean computeIfAbsent(ByteBuffer key, BooleanSupplier verify) {
        Boolean cached = get(key);
        if (cached != null) {
            return cached;
        }
        boolean v = verify.getAsBoolean();
        verdicts.put(key, v);
        return v;
    }

    /** Approximate number of cached verdicts. */
    public long size() {
        return verdicts.size();
    }

    /** Forgets every verdict (benchmarks measuring a cold evaluation). */
    public void clear() {
        verdicts.invalidateAll();
    }
}
