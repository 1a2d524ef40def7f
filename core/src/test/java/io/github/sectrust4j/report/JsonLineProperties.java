package io.github.sectrust4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link JsonLine} writes the characters Jackson's generator writes for the same calls (the batch output's bytes
 * are those characters encoded): values of every kind, nested, with names and strings holding what needs escaping,
 * Latin-1 and other characters, and surrogates paired or alone; instants of any year; other numbers through the
 * codec; and a line far longer than the kept buffer.
 */
class JsonLineProperties {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Property(tries = 1000)
    void sameTextAsJacksonsGenerator(@ForAll("values") Object value) throws Exception {
        StringWriter expected = new StringWriter();
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(expected)) {
            write(value, JsonOut.of(g));
        }
        JsonLine line = new JsonLine(MAPPER);
        write(value, line);
        assertThat(line.take()).isEqualTo(expected.toString());

        String text = expected.toString();
        Statistics.label("text")
                .collect(
                        text.contains("\\u00") ? "control escape" : "no control escape",
                        text.chars().anyMatch(ch -> Character.isSurrogate((char) ch))
                                ? "surrogate"
                                : text.chars().anyMatch(ch -> ch > 0xff) ? "beyond Latin-1" : "Latin-1");
        Statistics.label("text").coverage(k -> {
            k.check("control escape", "surrogate").count(n -> n > 0);
            k.check("no control escape", "Latin-1").count(n -> n > 0);
            k.check("control escape", "beyond Latin-1").count(n -> n > 0);
        });
        Statistics.label("size").collect(text.length() > 16_384 ? "long" : "short");
        Statistics.label("size").coverage(k -> k.check("long").count(n -> n > 0));
    }

    /** The value through the calls JsonReport makes: maps as objects, lists as arrays. */
    private static void write(Object v, JsonOut out) throws Exception {
        if (v instanceof Map<?, ?> m) {
            out.startObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.name((String) e.getKey());
                write(e.getValue(), out);
            }
            out.endObject();
        } else if (v instanceof List<?> l) {
            out.startArray();
            for (Object o : l) {
                write(o, out);
            }
            out.endArray();
        } else if (v instanceof String s) {
            out.string(s);
        } else if (v instanceof Integer i) {
            out.number(i.intValue());
        } else if (v instanceof Long l) {
            out.number(l.longValue());
        } else if (v instanceof Boolean b) {
            out.bool(b);
        } else if (v == null) {
            out.nullValue();
        } else if (v instanceof Instant t) {
            out.instant(t);
        } else {
            out.object(v);
        }
    }

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40),
                Arbitraries.strings()
                        .withChars('"', '\\', '/', '\n', '\t', '\b', '\f', '\r', '\u0000', '\u001f', '\u007f', 'a')
                        .withChars('é', '§', '\u2028', '\u20ac', '\ud83d', '\ude00', '\ud800', '\udfff')
                        .ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(20));
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                text.map(s -> s),
                Arbitraries.integers().map(i -> i),
                Arbitraries.longs().map(l -> l),
                Arbitraries.of(true, false).map(b -> b),
                Arbitraries.just(null),
                Arbitraries.longs()
                        .between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                        .flatMap(s -> Arbitraries.integers()
                                .between(0, 999_999_999)
                                .map(n -> Instant.ofEpochSecond(s, n % 7 == 0 ? 0 : n))),
                Arbitraries.longs().between(0, 4_102_444_800L).map(Instant::ofEpochSecond),
                Arbitraries.of(
                        1.5,
                        -0.0,
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        0.1f,
                        BigInteger.TWO.pow(80),
                        new BigDecimal("1E+3"),
                        (short) -3,
                        (byte) 7));
        Arbitrary<Object> nested = Arbitraries.recursive(
                () -> leaf,
                inner -> Arbitraries.oneOf(
                        Arbitraries.maps(text, inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m)),
                        inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l))),
                0,
                3);
        // past the kept buffer (16K characters): the line grows, and the next line starts afresh
        Arbitrary<Object> longLine = Arbitraries.strings()
                .withChars('a', 'b', '"', '\n', 'é', '\u20ac')
                .ofMinLength(17_000)
                .ofMaxLength(20_000)
                .map(t -> (Object) List.of(t, "after"));
        return Arbitraries.frequencyOf(Tuple.of(9, nested), Tuple.of(1, longLine));
    }
}
