package io.github.sectrust4j.cert;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-evaluation limit on signature checks (the path builder's guard against pathological
 * inputs). One instance per evaluation; thread-safe. Two modes:
 * <ul>
 * <li>{@link #ofChecks(int)} (also {@code new VerificationBudget(limit)}): every check consumes one
 * unit, whether or not its verdict came from a cache. An evaluation's outcome then cannot depend
 * on what other evaluations left in a shared cache — deterministic; the recommended mode.</li>
 * <li>{@link #ofCryptoVerifications(int)}: only cache misses (real cryptography) consume units;
 * cached verdicts are free even when the budget is spent. Cheaper, but a budget-bound evaluation
 * may then succeed or fail depending on cache warmth.</li>
 * </ul>
 * {@link #cryptoVerifications()} always counts the checks that actually ran the cryptography.
 */
public final class VerificationBudget {
    private final int limit;
    private final boolean chargesCacheHits;
    private final AtomicInteger used = new AtomicInteger();
    private final AtomicInteger crypto = new AtomicInteger();

    /** Same as {@link #ofChecks(int)}. */
    public VerificationBudget(int limit) {
        this(limit, true);
    }

    private VerificationBudget(int limit, boolean chargesCacheHits) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
        this.limit = limit;
        this.chargesCacheHits = chargesCacheHits;
    }

    /** Every check (cached or not) costs one unit — deterministic. */
    public static VerificationBudget ofChecks(int limit) {
        return new VerificationBudget(limit, true);
    }

    /** Only real verifications (cache misses) cost a unit. */
    public static VerificationBudget ofCryptoVerifications(int limit) {
        return new VerificationBudget(limit, false);
    }

    public static VerificationBudget unlimited() {
        return new VerificationBudget(Integer.MAX_VALUE, true);
    }

    /** True if cached verdicts are charged too (the deterministic mode). */
    public boolean chargesCacheHits() {
        return chargesCacheHits;
    }

    /** Takes one unit; false (and nothing taken) if the budget is exhausted. */
    public boolean tryConsume() {
        while (true) {
            int u = used.get();
            if (u >= limit) {
                return false;
            }
            if (used.compareAndSet(u, u + 1)) {
                return true;
            }
        }
    }

    void recordCryptoVerification() {
        crypto.incrementAndGet();
    }

    public int limit() {
        return limit;
    }

    /** Checks charged so far (cached or not). */
    public int used() {
        return used.get();
    }

    public int remaining() {
        return limit - used.get();
    }

    public boolean isExhausted() {
        return used.get() >= limit;
    }

    /** Checks that actually ran signature cryptography (cache misses). */
    public int cryptoVerifications() {
        return crypto.get();
    }

    @Override
    public String toString() {
        return "VerificationBudget[used=" + used.get() + "/" + limit + ", crypto=" + crypto.get()
                + (chargesCacheHits ? "" : ", cache hits free") + "]";
    }
}
