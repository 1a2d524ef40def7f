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
        Boolean cached = cached(child, issuerKey);
        if (cached != null) {
            return cached;
        }
        boolean v = delegate.verifies(child, issuerKey);
        remember(child, issuerKey, v);
        return v;
    }

    /**
     * The verdict on this certificate object (memoized on it by this cache), else on equal bytes
     * (the bounded cache, then memoized on the object); null if never verified.
     */
    private Boolean cached(Certificate child, PublicKeyInfo issuerKey) {
        // memoized per backend selection: a verdict of another backend is not this one's
        Boolean memo = child.memoizedVerdict(verdicts.owner(), issuerKey);
        if (memo != null) {
            return memo;
        }
        Boolean cached = verdicts.get(key(child, issuerKey));
        if (cached != null) {
            child.memoizeVerdict(verdicts.owner(), issuerKey, cached);
        }
        return cached;
    }

    private void remember(Certificate child, PublicKeyInfo issuerKey, boolean valid) {
        verdicts.put(key(child, issuerKey), valid);
        child.memoizeVerdict(verdicts.owner(), issuerKey, valid);
    }

    /**
     * Budgeted check. A cached verdict costs one unit only if the budget
     * {@linkplain VerificationBudget#chargesCacheHits() charges cache hits}; a miss always costs one.
     */
    @Override
    public SignatureVerdict verify(Certificate child, PublicKeyInfo issuerKey, VerificationBudget budget) {
        Boolean cached = cached(child, issuerKey);
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
        remember(child, issuerKey, v);
        return v ? SignatureVerdict.VALID : SignatureVerdict.INVALID;
    }

    /** Approximate number of cached verdicts. */
    public long cachedVerdicts() {
        return verdicts.size();
    }
}
