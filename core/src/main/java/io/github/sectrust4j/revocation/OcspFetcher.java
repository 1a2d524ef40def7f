package io.github.sectrust4j.revocation;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * Network OCSP as an opt-in service provider interface (spec §9.4). The library ships no network
 * code: {@link #NONE} (the default) is never asked anything. A caller who wants online checks
 * supplies an implementation (GET or POST as it likes; iOS uses GET below 256 characters).
 */
@FunctionalInterface
public interface OcspFetcher {
    /** The default: no network. */
    OcspFetcher NONE = new OcspFetcher() {
        @Override
        public Optional<byte[]> fetch(URI responder, byte[] requestDer) {
            return Optional.empty();
        }

        @Override
        public boolean networkAvailable() {
            return false;
        }

        @Override
        public String toString() {
            return "OcspFetcher.NONE";
        }
    };

    /**
     * Sends one OCSP request.
     *
     * @param responder  the http: responder URL from the certificate's AIA
     * @param requestDer a DER OCSPRequest
     * @return the DER response body, or empty if there was none (timeout, HTTP error)
     * @throws IOException on network failure (treated like an empty answer: soft fail)
     */
    Optional<byte[]> fetch(URI responder, byte[] requestDer) throws IOException;

    /** False only for {@link #NONE}: whether this evaluation has network access at all (§9.5). */
    default boolean networkAvailable() {
        return true;
    }
}
