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
 * never changes an answer.
 */
public final class VerdictCache {
    private final Cache<ByteBuffer, Boolean> verdicts;

    public VerdictCache(int maxEntries) {
        this.verdicts = CacheBuilder.newBuilder().maximumSize(maxEntries).build();
    }

    /** The cached verdict for {@code key}, or null. */
    public Boolean get(ByteBuffer key) {
        return verdicts.getIfPresent(key);
    }

    public void put(ByteBuffer key, boolean valid) {
        verdicts.put(key, valid);
    }

    /** The cached verdict for {@code key}, else {@code verify}'s answer, remembered. */
    public boolean computeIfAbsent(ByteBuffer key, BooleanSupplier verify) {
        Boolean cached = verdicts.getIfPresent(key);
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
