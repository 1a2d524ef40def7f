package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.conformance.ExampleFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The batch contract is byte-compatible: every bundled example, once as written and once for the newest release
 * of every major iOS version, is answered with exactly the bytes recorded in {@code golden/examples-batch.sha256}
 * (one SHA-256 per response line). Refactoring must not move a byte of evidence, a message or a remedy; a
 * deliberate change regenerates the file and names the change in CHANGELOG:
 * {@code mvn -pl core -am test -Dtest=GoldenOutputTest -Dsurefire.failIfNoSpecifiedTests=false -Dsectrust4j.golden.update=true}.
 */
class GoldenOutputTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/examples-batch.sha256");
    static final List<String> RELEASES =
            List.of("9.3", "10.3", "11.4", "12.5", "13.7", "14.8", "15.8", "16.7", "17.7", "18.6", "26.1");

    @Test
    void batchOverTheExamplesInEveryMajorRelease_isByteIdenticalToTheRecord() throws IOException {
        StringBuilder requests = new StringBuilder();
        for (String line : Files.readAllLines(ExampleFiles.examples().resolve("requests.jsonl"))) {
            requests.append(line).append('\n');
            ObjectNode all = (ObjectNode) BatchProcessor.MAPPER.readTree(line);
            all.put("id", all.path("id").asText() + "-all");
            RELEASES.forEach(all.putArray("ios")::add);
            requests.append(BatchProcessor.MAPPER.writeValueAsString(all)).append('\n');
        }
        List<String> answers = Cli.withStdin(requests.toString(), "batch").outLines();
        List<String> digests = new ArrayList<>();
        for (String answer : answers) {
            JsonNode a = BatchProcessor.MAPPER.readTree(answer);
            digests.add(a.path("id").asText() + " " + a.path("ios").asText() + " " + sha256(answer));
        }
        if (Boolean.getBoolean("sectrust4j.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.write(GOLDEN, digests, StandardCharsets.UTF_8);
        }
        List<String> recorded = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);
        assertThat(answers).as("one answer per request line and release").hasSize(recorded.size());
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            if (!recorded.get(i).equals(digests.get(i))) {
                changed.add("line " + (i + 1) + " (" + recorded.get(i) + ") now: " + answers.get(i));
            }
        }
        assertThat(changed)
                .as("responses whose bytes changed (regenerate only for a deliberate, CHANGELOG-named change)")
                .isEmpty();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
