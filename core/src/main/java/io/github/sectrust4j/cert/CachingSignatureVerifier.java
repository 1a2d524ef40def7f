package io.github.sectrust4j.cert;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.nio.ByteBuffer;

/**
 * A bounded, thread-safe cache of signature verdicts keyed by (issuer SPKI SHA-256, certificate
 * SHA-256), in front of another verifier. Share one instance across evaluations; pass a fresh
 * {@link VerificationBudget} per evaluation.
 */
public final class CachingSignatureVerifier implements SignatureVerifier {
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final SignatureVerifier delegate;
    private final Cache<ByteBuffer, Boolean> verdicts;

    public CachingSignatureVerifier(SignatureVerifier delegate, int maxEntries) {
        this.delegate = delegate;
        this.verdicts = CacheBuilder.newBuilder().maximumSize(maxEntries).build();
    }

    /** Bouncy Castle verifier with a 10,000-entry verdict cache. */
    public static CachingSignatureVerifier withDefaults() {
        return new CachingSignatureVerifier(SignatureVerifier.bouncyCastle(), DEFAULT_MAX_ENTRIES);
    }

    private static ByteBuffer key(Certificate child, PublicKeyInfo issuerKey) {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.put(issuerKey.spkiSha256Internal()).put(child.sha256Internal()).flip();
        return b;
    }

    @Override
    public boolean verifies(Certificate child, PublicKeyInfo issuerKey) {
        ByteBuffer k = key(child, issuerKey);
        Boolean cached = verdicts.getIfPresent(k);
        if (cached != null) {
            return cached;
        }
        boolean v = delegate.verifies(child, issuerKey);
        verdicts.put(k, v);
        return v;
    }

    /**
     * Budgeted check. A cached verdict costs one unit only if the budget
     * {@linkplain VerificationBudget#chargesCacheHits() charges cache hits}; a miss always costs one.
     */
    @Override
    public SignatureVerdict verify(Certificate child, PublicKeyInfo issuerKey, VerificationBudget budget) {
        ByteBuffer k = key(child, issuerKey);
        Boolean cached = verdicts.getIfPresent(k);
        if (cached != null) {
            if (budget.chargesCacheHits() && !budget.tryConsume()) {
                return SignatureVerdict.BUDGET_EXHAUSTED;
            }
            return cached ? SignatureVerdict.VALID : SignatureVerdict.INVALID;
        }
        if (!budget.tryConsume()) {
            return SignatureVerdict.BUDGET_EXHAUSTED;
        }
        budget.recordCryptoVerification();
        boolean v = delegate.verifies(child, issuerKey);
        verdicts.put(k, v);
        return v ? SignatureVerdict.VALID : SignatureVerdict.INVALID;
    }

    /** Approximate number of cached verdicts. */
    public long cachedVerdicts() {
        return verdicts.size();
    }
}
