package io.github.sectrust4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.conformance.ExampleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Random mutations of every bundled example request — of the JSON (fields of the wrong type, arrays
 * repeated thousands of times, strings of a megabyte, deep nesting, dropped fields) and of the line's
 * bytes (cut, characters replaced, inserted or removed) — fed through {@code batch} in a child JVM at
 * {@code -Xmx64m}: every line gets exactly one answer, in order, never an internal error, and the run
 * ends with status 0 well within the time bound (a hang detector, not a timing test).
 */
class MutatedExamplesAtSmallHeapProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LINES = 120;
    private static final List<String> KINDS = List.of(
            "bytes",
            "truncate",
            "repeat-array",
            "huge-string",
            "deep-nesting",
            "wrong-type",
            "many-values",
            "drop-field");
    private static final String NOISE = "{}[]\",:\\0aZ\u00e9\u0000 -";
    private final Path dir;

    MutatedExamplesAtSmallHeapProperties() throws IOException {
        dir = Files.createTempDirectory("sectrust4j-mutations");
    }

    @AfterProperty
    void cleanUp() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }

    @Property(tries = 3)
    void mutatedExamples_getOneAnswerPerLine_inOrder_at64MbHeap(@ForAll long seed) throws Exception {
        List<String> examples = Files.readAllLines(ExampleFiles.examples().resolve("requests.jsonl"));
        Random rnd = new Random(seed);
        List<String> lines = new ArrayList<>();
        List<Boolean> structural = new ArrayList<>();
        for (int n = 0; n < LINES; n++) {
            // every example at least once per try, then at random
            ObjectNode r =
                    (ObjectNode) JSON.readTree(examples.get(n < examples.size() ? n : rnd.nextInt(examples.size())));
            r.put("id", "m" + n);
            String kind = KINDS.get(rnd.nextInt(KINDS.size()));
            Statistics.collect(kind);
            if (kind.equals("bytes") || kind.equals("truncate")) {
                lines.add(mutateText(r.toString(), kind, rnd));
                structural.add(false);
            } else {
                mutateJson(r, kind, rnd);
                lines.add(r.toString());
                structural.add(true);
            }
        }

        SmallHeapBatch.Result run = SmallHeapBatch.run(dir, lines, Duration.ofMinutes(3));

        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        // one answer per line, except that a request whose "ios" is an array of n releases (a mutation can make
        // one) is answered with n lines, one per release, in order (batch contract, several releases)
        int at = 0;
        for (int i = 0; i < LINES; i++) {
            assertThat(at)
                    .as("answers end before line %d", i)
                    .isLessThan(run.out().size());
            JsonNode answer = JSON.readTree(run.out().get(at));
            assertThat(answer.has("trusted") || answer.path("error").has("input"))
                    .as(run.out().get(at))
                    .isTrue();
            if (structural.get(i)) {
                assertThat(answer.get("id").asText()).isEqualTo("m" + i);
            }
            int n = answer.has("trusted") ? releasesAsked(lines.get(i)) : 1;
            for (int k = 1; k < n; k++) {
                JsonNode next = JSON.readTree(run.out().get(at + k));
                assertThat(next.get("id")).as("release %d of line %d", k, i).isEqualTo(answer.get("id"));
            }
            at += n;
        }
        assertThat(at).as("every answer belongs to a line").isEqualTo(run.out().size());
        Statistics.coverage(c -> {
            for (String kind : KINDS) {
                c.check(kind).count(count -> count > 0);
            }
        });
    }

    /** How many releases a request line asks for: the length of its "ios" array, else 1. */
    private static int releasesAsked(String line) {
        try {
            JsonNode ios = JSON.readTree(line).path("ios");
            return ios.isArray() && ios.size() > 0 ? ios.size() : 1;
        } catch (Exception notJson) {
            return 1;
        }
    }

    private static String mutateText(String line, String kind, Random rnd) {
        if (kind.equals("truncate")) {
            return line.substring(0, rnd.nextInt(line.length()));
        }
        StringBuilder sb = new StringBuilder(line);
        for (int k = 0, n = 1 + rnd.nextInt(8); k < n && sb.length() > 1; k++) {
            int at = rnd.nextInt(sb.length());
            char c = NOISE.charAt(rnd.nextInt(NOISE.length()));
            switch (rnd.nextInt(3)) {
                case 0 -> sb.setCharAt(at, c);
                case 1 -> sb.insert(at, c);
                default -> sb.deleteCharAt(at);
            }
        }
        return sb.toString().replace("\n", "");
    }

    private static void mutateJson(ObjectNode r, String kind, Random rnd) {
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals("id")) {
                fields.add(f);
            }
        }
        String field = fields.get(rnd.nextInt(fields.size()));
        JsonNode value = r.get(field);
        switch (kind) {
            case "repeat-array" -> {
                ArrayNode copy = JSON.createArrayNode();
                JsonNode element = value.isArray() && !value.isEmpty() ? value.get(0) : value;
                for (int i = 0, n = 1 + rnd.nextInt(3_000); i < n; i++) {
                    copy.add(element);
                }
                r.set(field, copy);
            }
            case "huge-string" -> r.put(field, "A".repeat(rnd.nextInt(1_200_000)));
            case "deep-nesting" -> {
                JsonNode nested = value;
                for (int i = 0, n = 1 + rnd.nextInt(60); i < n; i++) {
                    nested = JSON.createArrayNode().add(nested);
                }
                r.set(field, nested);
            }
            case "wrong-type" -> {
                switch (rnd.nextInt(4)) {
                    case 0 -> r.put(field, rnd.nextLong());
                    case 1 -> r.put(field, rnd.nextBoolean());
                    case 2 -> r.putObject(field).put(field, "x");
                    default -> r.putNull(field);
                }
            }
            case "many-values" -> {
                ArrayNode many = r.putArray("x" + field);
                for (int i = 0, n = rnd.nextInt(150_000); i < n; i++) {
                    many.add(i);
                }
            }
            default -> r.remove(field);
        }
    }
}
