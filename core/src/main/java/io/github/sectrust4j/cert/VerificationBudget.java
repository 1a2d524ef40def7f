package io.github.sectrust4j.cert;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-evaluation limit on signature checks (the path builder's guard against pathological
 * inputs). One instance per evaluation; thread-safe.
 *
 * <p>Every check consumes one unit, whether or not its verdict came from a cache: this keeps an
 * evaluation's outcome independent of what other evaluations left in a shared cache
 * (determinism). {@link #cryptoVerifications()} separately counts the checks that actually ran
 * the cryptography.
 */
public final class VerificationBudget {
    private final int limit;
    private final AtomicInteger used = new AtomicInteger();
    private final AtomicInteger crypto = new AtomicInteger();

    public VerificationBudget(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0: " + limit);
        }
        this.limit = limit;
    }

    public static VerificationBudget unlimited() {
        return new VerificationBudget(Integer.MAX_VALUE);
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
        return "VerificationBudget[used=" + used.get() + "/" + limit + ", crypto=" + crypto.get() + "]";
    }
}
