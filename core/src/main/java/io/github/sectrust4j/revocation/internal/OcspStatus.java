package io.github.sectrust4j.revocation.internal;

/** The certificate status carried by an OCSP SingleResponse (RFC 6960 §4.2.1). */
public enum OcspStatus {
    GOOD,
    /** Revoked; the response carries a revocation time and optionally a CRL reason code. */
    REVOKED,
    /** The responder does not know the certificate; iOS ignores it (soft fail, §9.4). */
    UNKNOWN
}
