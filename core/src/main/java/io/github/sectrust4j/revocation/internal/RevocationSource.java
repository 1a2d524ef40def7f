package io.github.sectrust4j.revocation.internal;

/** Where revocation information for a position came from (spec §9.1). CRLs are never used on iOS. */
public enum RevocationSource {
    OCSP,
    VALID
}
