package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What one line causes stays with that line (issue 10, item 8): an Error thrown while a line is
 * evaluated — even an OutOfMemoryError, after which the line's allocations are garbage — becomes that
 * line's internal-error answer and the next line is answered; only the virtual machine's own failures
 * end the run. And error lines quote input only as a short excerpt (item 7).
 */
class PerLineFailureTest {
    static final HeldCertificate ROOT = TestPki.seeded(199).root("Line Root").build();
    static final String REQUEST = BatchProcessor.MAPPER
            .createObjectNode()
            .put("id", "r1")
            .set("chain", BatchProcessor.MAPPER.createArrayNode().add(ROOT.pem()))
            .toString();

    private static JsonNode answer(Function<BatchRequest, TrustReport> evaluator) throws Exception {
        return BatchProcessor.MAPPER.readTree(new BatchProcessor(evaluator).process(REQUEST));
    }

    @Test
    void outOfMemoryAndLinkageErrorsOfOneLine_becomeItsInternalErrorAnswer() throws Exception {
        JsonNode oom = answer(r -> {
            throw new OutOfMemoryError("Java heap space");
        });
        JsonNode linkage = answer(r -> {
            throw new NoClassDefFoundError("org/example/Missing");
        });

        assertThat(oom.get("id").asText()).isEqualTo("r1");
        assertThat(oom.at("/error/internal").asText()).isEqualTo("OutOfMemoryError: Java heap space");
        assertThat(linkage.at("/error/internal").asText()).contains("NoClassDefFoundError");
    }

    @Test
    void failuresOfTheVirtualMachineItself_areNotSwallowed() {
        BatchProcessor processor = new BatchProcessor(r -> {
            throw new InternalError("JVM broken");
        });
        assertThatThrownBy(() -> processor.process(REQUEST)).isInstanceOf(InternalError.class);
    }

    @Test
    void errorLinesQuoteAHugePemLabelOrInstantOnlyAsAnExcerpt() throws Exception {
        String label = "X".repeat(100_000);
        String line = BatchProcessor.MAPPER
                .createObjectNode()
                .put("id", "label")
                .put("at", "Y".repeat(100_000))
                .set(
                        "chain",
                        BatchProcessor.MAPPER
                                .createArrayNode()
                                .add("-----BEGIN " + label + "-----\nAAAA\n-----END " + label + "-----\n"))
                .toString();
        String atLine = BatchProcessor.MAPPER
                .createObjectNode()
                .put("id", "at")
                .put("at", "Y".repeat(100_000))
                .set("chain", BatchProcessor.MAPPER.createArrayNode().add(ROOT.pem()))
                .toString();

        String labelError = BatchProcessor.MAPPER
                .readTree(new BatchProcessor().process(line))
                .at("/error/input")
                .asText();
        String atError = BatchProcessor.MAPPER
                .readTree(new BatchProcessor().process(atLine))
                .at("/error/input")
                .asText();

        assertThat(labelError)
                .contains("PEM label is \"XXXX")
                .contains("(100000 characters)")
                .hasSizeLessThan(300);
        assertThat(atError)
                .startsWith("at: not an ISO-8601 instant")
                .contains("(100000 characters)")
                .hasSizeLessThan(300);
    }
}
