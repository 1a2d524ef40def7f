package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.cert.Certificate;
import java.util.List;

/**
 * One parsed batch line: the {@code id} to echo (any JSON value, {@code null} when absent), the
 * configured evaluation and the presented chain (leaf first).
 */
record BatchRequest(JsonNode id, SecTrust trust, List<Certificate> chain) {
    BatchRequest {
        chain = List.copyOf(chain);
    }
}
