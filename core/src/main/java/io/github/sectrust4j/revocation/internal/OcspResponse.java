package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;

/**
 * One OCSP response parsed once, to be checked for any number of chain positions with
 * {@link OcspResponseValidator#check(OcspTarget, OcspResponse, java.time.Instant)}: a stapled response
 * is offered to every position of every candidate path (§9.4), and parsing it each time is waste.
 * Checking the parsed form gives exactly the check of the raw DER. Immutable; any bytes parse (garbage
 * is remembered as {@link OcspVerdict#MALFORMED}, a non-successful responseStatus as
 * {@link OcspVerdict#UNSUCCESSFUL_STATUS}).
 */
public final class OcspResponse {
    // exactly one of the two is present
    private final Optional<BasicOCSPResp> basic;
    private final Optional<OcspResponseCheck> ignored;

    private OcspResponse(Optional<BasicOCSPResp> basic, Optional<OcspResponseCheck> ignored) {
        this.basic = basic;
        this.ignored = ignored;
    }

    /** Parses a DER OCSPResponse; never throws for bad bytes. */
    public static OcspResponse parse(byte[] responseDer) {
        requireNonNull(responseDer, "responseDer");
        try {
            OCSPResp resp = new OCSPResp(responseDer.clone());
            Object object = resp.getStatus() == OCSPResp.SUCCESSFUL ? resp.getResponseObject() : null;
            if (object instanceof BasicOCSPResp) {
                return new OcspResponse(Optional.of((BasicOCSPResp) object), Optional.empty());
            }
            return new OcspResponse(
                    Optional.empty(),
                    Optional.of(OcspResponseCheck.ignored(
                            OcspVerdict.UNSUCCESSFUL_STATUS,
                            "responseStatus is not successful (or carries no basic response)")));
        } catch (RuntimeException | java.io.IOException | org.bouncycastle.cert.ocsp.OCSPException e) {
            // BC throws a mix of checked and unchecked exceptions on malformed ASN.1.
            return new OcspResponse(Optional.empty(), Optional.of(OcspResponseValidator.malformed(e)));
        }
    }

    /** The successful basic response, if the response is one. */
    Optional<BasicOCSPResp> basic() {
        return basic;
    }

    /** The check for every target when the response is malformed or not successful. */
    Optional<OcspResponseCheck> ignoredForEveryTarget() {
        return ignored;
    }

    @Override
    public String toString() {
        return ignored.map(c -> "OcspResponse[" + c.verdict() + "]").orElse("OcspResponse[successful]");
    }
}
