package io.github.sectrust4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.conformance.ExampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines that used to raise {@link OutOfMemoryError} in {@code batch} at a 64 MB heap — a stack trace,
 * exit 1 and every later line lost: a 2 MB line of 700,000 empty objects (each a tree node), an 8 MB
 * string value, and an exceptions property list whose 199,000 references to one dictionary were each
 * copied. Run in a child JVM at {@code -Xmx64m}: every line gets its own answer, the run goes on to a
 * good request and ends with status 0.
 */
class HostileLinesAtSmallHeapTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void hostileLines_getInputErrors_andTheRunGoesOn_at64MbHeap() throws Exception {
        String good = Files.readAllLines(ExampleFiles.examples().resolve("requests.jsonl"))
                .get(0);
        String leafPem = JSON.readTree(good).get("chain").get(0).asText();
        List<String> lines = new ArrayList<>();
        lines.add("{\"id\":\"objects\",\"x\":[" + "{},".repeat(700_000) + "{}]}");
        lines.add("{\"id\":\"string-8mb\",\"x\":\"" + "a".repeat(8 * 1024 * 1024) + "\"}");
        lines.add("{\"id\":\"string-3mb\",\"x\":\"" + "\u00e9".repeat(3 * 1024 * 1024) + "\"}");
        lines.add("{\"id\":\"deep\",\"x\":" + "[".repeat(500_000) + "}");
        lines.add(JSON.createObjectNode()
                .put("id", "plist-bomb")
                .put("exceptions", Base64.getEncoder().encodeToString(HostileInputs.sharedReferencesPlist(199_000, 0)))
                .set("chain", JSON.createArrayNode().add(leafPem))
                .toString());
        lines.add(good);

        SmallHeapBatch.Result run = SmallHeapBatch.run(dir, lines, Duration.ofMinutes(2));

        assertThat(run.err()).as("no stack trace, no message").isEmpty();
        assertThat(run.status()).isZero();
        assertThat(run.out()).hasSize(lines.size());
        List<JsonNode> answers = new ArrayList<>();
        for (String line : run.out()) {
            answers.add(JSON.readTree(line));
        }
        assertThat(answers.get(0).at("/error/input").asText())
                .contains("request too large")
                .contains("Token count");
        assertThat(answers.get(1).at("/error/input").asText()).contains("line longer than");
        assertThat(answers.get(2).at("/error/input").asText())
                .contains("request too large")
                .contains("String value");
        assertThat(answers.get(3).at("/error/input").asText())
                .contains("request too large")
                .contains("nesting depth");
        assertThat(answers.get(4).at("/error/input").asText())
                .startsWith("exceptions: ")
                .contains("more than 100000 values");
        assertThat(answers.subList(0, 5))
                .extracting(a -> a.get("id").asText())
                .containsExactly("objects", "string-8mb", "string-3mb", "deep", "plist-bomb");
        assertThat(answers.get(5).get("id").asText())
                .isEqualTo(JSON.readTree(good).get("id").asText());
        assertThat(answers.get(5).has("trusted")).as(run.out().get(5)).isTrue();
    }
}
