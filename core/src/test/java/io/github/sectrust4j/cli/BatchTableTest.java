package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.conformance.ExampleFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code batch --format table} (README command 1): one row per request in input order, the verdict and
 * error the JSON line carries, the top failure and its fix, and a closing count that agrees with the
 * JSON lines of the same input.
 */
class BatchTableTest {
    static String requests;
    static List<JsonNode> json = new ArrayList<>();

    @BeforeAll
    static void runJson() throws IOException {
        requests = Files.readString(ExampleFiles.examples().resolve("requests.jsonl"), StandardCharsets.UTF_8);
        Cli.Run run = Cli.withStdin(requests, "batch");
        assertThat(run.status()).isZero();
        for (String line : run.outLines()) {
            json.add(BatchProcessor.MAPPER.readTree(line));
        }
        assertThat(json).hasSize((int) requests.lines().count());
    }

    @Test
    void everyExampleHasOneRow_inInputOrder_withItsVerdictAndError() {
        Cli.Run run = Cli.withStdin(requests, "batch", "--format", "table");
        assertThat(run.status()).isZero();
        List<String> rows = run.outLines().stream()
                .filter(l -> !l.startsWith(" ") && !l.isBlank())
                .toList();
        assertThat(rows.get(0)).startsWith("REQUEST").contains("VERDICT", "ERROR", "TOP FINDING");
        List<String> body = rows.subList(1, rows.size() - 1);
        assertThat(body).hasSize(json.size());
        for (int i = 0; i < json.size(); i++) {
            JsonNode r = json.get(i);
            String row = body.get(i);
            assertThat(row).startsWith(r.get("id").asText());
            assertThat(row).contains(r.get("trusted").asBoolean() ? "trusted" : "NOT TRUSTED");
            if (r.has("error")) {
                assertThat(row)
                        .contains(r.get("error").get("name").asText())
                        .contains(r.get("findings").get(0).get("code").asText());
            }
        }
    }

    @Test
    void untrustedRows_areFollowedByTheirFix() {
        Cli.Run run = Cli.withStdin(requests, "batch", "--format", "table");
        List<String> lines = run.outLines();
        JsonNode first = json.stream()
                .filter(r -> !r.get("trusted").asBoolean())
                .findFirst()
                .orElseThrow();
        int row = lines.indexOf(lines.stream()
                .filter(l -> l.startsWith(first.get("id").asText() + " "))
                .findFirst()
                .orElseThrow());
        String remedyStart = first.get("findings").get(0).get("remedy").asText().split(" ")[0];
        assertThat(lines.get(row + 1)).startsWith("  fix: " + remedyStart);
    }

    @Test
    void closingCount_agreesWithTheJsonLines() {
        long trusted = json.stream().filter(r -> r.get("trusted").asBoolean()).count();
        Cli.Run run = Cli.withStdin(requests, "batch", "--format", "table");
        assertThat(run.outLines().get(run.outLines().size() - 1))
                .startsWith(json.size() + " answers: " + trusted + " trusted, " + (json.size() - trusted)
                        + " not trusted, 0 input errors, 0 internal errors");
    }

    @Test
    void inputErrors_areRowsToo_andCounted() {
        Cli.Run run = Cli.withStdin(
                "{\"id\":\"broken\",\"chain\":[\"not base64!\"]}\nnot json\n", "batch", "--format", "table");
        assertThat(run.status()).isZero();
        assertThat(run.out())
                .contains("broken")
                .contains("INPUT ERROR")
                .contains("2 answers: 0 trusted, 0 not trusted, 2 input errors, 0 internal errors");
    }
}
