package io.github.sectrust4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cli.BatchRequests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The scenario catalogue ({@code examples/requests.jsonl} + {@code examples/expected.jsonl}, generated
 * by test-fixtures' {@code ScenarioCatalog}) through the public API: each request is mapped to a
 * {@link io.github.sectrust4j.SecTrust} by the batch command's own request mapper (through
 * {@link BatchRequests}) and evaluated; the verdict must be
 * exactly the expected one — {@code trusted}, {@code result}, the error's name and code, and
 * {@code checks} equal to the set of failing finding codes (no more, no fewer).
 *
 * <p>All 37 scenarios run, including those with revocation and CT inputs (stapled OCSP, SCTs in the TLS
 * extension or in OCSP, a custom {@code ctLogs} list), which issue #5 integrated.
 */
class ScenarioCatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path examples() {
        return ExampleFiles.examples();
    }

    static Map<String, JsonNode> read(String file) throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(examples().resolve(file))) {
            if (!line.isBlank()) {
                JsonNode n = JSON.readTree(line);
                out.put(n.get("id").asText(), n);
            }
        }
        return out;
    }

    @Test
    void catalogueHas37ScenariosWithAnExpectationEach() throws IOException {
        Map<String, JsonNode> requests = read("requests.jsonl");
        assertThat(requests).hasSize(37);
        assertThat(read("expected.jsonl").keySet()).containsExactlyElementsOf(requests.keySet());
    }

    @TestFactory
    Stream<DynamicTest> everyScenario_getsExactlyTheExpectedVerdict() throws IOException {
        Map<String, JsonNode> expected = read("expected.jsonl");
        List<DynamicTest> tests = new ArrayList<>();
        read("requests.jsonl").forEach((id, request) -> {
            JsonNode want = expected.get(id);
            tests.add(dynamicTest(
                    id + " → " + want.get("result").asText() + " " + want.path("checks"), () -> check(request, want)));
        });
        return tests.stream();
    }

    private static void check(JsonNode request, JsonNode want) {
        BatchRequests.Mapped mapped = BatchRequests.map(request);
        TrustReport r = mapped.trust().evaluate(mapped.chain());
        String id = request.get("id").asText();
        String basis = want.path("basis").asText();
        assertThat(r.trusted())
                .as("%s trusted (%s): %s", id, basis, r.failures())
                .isEqualTo(want.get("trusted").asBoolean());
        assertThat(r.result().name())
                .as("%s result (%s): %s", id, basis, r.failures())
                .isEqualTo(want.get("result").asText());
        if (want.has("error")) {
            assertThat(r.error()).as(id + " error").isPresent();
            assertThat(r.error().get().appleName())
                    .as("%s error (%s): %s", id, basis, r.failures())
                    .isEqualTo(want.at("/error/name").asText());
            assertThat(r.error().get().code()).isEqualTo(want.at("/error/code").asInt());
        } else {
            assertThat(r.error()).as(id + " error").isEmpty();
        }
        TreeSet<String> checks = new TreeSet<>();
        want.get("checks").forEach(c -> checks.add(c.asText()));
        TreeSet<String> failing = new TreeSet<>();
        for (Finding f : r.failures()) {
            failing.add(f.code().code());
        }
        assertThat(failing).as("%s failing checks (%s)", id, basis).isEqualTo(checks);
    }
}
