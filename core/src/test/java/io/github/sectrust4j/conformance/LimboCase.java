package io.github.sectrust4j.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One x509-limbo test case, as the suite states it (certificates kept as PEM text: parsing them is
 * part of what is tested).
 *
 * @param id                limbo's id, e.g. {@code rfc5280::nc::permitted-dns-match}
 * @param description       limbo's prose
 * @param expectSuccess     {@code expected_result == SUCCESS}
 * @param trustedCerts      {@code trusted_certs} (PEM): the anchors
 * @param intermediates     {@code untrusted_intermediates} (PEM)
 * @param peer              {@code peer_certificate} (PEM)
 * @param validationTime    {@code validation_time}; empty when limbo says "now"
 * @param peerNameKind      {@code DNS} or {@code IP}
 * @param peerName          the expected peer name
 * @param maxChainDepth     limbo's verifier option; iOS has none (§1.4)
 */
record LimboCase(
        String id,
        String description,
        boolean expectSuccess,
        List<String> trustedCerts,
        List<String> intermediates,
        String peer,
        Optional<Instant> validationTime,
        String peerNameKind,
        String peerName,
        OptionalInt maxChainDepth) {

    /**
     * The instant used when limbo gives none ("now" for limbo): the suite's generation date. Limbo's
     * synthetic certificates are valid from 1970 to 2969, so any instant after generation works; a
     * fixed one keeps the run deterministic.
     */
    static final Instant GENERATION_DATE = Instant.parse("2023-12-02T00:00:00Z");

    /** The evaluation instant: {@code validation_time}, or {@link #GENERATION_DATE} when null. */
    Instant evaluationTime() {
        return validationTime.orElse(GENERATION_DATE);
    }

    boolean online() {
        return id.startsWith("online::");
    }

    /** Every case of the suite, in file order. */
    static List<LimboCase> loadAll() {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(SharedData.limbo().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SharedData.limbo(), e);
        }
        List<LimboCase> cases = new ArrayList<>();
        for (JsonNode tc : root.get("testcases")) {
            cases.add(of(tc));
        }
        return List.copyOf(cases);
    }

    private static LimboCase of(JsonNode tc) {
        JsonNode time = tc.get("validation_time");
        JsonNode depth = tc.get("max_chain_depth");
        JsonNode name = tc.get("expected_peer_name");
        return new LimboCase(
                tc.get("id").asText(),
                tc.path("description").asText(""),
                "SUCCESS".equals(tc.get("expected_result").asText()),
                texts(tc.get("trusted_certs")),
                texts(tc.get("untrusted_intermediates")),
                tc.get("peer_certificate").asText(),
                time == null || time.isNull()
                        ? Optional.empty()
                        : Optional.of(OffsetDateTime.parse(time.asText()).toInstant()),
                name.get("kind").asText(),
                name.get("value").asText(),
                depth == null || depth.isNull() ? OptionalInt.empty() : OptionalInt.of(depth.asInt()));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return id;
    }
}
