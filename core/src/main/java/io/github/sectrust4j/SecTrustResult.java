package io.github.sectrust4j;

/**
 * Apple's {@code SecTrustResultType} (spec §12.1), without the {@code kSecTrustResult} prefix.
 * {@code Confirm} (2) and {@code OtherError} (7) are never produced by the SSL evaluation and are
 * not modelled.
 */
public enum SecTrustResult {
    /** The evaluation could not run (bad input); never a policy outcome. */
    INVALID(0),
    /** Passed, and a user-trust-store certificate (profile or MDM root) was involved (§7.3). */
    PROCEED(1),
    /** A chain certificate carries a Deny trust setting and nothing Fatal happened. */
    DENY(3),
    /** Passed without user-store involvement. */
    UNSPECIFIED(4),
    /** At least one Recoverable failure, none Fatal or Deny. */
    RECOVERABLE_TRUST_FAILURE(5),
    /** At least one Fatal failure. */
    FATAL_TRUST_FAILURE(6);

    private final int value;

    SecTrustResult(int value) {
        this.value = value;
    }

    /** Apple's numeric value. */
    public int value() {
        return value;
    }

    /** {@code SecTrustEvaluateWithError} returns true iff the result is Proceed or Unspecified (§1.7). */
    public boolean isTrusted() {
        return this == PROCEED || this == UNSPECIFIED;
    }
}
