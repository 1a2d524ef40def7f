package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.cert.Certificate;
import java.util.List;

/**
 * Test-scope door to the batch command's request mapper ({@link BatchRequestParser}, package-private),
 * so other suites (the scenario catalogue in {@code conformance}) build their {@link SecTrust} exactly
 * as {@code batch} does instead of keeping a second mapping.
 */
public final class BatchRequests {
    private BatchRequests() {}

    /** One request mapped as {@code batch} maps it. */
    public record Mapped(SecTrust trust, List<Certificate> chain) {}

    /**
     * Maps one BATCH-CONTRACT request object.
     *
     * @throws RuntimeException the command's input error (a message naming the field) for a bad request
     */
    public static Mapped map(JsonNode request) {
        BatchRequest r = new BatchRequestParser().parse(request);
        return new Mapped(r.trust(), r.chain());
    }
}
