package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.revocation.OcspFetcher;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** Runs the network fetches an {@link OcspFetchTrigger.Decision} calls for, through an opt-in {@link OcspFetcher}. */
public final class OcspNetworkCheck {
    private OcspNetworkCheck() {}

    /**
     * Tries the decision's URLs in order until a decisive response arrives; every failure or
     * ignored response is kept as evidence. With {@link OcspFetcher#NONE} or a "no fetch" decision
     * the fetcher is never called and {@code position} is returned unchanged.
     *
     * @param now the evaluation's current clock (for freshness)
     */
    public static OcspPosition fetch(
            OcspPosition position, OcspFetchTrigger.Decision decision, OcspFetcher fetcher, Instant now) {
        requireNonNull(position, "position");
        requireNonNull(decision, "decision");
        requireNonNull(fetcher, "fetcher");
        requireNonNull(now, "now");
        if (!decision.fetch() || !fetcher.networkAvailable()) {
            return position;
        }
        byte[] request = OcspRequests.request(position.target());
        OcspPosition current = position;
        for (URI url : decision.attempts()) {
            Optional<byte[]> body;
            try {
                body = fetcher.fetch(url, request.clone());
            } catch (IOException | RuntimeException e) {
                // Soft fail (§9.4 Outcomes): a fetcher failure never aborts the evaluation.
                body = Optional.empty();
                current = current.consider(OcspResponseCheck.ignored(OcspVerdict.NO_RESPONSE, url + ": " + e));
                continue;
            }
            if (body.isEmpty()) {
                current = current.consider(OcspResponseCheck.ignored(OcspVerdict.NO_RESPONSE, url + ": no response"));
                continue;
            }
            current = current.consider(body.get(), now);
            if (current.held().isPresent()) {
                break;
            }
        }
        return current;
    }
}
