package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Whatever a line holds, {@code batch} answers it with exactly one well-formed JSON response. */
class BatchProcessorRobustnessProperties {
    private static final String VALID;

    static {
        TestPki pki = TestPki.seeded(53);
        HeldCertificate root = pki.root("Contoso Root CA").build();
        HeldCertificate leaf = pki.leaf("sip.contoso.com", root).build();
        ObjectNode n = BatchProcessor.MAPPER.createObjectNode();
        n.put("id", "p").put("host", "sip.contoso.com").put("at", pki.now().toString());
        n.putArray("chain").add(leaf.pem());
        n.putArray("anchors").add(root.pem());
        n.putArray("userRoots")
                .addObject()
                .put("cert", root.pem())
                .put("install", "profile")
                .putArray("trustSettings")
                .addObject()
                .put("result", "trustRoot");
        VALID = n.toString();
    }

    private final BatchProcessor processor = new BatchProcessor();

    static void assertWellFormed(String response) throws Exception {
        assertThat(response).doesNotContain("\n");
        JsonNode r = BatchProcessor.MAPPER.readTree(response);
        assertThat(r.isObject()).as(response).isTrue();
        assertThat(r.has("id")).as(response).isTrue();
        if (r.has("trusted")) { // a verdict: an error (name, code) exactly when not trusted
            assertThat(r.has("result")).as(response).isTrue();
            assertThat(r.has("error")).as(response).isEqualTo(!r.get("trusted").booleanValue());
        } else { // an error line
            assertThat(r.get("error").has("input") || r.get("error").has("internal"))
                    .as(response)
                    .isTrue();
        }
    }

    @Property(tries = 300)
    void arbitraryText_getsOneJsonAnswer(@ForAll String line) throws Exception {
        String response = processor.process(line.replace('\n', ' '));
        assertWellFormed(response);
        Statistics.collect(response.contains("\"trusted\"") ? "verdict" : "error line");
        Statistics.coverage(c -> {
            c.check("error line").count(n -> n > 0);
        });
    }

    /** Mutated requests (broken JSON, damaged PEM, odd hosts): an answer or an input error, never an internal error. */
    @Property(tries = 200)
    void mutatedRequest_getsOneJsonAnswer_neverAnInternalError(@ForAll("mutations") String line) throws Exception {
        String response = processor.process(line);
        assertWellFormed(response);
        Statistics.collect(BatchProcessor.MAPPER.readTree(response).has("trusted") ? "verdict" : "error line");
        Statistics.coverage(c -> {
            c.check("verdict").count(n -> n > 0);
            c.check("error line").count(n -> n > 0);
        });
        assertThat(BatchProcessor.MAPPER
                        .readTree(response)
                        .at("/error/internal")
                        .isMissingNode())
                .as(response)
                .isTrue();
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, VALID.length() - 1);
        Arbitrary<Character> c = Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '\\', 'A', '0', ' ', '-', 'é');
        return Combinators.combine(at, at, c, Arbitraries.integers().between(0, 2))
                .as((i, j, ch, kind) -> {
                    int from = Math.min(i, j);
                    int to = Math.max(i, j);
                    return switch (kind) {
                        case 0 -> VALID.substring(0, from) + VALID.substring(to); // cut a span
                        case 1 -> VALID.substring(0, i) + ch + VALID.substring(i); // insert a character
                        default -> VALID.substring(0, i) + ch + VALID.substring(i + 1); // replace one
                    };
                });
    }
}
