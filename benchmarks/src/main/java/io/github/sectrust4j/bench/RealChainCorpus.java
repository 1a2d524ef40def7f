package io.github.sectrust4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Real server chains with embedded SCTs: the x509-limbo {@code online::} cases (google.com, apple.com,
 * microsoft.com …) of {@code reference/conformance/x509-limbo/limbo.json}, each evaluated a week after
 * its validation time (as the core tests do: some cases validate before their SCTs were issued). Found
 * from {@code -Dsectrust4j.bench.limbo=/path/limbo.json}, else upwards from the working directory.
 */
public final class RealChainCorpus {
    /** The release whose trust store (2023071300) and CT log list match the cases' dates. */
    public static final String RELEASE = "17.0";

    static final String LIMBO = "reference/conformance/x509-limbo/limbo.json";

    /** One case: its id, host name, evaluation instant and the presented chain (leaf first) as DER. */
    public record Chain(String id, String host, Instant at, List<byte[]> der) {}

    private RealChainCorpus() {}

    /** Every online case of the limbo file. */
    public static List<Chain> load() {
        Path file = locate();
        try {
            JsonNode limbo = new ObjectMapper().readTree(file.toFile());
            List<Chain> out = new ArrayList<>();
            for (JsonNode tc : limbo.get("testcases")) {
                String id = tc.get("id").asText();
                if (!id.startsWith("online::")) {
                    continue;
                }
                List<byte[]> der = new ArrayList<>();
                der.add(der(tc.get("peer_certificate").asText()));
                tc.get("untrusted_intermediates").forEach(n -> der.add(der(n.asText())));
                out.add(new Chain(
                        id,
                        tc.get("expected_peer_name").get("value").asText(),
                        Instant.parse(tc.get("validation_time").asText()).plus(Duration.ofDays(7)),
                        List.copyOf(der)));
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("no online:: cases in " + file);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path locate() {
        String override = System.getProperty("sectrust4j.bench.limbo");
        if (override != null) {
            return Path.of(override);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(LIMBO);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(LIMBO + " not found above "
                + Path.of("").toAbsolutePath() + " (run from the checkout or pass -Dsectrust4j.bench.limbo=...)");
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
