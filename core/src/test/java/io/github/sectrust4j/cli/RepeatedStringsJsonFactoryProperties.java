package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Lines read by the batch mapper, whose parsers take long strings recent lines held as the Strings decoded then,
 * read exactly as Jackson reads them without that: the same tree, or the same error at the same place, whatever
 * strings repeat, nearly repeat (one character more or less, another ending) or are damaged.
 */
class RepeatedStringsJsonFactoryProperties {
    /** Jackson as it is, with the batch mapper's features and limits. */
    private static final ObjectMapper PLAIN = JsonMapper.builder(RequestLimits.jsonFactory())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static ObjectMapper reusing() {
        return JsonMapper.builder(new RepeatedStringsJsonFactory(RequestLimits.jsonFactoryBuilder()))
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    @Property(tries = 200)
    void linesOfRepeatedStrings_readAsJacksonReadsThem(@ForAll("runs") List<String> lines) {
        ObjectMapper mapper = reusing();
        Map<String, Boolean> reusedSeen = new IdentityHashMap<>();
        for (String line : lines) {
            String expected = outcome(PLAIN, line);
            JsonNode[] tree = new JsonNode[1];
            String actual = outcome(mapper, line, tree);
            assertThat(actual).isEqualTo(expected);
            if (tree[0] != null) {
                for (JsonNode v : values(tree[0])) {
                    if (v.isTextual() && v.textValue().length() >= 200) {
                        Statistics.collect(reusedSeen.put(v.textValue(), true) != null ? "reused" : "decoded");
                    }
                }
            } else {
                Statistics.collect("refused");
            }
        }
        Statistics.coverage(c -> {
            c.check("reused").count(n -> n > 100);
            c.check("decoded").count(n -> n > 100);
            c.check("refused").count(n -> n > 10);
        });
    }

    /** A PEM repeated line after line is kept when decoded a second time: later lines get that same String. */
    @Example
    void aRepeatedPem_isTheSameString() throws JsonProcessingException {
        ObjectMapper mapper = reusing();
        String pem = "-----BEGIN CERTIFICATE-----\\n" + "QUJD".repeat(100) + "\\n-----END CERTIFICATE-----\\n";
        String line = "{\"chain\":[\"" + pem + "\"]}";
        String first = mapper.readTree(line).get("chain").get(0).textValue();
        String second = mapper.readTree(line).get("chain").get(0).textValue();
        assertThat(second).isEqualTo(first).isNotSameAs(first);
        JsonNode third = mapper.readTree("{\"id\":2,\"chain\":[\"" + pem + "\"]}");
        assertThat(third.get("chain").get(0).textValue()).isSameAs(second);
        assertThat(third).isEqualTo(PLAIN.readTree("{\"id\":2,\"chain\":[\"" + pem + "\"]}"));
        // one character more before the quote: another string, decoded
        JsonNode longer = mapper.readTree("{\"chain\":[\"" + pem + "A\"]}");
        assertThat(longer.get("chain").get(0).textValue()).isEqualTo(first + "A");
        // a syntax error after a reused string is reported at the same place
        String broken = "{\"chain\":[\"" + pem + "\"] x}";
        assertThat(outcome(mapper, broken)).isEqualTo(outcome(PLAIN, broken)).startsWith("error");
    }

    /** A stream of distinct long strings (every line's own leaf) is never kept. */
    @Example
    void distinctStrings_areNotKept() throws JsonProcessingException {
        RepeatedStringsJsonFactory factory = new RepeatedStringsJsonFactory(RequestLimits.jsonFactoryBuilder());
        ObjectMapper mapper = JsonMapper.builder(factory).build();
        for (int i = 0; i < 100; i++) {
            mapper.readTree("{\"chain\":[\"" + ("leaf" + i + "\\n").repeat(60) + "\"]}");
        }
        assertThat(factory.keptCount()).isZero();
    }

    private static List<JsonNode> values(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        node.forEach(v -> {
            out.add(v);
            out.addAll(values(v));
        });
        return out;
    }

    private static String outcome(ObjectMapper mapper, String line) {
        return outcome(mapper, line, new JsonNode[1]);
    }

    private static String outcome(ObjectMapper mapper, String line, JsonNode[] tree) {
        try {
            tree[0] = mapper.readTree(line);
            return "tree " + tree[0];
        } catch (JsonProcessingException e) {
            tree[0] = null;
            return "error " + e.getClass().getName() + " " + e.getOriginalMessage() + " at "
                    + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + " offset "
                    + e.getLocation().getCharOffset();
        }
    }

    /** JSON string texts (between the quotes) of 200 to 600 characters with escapes, a few that lines share. */
    @Provide
    Arbitrary<List<String>> runs() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        200,
                        Arbitraries.strings()
                                .withCharRange('A', 'Z')
                                .ofMinLength(8)
                                .ofMaxLength(64)),
                net.jqwik.api.Tuple.of(
                        100, Arbitraries.of("\\n", "\\\"", "\\\\", "\\u00e9", "\\/", "é", "\\t", "\\u0041")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("\\", "\"", "\\x", "\t", "\u0001"))); // not JSON
        Arbitrary<String> text = piece.list()
                .ofMinSize(12)
                .ofMaxSize(40)
                .map(l -> "PEM" + String.join("", l))
                .filter(s -> s.length() >= 200 && s.length() < 2000);
        return text.list()
                .ofMinSize(2)
                .ofMaxSize(4)
                .flatMap(pool -> line(pool).list().ofMinSize(4).ofMaxSize(12));
    }

    private static Arbitrary<String> line(List<String> pool) {
        Arbitrary<String> value = Combinators.combine(
                        Arbitraries.of(pool),
                        Arbitraries.of("", "", "", "A", "\\n", "\""),
                        Arbitraries.integers().between(0, 8))
                .as((s, tail, cut) -> (cut == 1 ? s.substring(0, s.length() - 1) : s) + tail);
        return Combinators.combine(
                        value, value, value, Arbitraries.of("", "", "", "", "", "", "", "", " x", "]", ",", "\"\\q\""))
                .as((a, b, c, damage) ->
                        "{\"id\":1,\"chain\":[\"" + a + "\",\"" + b + "\"],\"anchors\":[\"" + c + "\"]" + damage + "}");
    }
}
