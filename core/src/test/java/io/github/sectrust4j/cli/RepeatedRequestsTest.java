package io.github.sectrust4j.cli;

import static io.github.sectrust4j.cli.BatchCommandTest.json;
import static io.github.sectrust4j.cli.BatchCommandTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.fixtures.TestPki;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A line equal to an earlier one apart from its id gets the earlier answer with its own id, byte for byte what a
 * fresh evaluation answers; anything else is evaluated.
 */
class RepeatedRequestsTest {
    @BeforeAll
    static void mint() {
        BatchCommandTest.mint();
    }

    /** A processor with the stand-in verdict that counts its evaluations. */
    private static BatchProcessor counting(AtomicInteger evaluations) {
        return new BatchProcessor(r -> {
            evaluations.incrementAndGet();
            return BatchCommandTest.untrustedReport(r);
        });
    }

    /** What a processor that has seen nothing before answers. */
    private static String fresh(String line) {
        return new BatchProcessor(BatchCommandTest::untrustedReport).process(line);
    }

    /** The line {@code template} (with id "x" first) with {@code idJson} as the id's JSON text. */
    private static String withId(String template, String idJson) {
        return template.replaceFirst("\\{\"id\":\"x\"", java.util.regex.Matcher.quoteReplacement("{\"id\":" + idJson));
    }

    @Test
    void aLineRepeatedWithAnotherId_isAnsweredWithoutEvaluation_exactlyAsAFreshEvaluation() {
        AtomicInteger evaluations = new AtomicInteger();
        BatchProcessor p = counting(evaluations);
        String extra = "\"host\": \"sip.contoso.com\", \"ios\": \"17.4\"";
        String first = p.process(line("a", extra));
        assertThat(json(first).get("trusted").booleanValue()).isFalse(); // a verdict, not an error
        assertThat(p.process(line("a2", extra))).isEqualTo(fresh(line("a2", extra)));
        assertThat(p.process(line("a3", extra))).isEqualTo(fresh(line("a3", extra))); // seen three times: kept
        assertThat(evaluations).hasValue(3);

        // ids of every scalar kind, written as given or not (escapes, exponents), too long to be read
        List<String> ids = List.of(
                "\"b\"",
                "\"a\"",
                "\"with \\\"quotes\\\" and \\u00e9\"",
                "\"\\u0041\"",
                "7",
                "-0",
                "1.0",
                "1e2",
                "123456789012345678901234567890",
                "true",
                "null",
                "1" + "0".repeat(1200)); // past Jackson's number length: an input error either way
        String template = line("x", extra);
        for (String id : ids) {
            String l = withId(template, id);
            assertThat(p.process(l)).as(id).isEqualTo(fresh(l));
        }
        assertThat(evaluations).as("only the first three lines were evaluated").hasValue(3);
    }

    @Test
    void anyOtherDifference_isEvaluatedAgain() {
        AtomicInteger evaluations = new AtomicInteger();
        BatchProcessor p = counting(evaluations);
        List<String> lines = List.of(
                line("a", "\"host\": \"sip.contoso.com\""),
                line("a", "\"host\":  \"sip.contoso.com\""), // one more space
                line("a", "\"host\": \"www.contoso.com\""),
                line("a", "\"host\": \"sip.contoso.com\", \"ios\": \"17.4\""));
        for (String l : lines) {
            assertThat(p.process(l)).isEqualTo(fresh(l));
            assertThat(p.process(l)).isEqualTo(fresh(l));
        }
        assertThat(evaluations).hasValue(2 * lines.size());
    }

    @Test
    void answersThatAreNotAFunctionOfTheLine_andErrors_areNotKept() {
        AtomicInteger evaluations = new AtomicInteger();
        BatchProcessor p = counting(evaluations);
        String noAt = "{\"id\":\"a\",\"chain\":[" + BatchProcessor.MAPPER.valueToTree(BatchCommandTest.leaf.pem())
                + "]}"; // evaluated at the clock's instant
        String network = line("a", "\"network\": true");
        String structuredId = line("a", "").replaceFirst("\"a\"", "[\"a\"]");
        for (String l :
                List.of(noAt, noAt, noAt, network, network, network, structuredId, structuredId, structuredId)) {
            p.process(l);
        }
        assertThat(evaluations).hasValue(9);
        assertThat(RepeatedRequests.isFunctionOfLine(json(line("a", "\"revocationDatabase\": \"/v.db\""))))
                .as("a database file may change during the run")
                .isFalse();
        assertThat(RepeatedRequests.isFunctionOfLine(json(line("a", "")))).isTrue();

        // an evaluator failure is the line's internal error, never the answer to the next equal line
        AtomicInteger calls = new AtomicInteger();
        BatchProcessor flaky = new BatchProcessor(failFirst(calls));
        assertThat(json(flaky.process(line("a", ""))).at("/error/internal").textValue())
                .isEqualTo("IllegalStateException: first");
        for (String id : List.of("b", "c", "d")) {
            assertThat(json(flaky.process(line(id, ""))).get("trusted").booleanValue())
                    .isFalse();
        }
    }

    private static Function<BatchRequest, TrustReport> failFirst(AtomicInteger calls) {
        return r -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("first");
            }
            return BatchCommandTest.untrustedReport(r);
        };
    }

    @Test
    void anIosArray_isAnsweredLineForLine() {
        AtomicInteger evaluations = new AtomicInteger();
        BatchProcessor p = counting(evaluations);
        String extra = "\"ios\": [\"16.0\", \"17.4\"]";
        p.process(line("a", extra));
        p.process(line("a", extra));
        p.process(line("a", extra));
        String again = line("b", extra);
        String answer = p.process(again);
        assertThat(answer).isEqualTo(fresh(again));
        assertThat(answer.split("\n")).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("{\"id\":\"b\","));
        assertThat(evaluations).hasValue(6); // the first three requests' two releases only
    }

    @Test
    void theIdIsFoundWhereverItIs_andALineWithoutOneIsKeptWhole() {
        String late = "{\"chain\":[\"c\"],\"at\":\"" + TestPki.DEFAULT_NOW + "\", \"id\" : \"q\" }";
        RepeatedRequests.Split split = RepeatedRequests.split(late);
        assertThat(split.id().textValue()).isEqualTo("q");
        assertThat(split.rest()).isEqualTo("{\"chain\":[\"c\"],\"at\":\"" + TestPki.DEFAULT_NOW + "\", \"id\" :  }");
        assertThat(RepeatedRequests.split("{\"chain\":[]}").rest()).isEqualTo("{\"chain\":[]}");
        assertThat(RepeatedRequests.split("{\"chain\":[]}").id().isNull()).isTrue();
        assertThat(RepeatedRequests.split("[1]")).isNull();
        assertThat(RepeatedRequests.split("{\"id\":{\"k\":1}}")).isNull();
        assertThat(RepeatedRequests.split("{\"id\":\"a\"," + " ".repeat(RepeatedRequests.MAX_KEPT_LINE) + "}"))
                .isNull();
    }

    @Test
    void aStreamOfDistinctLines_keepsNothing() {
        RepeatedRequests memo = RepeatedRequests.ofSize(1 << 20);
        for (int i = 0; i < 1000; i++) {
            memo.keep(RepeatedRequests.split("{\"id\":\"a\",\"n\":" + i + "}"), "{\"id\":\"a\",\"r\":" + i + "}");
        }
        assertThat(memo.size()).as("hash collisions only").isLessThan(50);
    }

    @Test
    void linesTheSampledHashCannotTellApart_areStillDistinctLines() {
        String template = "{\"id\":\"a\",\"at\":\"2025-01-01T00:00:%02dZ\",\"pad\":\"" + "p".repeat(2000) + "\"}";
        RepeatedRequests.Split first = RepeatedRequests.split(String.format(template, 0));
        List<String> twins = new ArrayList<>(); // other instants, same sampled hash
        for (int s = 1; s < 60; s++) {
            String line = String.format(template, s);
            if (RepeatedRequests.split(line).sampledHash() == first.sampledHash()) {
                twins.add(line);
            }
        }
        assertThat(twins.size()).as("instants the samples miss").isGreaterThanOrEqualTo(3);

        // each seen once, as a run of lines that differ only in their at: nothing kept
        RepeatedRequests memo = RepeatedRequests.ofSize(1 << 20);
        memo.keep(first, "{\"id\":\"a\",\"r\":0}");
        for (String twin : twins) {
            memo.keep(RepeatedRequests.split(twin), "{\"id\":\"a\",\"r\":1}");
        }
        assertThat(memo.size()).isZero();

        // one kept: its twins are not answered from it
        for (int seen = 0; seen < 2; seen++) {
            memo.keep(RepeatedRequests.split(String.format(template, 0)), "{\"id\":\"a\",\"r\":0}");
        }
        assertThat(memo.size()).isEqualTo(1);
        assertThat(memo.answer(RepeatedRequests.split(String.format(template, 0).replace("\"a\"", "\"b\""))))
                .isEqualTo("{\"id\":\"b\",\"r\":0}");
        for (String twin : twins) {
            assertThat(memo.answer(RepeatedRequests.split(twin))).isNull();
        }
    }

    @Test
    void theMemoStaysWithinItsSize() {
        RepeatedRequests memo = RepeatedRequests.ofSize(200_000); // 100,000 characters
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String line = "{\"id\":\"a\",\"n\":" + i + ",\"pad\":\"" + "p".repeat(1000) + "\"}";
            for (int seen = 0; seen < 3; seen++) { // kept from the third sighting
                memo.keep(RepeatedRequests.split(line), "{\"id\":\"a\",\"r\":\"" + "r".repeat(1000) + "\"}");
            }
            sizes.add(memo.size());
        }
        assertThat(sizes.get(10)).isEqualTo(11);
        assertThat(sizes).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(50)); // about 2,000 characters each
        assertThat(memo.answer(RepeatedRequests.split("{\"id\":\"z\",\"n\":399,\"pad\":\"" + "p".repeat(1000) + "\"}")))
                .isEqualTo("{\"id\":\"z\",\"r\":\"" + "r".repeat(1000) + "\"}");
    }
}
