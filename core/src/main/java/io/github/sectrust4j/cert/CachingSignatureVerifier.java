package io.github.sectrust4j.cert;

import java.nio.ByteBuffer;

/**
 * A bounded, thread-safe cache of signature verdicts keyed by (issuer SPKI SHA-256, certificate
 * SHA-256), in front of another verifier (a {@link VerdictCache}); each verdict is also memoized on the certificate object
 * (per cache instance), so re-evaluating parsed certificates costs no key hashing. Share one instance across evaluations; pass a fresh
 * {@link VerificationBudget} per evaluation.
 */
public final class CachingSignatureVerifier implements SignatureVerifier {
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final SignatureVerifier delegate;
    private final VerdictCache verdicts;

    public CachingSignatureVerifier(SignatureVerifier delegate, int maxEntries) {
        this.delegate = delegate;
        this.verdicts = new VerdictCache(maxEntries);
    }

    /** The process's selected verifier ({@link SignatureBackends}) with a 10,000-entry verdict cache. */
    public static CachingSignatureVerifier withDefaults() {
        return new CachingSignatureVerifier(SignatureVerifier.using(SignatureBackends.selected()), DEFAULT_MAX_ENTRIES);
    }

    private static ByteBuffer key(Certificate child, PublicKeyInfo issuerKey) {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.put(issuerKey.spkiSha256Internal()).put(child.sha256Internal()).flip();
        return b;
    }

    @Override
    public boolean verifies(Certificate child, PublicKeyInfo issuerKey) {
        Object owner = verdicts.owner();
        Boolean memo = child.memoizedVerdict(owner, issuerKey);
        if (memo != null) {
            return memo;
        }
        ByteBuffer key = key(child, issuerKey);
        Boolean cached = cached(child, issuerKey, owner, key);
        if (cached != null) {
            return cached;
        }
        boolean v = delegate.verifies(child, issuerKey);
        remember(child, issuerKey, owner, key, v);
        return v;
    }

    /**
     * The verdict on equal bytes (the bounded cache under {@code key}, then memoized on the object), the object's own
     * memo having missed; null if never verified.
     */
    private Boolean cached(Certificate child, PublicKeyInfo issuerKey, Object owner, ByteBuffer key) {
        Boolean cached = verdicts.get(key);
        if (cached != null) {
            child.memoizeVerdict(owner, issuerKey, cached);
        }
        return cached;
    }

    private void remember(Certificate child, PublicKeyInfo issuerKey, Object owner, ByteBuffer key, boolean valid) {
        verdicts.put(key, valid);
        child.memoizeVerdict(owner, issuerKey, valid);
    }

    /**
     * Budgeted check. A cached verdict costs one unit only if the budget
     * {@linkplain VerificationBudget#chargesCacheHits() charges cache hits}; a miss always costs one.
     */
    @Override
    public SignatureVerdict verify(Certificate child, PublicKeyInfo issuerKey, VerificationBudget budget) {
        // memoized per backend selection: a verdict of another backend is not this one's; the key (two digests
        // copied into a new buffer) is made once for the lookup and the store
        Object owner = verdicts.owner();
        Boolean cached = child.memoizedVerdict(owner, issuerKey);
        ByteBuffer key = null;
        if (cached == null) {
            key = key(child, issuerKey);
            cached = cached(child, issuerKey, owner, key);
        }
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
        remember(child, issuerKey, owner, key, v);
        return v ? SignatureVerdict.VALID : SignatureVerdict.INVALID;
    }

    /** Approximate number of cached verdicts. */
    public long cachedVerdicts() {
        return verdicts.size();
    }
}
