package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.engine.SecTrustAccess;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.report.JsonReport;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BatchAnswer} writes the response line without building its tree: the line must be byte for byte the
 * tree of the same response (id, the report's fields, ctLogList, exceptions, hostNotice) as the mapper writes it,
 * for every kind of id, for a trusted and an untrusted report (with and without the system store's log list), and
 * for an answer far longer than the writer's pieces and its kept buffer.
 */
class BatchAnswerTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static HeldCertificate root;
    private static HeldCertificate ca;
    private static HeldCertificate leaf;

    @BeforeAll
    static void mint() {
        TestPki pki = TestPki.seeded(41);
        root = pki.root("Contoso Root CA").build();
        ca = pki.intermediate("Contoso Issuing CA", root).build();
        leaf = pki.leaf("sip.contoso.com", ca).build();
    }

    /** A mapped request and its report, as batch evaluates it. */
    private record Evaluated(BatchRequest request, TrustReport report) {}

    private static Evaluated evaluate(String extraFields) throws Exception {
        ObjectNode json = (ObjectNode) BatchProcessor.MAPPER.readTree(
                "{\"chain\": [" + BatchProcessor.MAPPER.writeValueAsString(leaf.pem()) + ","
                        + BatchProcessor.MAPPER.writeValueAsString(ca.pem()) + "], \"at\": \""
                        + TestPki.DEFAULT_NOW + "\"" + extraFields + "}");
        BatchRequest request = new BatchRequestParser().parse(json);
        return new Evaluated(request, SecTrustAccess.evaluate(request.trust(), request.serverChain()));
    }

    private static Evaluated trusted() throws Exception {
        return evaluate(", \"host\": \"sip.contoso.com\", \"anchors\": ["
                + BatchProcessor.MAPPER.writeValueAsString(root.pem()) + "], \"systemRoots\": false");
    }

    private static Evaluated untrustedWithSystemStore() throws Exception {
        return evaluate(", \"host\": \"other.example.org\"");
    }

    /** The response as a tree, written by the mapper: what batch wrote before it streamed the line. */
    private static String asTree(JsonNode id, Evaluated e, String exceptions, Optional<String> notice)
            throws Exception {
        ObjectNode tree = BatchProcessor.MAPPER.createObjectNode();
        tree.set("id", id);
        tree.setAll(JsonReport.toNode(e.report()));
        tree.set("ctLogList", CtLogCacheOptions.describe(e.request().trust(), e.report()));
        if (exceptions != null) {
            tree.put("exceptions", exceptions);
        }
        notice.ifPresent(n -> tree.put(MatrixOutput.HOST_NOTICE, n));
        return BatchProcessor.MAPPER.writeValueAsString(tree);
    }

    static Stream<JsonNode> ids() {
        ObjectNode object = NODES.objectNode();
        object.put("run", 3).putArray("tags").add("a").add(1.25);
        return Stream.of(
                NODES.textNode("d0"),
                NODES.textNode(""),
                NODES.textNode("quote \" backslash \\ tab \t é \u2028 \ud83d\ude00"),
                NODES.nullNode(),
                NODES.numberNode(0),
                NODES.numberNode(-7),
                NODES.numberNode(Long.MAX_VALUE),
                NODES.numberNode(BigInteger.TWO.pow(70)),
                NODES.numberNode(1.5),
                NODES.numberNode(new BigDecimal("1E+2")),
                NODES.booleanNode(true),
                object,
                NODES.arrayNode().add("x").add(NODES.nullNode()));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyKindOfId_sameBytesAsTheTree(JsonNode id) throws Exception {
        for (Evaluated e : List.of(trusted(), untrustedWithSystemStore())) {
            String line = BatchAnswer.line(id, e.report(), e.request().trust(), null, Optional.empty());
            assertThat(line).isEqualTo(asTree(id, e, null, Optional.empty()));
        }
    }

    @Test
    void reports_trustedAndNot_withEitherLogList() throws Exception {
        Evaluated trusted = trusted();
        Evaluated untrusted = untrustedWithSystemStore();
        assertThat(trusted.report().trusted()).isTrue();
        assertThat(untrusted.report().trusted()).isFalse();
        JsonNode id = NODES.textNode("x");
        String a = BatchAnswer.line(id, trusted.report(), trusted.request().trust(), null, Optional.empty());
        String b = BatchAnswer.line(id, untrusted.report(), untrusted.request().trust(), null, Optional.empty());
        // the system store's list has a date; without a store the line says so
        assertThat(BatchProcessor.MAPPER.readTree(b).at("/ctLogList/date").isTextual())
                .isTrue();
        assertThat(BatchProcessor.MAPPER.readTree(a).at("/ctLogList/source").asText())
                .isEqualTo("none (no system trust store)");
        assertThat(a).isEqualTo(asTree(id, trusted, null, Optional.empty()));
        assertThat(b).isEqualTo(asTree(id, untrusted, null, Optional.empty()));
    }

    @Test
    void longAnswer_inManyPieces_thenAShortOne_bothExact() throws Exception {
        Evaluated e = trusted();
        JsonNode id = NODES.textNode("long");
        // far past the generator's pieces (2,000 chars) and the kept buffer (16,384): escapes and non-Latin-1 text
        String exceptions = "AbC+/=".repeat(20_000);
        String notice = "\"\\\n é \u20ac \ud83d\ude00 \ud800 ".repeat(5_000);
        String line = BatchAnswer.line(id, e.report(), e.request().trust(), exceptions, Optional.of(notice));
        assertThat(line.length()).isGreaterThan(200_000);
        assertThat(line).isEqualTo(asTree(id, e, exceptions, Optional.of(notice)));
        JsonNode shortId = NODES.textNode("short");
        assertThat(BatchAnswer.line(shortId, e.report(), e.request().trust(), null, Optional.empty()))
                .isEqualTo(asTree(shortId, e, null, Optional.empty()));
    }
}
