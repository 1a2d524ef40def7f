package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.ServerChain;
import java.util.List;

/**
 * One parsed batch line: the {@code id} to echo (any JSON value, {@code null} when absent), the
 * configured evaluation, the presented chain (leaf first), whether the response also carries the
 * exceptions a device would store for the chain ({@code copyExceptions}), and the chain entries iOS
 * cannot parse (§14.2 step 1: they make the verdict Invalid).
 */
record BatchRequest(JsonNode id, SecTrust trust, List<Certificate> chain, boolean copyExceptions,
                    List<ServerChain.Unparseable> unparseable) {
    BatchRequest {
        chain = List.copyOf(chain);
        unparseable = List.copyOf(unparseable);
    }

    BatchRequest(JsonNode id, SecTrust trust, List<Certificate> chain) {
        this(id, trust, chain, false, List.of());
    }

    /** The chain as sent: parsed certificates and the entries iOS refuses. */
    ServerChain serverChain() {
        return new ServerChain(chain, unparseable);
    }
}
