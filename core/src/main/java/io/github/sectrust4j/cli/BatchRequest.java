package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.cert.Certificate;
import java.util.List;

/**
 * One parsed batch line: the {@code id} to echo (any JSON value, {@code null} when absent), the
 * configured evaluation, the presented chain (leaf first), and whether the response also carries the
 * exceptions a device would store for the chain ({@code copyExceptions}).
 */
record BatchRequest(JsonNode id, SecTrust trust, List<Certificate> chain, boolean copyExceptions) {
    BatchRequest {
        chain = List.copyOf(chain);
    }

    BatchRequest(JsonNode id, SecTrust trust, List<Certificate> chain) {
        this(id, trust, chain, false);
    }
}
