package io.github.sectrust4j;

/**
 * Apple's error subtypes used by {@code SecTrustEvaluateWithError} to pick the single reported
 * error: lower rank is reported first (spec §12.3).
 */
public enum ErrorSubtype {
    BLOCKED(0),
    REVOKED(1),
    KEY_SIZE(2),
    WEAK_HASH(3),
    DENIED(4),
    COMPLIANCE(5),
    PINNING(6),
    TRUST(7),
    USAGE(8),
    NAME(9),
    EXPIRED(10),
    INVALID(11);

    private final int rank;

    ErrorSubtype(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
