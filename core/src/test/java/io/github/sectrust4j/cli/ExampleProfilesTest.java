package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.conformance.ExampleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every bundled example with a user root, evaluated once with the root's PEM ({@code userRoots[].cert}) and once
 * with the {@code .mobileconfig} in its folder ({@code userRoots[].profile}, written by the test-fixtures builder):
 * the responses are identical, and the profile is what the examples tell admins to install.
 */
class ExampleProfilesTest {
    @Test
    void everyExampleUserRoot_givesTheSameVerdictAsItsMobileconfig() throws IOException {
        Path examples = ExampleFiles.examples();
        List<String> lines = Files.readAllLines(examples.resolve("requests.jsonl"));
        BatchProcessor processor = new BatchProcessor();
        int compared = 0;
        for (String line : lines) {
            ObjectNode request = (ObjectNode) BatchProcessor.MAPPER.readTree(line);
            if (!request.has("userRoots")) {
                continue;
            }
            String id = request.get("id").asText();
            ObjectNode viaProfile = request.deepCopy();
            for (int i = 0; i < viaProfile.get("userRoots").size(); i++) {
                ObjectNode root = (ObjectNode) viaProfile.get("userRoots").get(i);
                byte[] mobileconfig =
                        Files.readAllBytes(examples.resolve(id).resolve("user-root-" + (i + 1) + ".mobileconfig"));
                root.remove("cert");
                root.put("profile", Base64.getEncoder().encodeToString(mobileconfig));
            }
            JsonNode expected = BatchProcessor.MAPPER.readTree(processor.process(request.toString()));
            JsonNode actual = BatchProcessor.MAPPER.readTree(processor.process(viaProfile.toString()));
            assertThat(actual).as(id).isEqualTo(expected);
            assertThat(actual.path("error").has("input")).as(id + ": " + actual).isFalse();
            compared++;
        }
        assertThat(compared).isEqualTo(11);
    }
}
