package io.github.sectrust4j.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A documented disagreement between x509-limbo (RFC 5280 / CA/B Forum expectations) and iOS, as the
 * behaviour spec describes iOS. Read from {@code limbo-divergences.json} beside this class.
 *
 * <p>An entry is only admissible when the library and iOS agree ({@code library == ios}) and a spec
 * section says why iOS decides differently from limbo; a case where the library disagrees with both
 * limbo and the spec is a bug to fix, never an entry here.
 *
 * @param id       limbo case id
 * @param limbo    limbo's expectation (true = SUCCESS)
 * @param library  the library's documented outcome (true = trusted)
 * @param ios      what iOS decides per the spec (true = trusted); must equal {@code library}
 * @param section  spec section(s) that make iOS decide so, e.g. "§2.3 item 6"
 * @param reason   the argument, in words
 * @param evidence failure codes the library must record (Apple check names, or {@value #INPUT_REJECTED}
 *                 when a certificate cannot be parsed, which iOS reports as an evaluation error, §12.1)
 */
record LimboDivergence(
        String id, boolean limbo, boolean library, boolean ios, String section, String reason, List<String> evidence) {
    static final String INPUT_REJECTED = "input-rejected";
    static final String RESOURCE = "limbo-divergences.json";
    private static final Pattern SECTION = Pattern.compile("§\\d+(\\.\\d+)?");

    LimboDivergence {
        requireNonNull(id, "id");
        requireNonNull(section, "section");
        requireNonNull(reason, "reason");
        evidence = List.copyOf(evidence);
        if (library != ios) {
            throw new IllegalArgumentException(
                    id + ": the library disagrees with the spec; that is a bug to fix, " + "not a divergence to list");
        }
        if (library == limbo) {
            throw new IllegalArgumentException(id + ": library and limbo agree; no divergence to list");
        }
        if (!SECTION.matcher(section).find()) {
            throw new IllegalArgumentException(
                    id + ": a divergence needs the spec section that justifies it, got '" + section + "'");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException(id + ": reason missing");
        }
        if (!library && evidence.isEmpty()) {
            throw new IllegalArgumentException(id + ": an untrusted outcome needs its finding code(s) as evidence");
        }
        for (String code : evidence) {
            if (!code.equals(INPUT_REJECTED) && FindingCode.fromCode(code).isEmpty()) {
                throw new IllegalArgumentException(id + ": unknown finding code '" + code + "'");
            }
        }
    }

    /** Every listed divergence by case id, in file order. */
    static Map<String, LimboDivergence> loadAll() {
        try (InputStream in = LimboDivergence.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, LimboDivergence> out = new LinkedHashMap<>();
            for (JsonNode n : root.get("divergences")) {
                List<String> evidence = new ArrayList<>();
                n.get("evidence").forEach(e -> evidence.add(e.asText()));
                LimboDivergence d = new LimboDivergence(
                        n.get("id").asText(),
                        outcome(n, "limbo"),
                        outcome(n, "library"),
                        outcome(n, "ios"),
                        n.get("section").asText(),
                        n.get("reason").asText(),
                        evidence);
                if (out.put(d.id(), d) != null) {
                    throw new IllegalStateException("duplicate divergence entry " + d.id());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean outcome(JsonNode n, String field) {
        String v = n.get(field).asText();
        switch (v) {
            case "SUCCESS":
                return true;
            case "FAILURE":
                return false;
            default:
                throw new IllegalArgumentException(
                        n.get("id").asText() + ": " + field + " must be SUCCESS or FAILURE, got " + v);
        }
    }

    static String label(boolean success) {
        return success ? "SUCCESS" : "FAILURE";
    }
}
