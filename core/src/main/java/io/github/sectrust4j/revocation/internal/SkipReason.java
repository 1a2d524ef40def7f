package io.github.sectrust4j.revocation.internal;

/** Why a chain position is not revocation-checked at all (spec §9.1, §9.2 step 1). */
public enum SkipReason {
    /** The top certificate of a path has no issuer in the path. */
    TOP_OF_PATH,
    /** Self-signed certificates are never checked. */
    SELF_SIGNED,
    /** The certificate carries id-pkix-ocsp-nocheck (1.3.6.1.5.5.7.48.1.5); OCSP only (§9.1). */
    OCSP_NO_CHECK,
    /** Apple's own roots and Apple code-signing issuers never get Valid information (§9.2 step 6). */
    APPLE_ANCHOR
}
