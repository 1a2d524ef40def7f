package io.github.sectrust4j.revocation.internal;

/**
 * What became of one OCSP response for one chain position (spec §9.4 "Response acceptance").
 * Everything except {@link #ACCEPTED} means iOS ignores the response (soft fail); the verdict is
 * kept as evidence.
 */
public enum OcspVerdict {
    /** Signature, signer, CertID and dates are acceptable; the status is usable (unless UNKNOWN). */
    ACCEPTED,
    /** Not a parseable OCSPResponse / BasicOCSPResponse. */
    MALFORMED,
    /** responseStatus other than successful (0), or no response bytes. */
    UNSUCCESSFUL_STATUS,
    /** No SingleResponse whose CertID matches this certificate and issuer. */
    WRONG_CERT_ID,
    /** The signer is neither the issuer nor a valid delegated responder of the issuer. */
    UNAUTHORIZED_SIGNER,
    /** The response signature does not verify with the signer's key. */
    BAD_SIGNATURE,
    /** producedAt (or, for a good status, thisUpdate) is more than 4500 s after the current clock. */
    NOT_YET_VALID,
    /** A good status whose effective nextUpdate is more than 4500 s before the current clock. */
    STALE,
    /** Not fresher (thisUpdate not later) than a response already held for this position. */
    NOT_FRESHER,
    /** A network fetch gave no response (failure, timeout, empty body): soft fail. */
    NO_RESPONSE
}
