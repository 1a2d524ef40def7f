package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.CertificateRole;
import io.github.sectrust4j.PathCertificate;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.engine.SecTrustAccess;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code batch}: one response per line, same order, same id; bad lines become error lines and processing goes on. */
class BatchCommandTest {
    static HeldCertificate root;
    static HeldCertificate leaf;
    static HeldCertificate ca;

    @BeforeAll
    static void mint() {
        TestPki pki = TestPki.seeded(31);
        root = pki.root("Contoso Root CA").build();
        ca = pki.intermediate("Contoso Issuing CA", root).build();
        leaf = pki.leaf("sip.contoso.com", ca).build();
    }

    static String line(String id, String extra) {
        ObjectNode n = BatchProcessor.MAPPER.createObjectNode();
        n.put("id", id);
        n.putArray("chain").add(leaf.pem());
        n.put("at", TestPki.DEFAULT_NOW.toString());
        String json = n.toString();
        return extra.isEmpty() ? json : json.substring(0, json.length() - 1) + "," + extra + "}";
    }

    static JsonNode json(String line) {
        try {
            return BatchProcessor.MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("response is not JSON: " + line, e);
        }
    }

    static JsonNode onlyResponse(String stdin) {
        Cli.Run run = Cli.withStdin(stdin, "batch");
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).hasSize(1);
        return json(run.outLines().get(0));
    }

    @Test
    void malformedJson_isInputError_withTheIdWhenItCouldBeRead() {
        JsonNode r = onlyResponse("{\"id\": \"r7\", \"chain\": [\"-----BEGIN\n");
        assertThat(r.get("id").textValue()).isEqualTo("r7");
        assertThat(r.at("/error/input").textValue())
                .startsWith("not valid JSON: ")
                .doesNotContain("REDACTED");
        JsonNode noId = onlyResponse("chain: [1, 2]\n");
        assertThat(noId.get("id").isNull()).isTrue();
        assertThat(noId.at("/error/input").textValue()).startsWith("not valid JSON: Unrecognized token 'chain'");
    }

    @Test
    void trailingGarbageAfterTheObject_isInputError() {
        JsonNode r = onlyResponse(line("t1", "") + " {}\n");
        assertThat(r.get("id").textValue()).isEqualTo("t1");
        assertThat(r.at("/error/input").textValue()).startsWith("not valid JSON: ");
    }

    @Test
    void blankLine_isAnInputErrorLine_soEveryLineHasAnAnswer() {
        JsonNode r = onlyResponse("   \n");
        assertThat(r.get("id").isNull()).isTrue();
        assertThat(r.at("/error/input").textValue()).startsWith("blank line");
    }

    @Test
    void missingChain_badBase64_badIos_unknownPolicy_areInputErrorsEchoingTheId() {
        String stdin = "{\"id\": \"a\"}\n"
                + line("b", "\"ocspResponses\": [\"@@@\"]") + "\n"
                + line("c", "\"ios\": \"7.0\"") + "\n"
                + line("d", "\"policy\": \"smime\"") + "\n";
        Cli.Run run = Cli.withStdin(stdin, "batch");
        assertThat(run.status()).isZero();
        List<JsonNode> out = run.outLines().stream().map(BatchCommandTest::json).toList();
        assertThat(out).extracting(n -> n.get("id").textValue()).containsExactly("a", "b", "c", "d");
        assertThat(out)
                .extracting(n -> n.at("/error/input").textValue())
                .satisfiesExactly(
                        m -> assertThat(m).startsWith("chain: missing"),
                        m -> assertThat(m).startsWith("ocspResponses[0]: bad base64"),
                        m -> assertThat(m).isEqualTo("ios: " + io.github.sectrust4j.IosRelease.unsupported("7.0")),
                        m -> assertThat(m).startsWith("policy: Unknown policy 'smime'"));
    }

    @Test
    void numericAndStructuredIds_areEchoedAsGiven() {
        JsonNode r = onlyResponse("{\"id\": 42, \"chain\": []}\n");
        assertThat(r.get("id").intValue()).isEqualTo(42);
        JsonNode o = onlyResponse("{\"id\": {\"host\": \"x\", \"n\": 1}, \"chain\": []}\n");
        assertThat(o.get("id").get("n").intValue()).isEqualTo(1);
    }

    @Test
    void crlfLineEndings_areAccepted() {
        Cli.Run run = Cli.withStdin("{\"id\":\"x\"}\r\n{\"id\":\"y\"}\r\n", "batch");
        assertThat(run.outLines())
                .extracting(l -> json(l).get("id").textValue())
                .containsExactly("x", "y");
        assertThat(run.outLines())
                .allSatisfy(
                        l -> assertThat(json(l).at("/error/input").textValue()).startsWith("chain: missing"));
    }

    @Test
    void lineOverTheLimit_isInputError_andTheNextLineIsStillAnswered() {
        String big = "{\"id\": \"big\", \"chain\": [\"" + "A".repeat(5000) + "\"]}";
        Cli.Run run = Cli.withStdin(big + "\n{\"id\": \"next\"}\n", "batch", "--max-line-length", "1000");
        assertThat(run.outLines()).hasSize(2);
        JsonNode first = json(run.outLines().get(0));
        assertThat(first.get("id").textValue()).isEqualTo("big");
        assertThat(first.at("/error/input").textValue()).startsWith("line longer than 1000 characters");
        assertThat(json(run.outLines().get(1)).get("id").textValue()).isEqualTo("next");
    }

    @Test
    void badThreadCount_isUsageError() {
        Cli.Run run = Cli.withStdin("", "batch", "--threads", "0");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--threads must be between 1 and 256");
    }

    /** Mixed good, bad, blank and broken lines: one answer each, in order, ids echoed (threads keep the order). */
    @ParameterizedTest
    @ValueSource(strings = {"1", "4", "default"})
    void manyLines_keepOrderAndIds(String threads) {
        StringBuilder in = new StringBuilder();
        List<String> expectedIds = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            String id = "req-" + i;
            switch (i % 6) {
                case 0 -> in.append(line(id, ""));
                case 1 ->
                    in.append(
                            line(id, "\"ios\": \"17.4\", \"host\": \"sip.contoso.com\", \"systemRoots\": 2023071300"));
                case 2 -> in.append("{\"id\": \"").append(id).append("\", \"chain\": [\"garbage\"]}");
                case 3 -> in.append("{\"id\": \"").append(id).append("\", broken");
                case 4 -> in.append(line(id, "\"anchors\": [" + BatchProcessor.MAPPER.valueToTree(root.pem()) + "]"));
                default -> {
                    in.append(" ");
                    id = null;
                }
            }
            in.append('\n');
            expectedIds.add(id);
        }
        Cli.Run run = threads.equals("default")
                ? Cli.withStdin(in.toString(), "batch")
                : Cli.withStdin(in.toString(), "batch", "--threads", threads);
        assertThat(run.status()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(240);
        Iterator<String> expected = expectedIds.iterator();
        for (String l : lines) {
            JsonNode r = json(l);
            String id = expected.next();
            assertThat(r.get("id").isNull() ? null : r.get("id").textValue())
                    .as(l)
                    .isEqualTo(id);
            assertThat(r.has("trusted") || r.has("error")).as(l).isTrue();
        }
    }

    /**
     * Certificates sent again are taken parsed from the run's cache: every repetition of a request is answered
     * exactly as its first occurrence, on one thread and on the default count.
     */
    @Test
    void repeatedCertificates_areAnsweredAsTheFirstTime() {
        String[] kinds = {
            "\"anchors\": [" + BatchProcessor.MAPPER.valueToTree(root.pem()) + "], \"intermediates\": ["
                    + BatchProcessor.MAPPER.valueToTree(ca.pem()) + "], \"host\": \"sip.contoso.com\"",
            "\"ios\": \"17.4\", \"host\": \"sip.contoso.com\", \"systemRoots\": 2023071300",
            "\"userRoots\": [{\"cert\": " + BatchProcessor.MAPPER.valueToTree(root.pem())
                    + ", \"install\": \"profile\", \"fullTrust\": true}]"
        };
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            in.append(line("r" + (i % kinds.length), kinds[i % kinds.length])).append('\n');
        }
        List<String> one =
                Cli.withStdin(in.toString(), "batch", "--threads", "1").outLines();
        List<String> byDefault = Cli.withStdin(in.toString(), "batch").outLines();
        assertThat(byDefault).isEqualTo(one);
        assertThat(one).hasSize(60);
        for (int i = kinds.length; i < one.size(); i++) {
            assertThat(one.get(i)).as("line %d", i).isEqualTo(one.get(i % kinds.length));
        }
        assertThat(one.subList(0, kinds.length))
                .allSatisfy(l -> assertThat(json(l).has("trusted")).as(l).isTrue());
        assertThat(json(one.get(0)).get("trusted").booleanValue()).isTrue();
    }

    @Test
    void evaluatorFailure_becomesInternalErrorLine_andProcessingGoesOn() {
        BatchProcessor p = new BatchProcessor(r -> {
            throw new IllegalStateException("kaput");
        });
        JsonNode r = json(p.process(line("x", "")));
        assertThat(r.get("id").textValue()).isEqualTo("x");
        assertThat(r.at("/error/internal").textValue()).isEqualTo("IllegalStateException: kaput");
        assertThat(json(p.process(line("y", ""))).get("id").textValue()).isEqualTo("y");
    }

    @Test
    void certificateTheEvaluatorCannotRead_isAnInputError() {
        BatchProcessor p = new BatchProcessor(r -> {
            throw new CertificateInputException(1, "unsupported critical structure", "x");
        });
        JsonNode r = json(p.process(line("x", "")));
        assertThat(r.at("/error/input").textValue())
                .isEqualTo("chain (PEM block 2) is not a certificate: unsupported critical structure");
    }

    /** The response shape: id first, then the TrustReport fields of BATCH-CONTRACT. */
    @Test
    void response_isIdThenTheReportFields() {
        BatchProcessor p = new BatchProcessor(BatchCommandTest::untrustedReport);
        JsonNode r = json(p.process(line("r1", "\"host\": \"sip.contoso.com\", \"ios\": \"17.4\"")));
        assertThat(r.fieldNames())
                .toIterable()
                .startsWith("id", "trusted", "result", "error", "trustStoreVersion")
                .contains("path", "findings");
        assertThat(r.get("id").textValue()).isEqualTo("r1");
        assertThat(r.get("trusted").booleanValue()).isFalse();
        assertThat(r.get("result").textValue()).isEqualTo("RECOVERABLE_TRUST_FAILURE");
        assertThat(r.at("/error/name").textValue()).isEqualTo("errSecNotTrusted");
        assertThat(r.at("/error/code").intValue()).isEqualTo(-67843);
        assertThat(r.get("trustStoreVersion").intValue()).isEqualTo(2024013100);
        assertThat(r.at("/path/0/role").textValue()).isEqualTo("leaf");
    }

    /** A stand-in verdict built from the request, for the rendering test only (verdicts: EndToEndVerdictTest). */
    static TrustReport untrustedReport(BatchRequest batch) {
        EvaluationRequest req = SecTrustAccess.request(batch.trust(), batch.chain());
        var leafCert = req.leaf();
        PathCertificate p = new PathCertificate(
                leafCert.sha256Hex(),
                leafCert.subject().toString(),
                leafCert.issuer().toString(),
                leafCert.notBefore(),
                leafCert.notAfter(),
                CertificateRole.LEAF,
                Optional.empty(),
                true,
                false);
        return new TrustReport(
                SecTrustResult.RECOVERABLE_TRUST_FAILURE,
                Optional.of(TrustError.NOT_TRUSTED),
                List.of(p),
                List.of(),
                req.release(),
                req.systemStore().map(s -> OptionalInt.of(s.version())).orElse(OptionalInt.empty()),
                req.policy(),
                req.host(),
                req.verifyTime());
    }
}
