package io.github.sectrust4j.spi;

import java.net.URI;
import java.util.Optional;

/**
 * Fetches an issuer certificate from an AIA {@code id-ad-caIssuers} URL (§1.3), the way an iPhone
 * would when the server does not send an intermediate. Opt-in: the library never touches the
 * network unless the caller passes a fetcher <em>and</em> allows the network for the evaluation.
 *
 * <p>Implementations must be thread-safe and should honour iOS's limits themselves if they want
 * fidelity in timing (3 s per request); the evaluator applies the count limits (http: only, at most
 * 3 requests per certificate, none for a certificate with 10 or more URLs).
 */
@FunctionalInterface
public interface AiaFetcher {
    /**
     * Returns the body served at {@code url} (DER or PEM certificate, or a PKCS#7 bundle is not
     * supported by iOS and is ignored), or empty when it could not be fetched.
     */
    Optional<byte[]> fetch(URI url);
}
