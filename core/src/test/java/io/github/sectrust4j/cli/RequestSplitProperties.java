package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The split of a line around its id without a parser (a short plain string id first) is the parser's split: the
 * same rest, the same id node, and no split where the parser makes none.
 */
class RequestSplitProperties {

    @Property(tries = 1000)
    void split_isTheParsersSplit(@ForAll("lines") String line) {
        RepeatedRequests.Split split = RepeatedRequests.split(line);
        RepeatedRequests.Split parsed = RepeatedRequests.parsedSplit(line);
        Statistics.collect(parsed == null ? "no split" : parsed.id().isTextual() ? "string id" : "other split");
        Statistics.coverage(c -> {
            c.check("string id").percentage(p -> p > 30);
            c.check("no split").percentage(p -> p > 5);
            c.check("other split").percentage(p -> p > 5);
        });

        if (parsed == null) {
            assertThat(split).isNull();
            return;
        }
        assertThat(split).isNotNull();
        assertThat(split.rest()).isEqualTo(parsed.rest());
        assertThat(split.id()).isEqualTo(parsed.id());
        assertThat(split.sampledHash()).isEqualTo(parsed.sampledHash());
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> plainIds =
                Arbitraries.strings().withChars("abcXYZ019-_.:").ofMaxLength(70).map(s -> "\"" + s + "\"");
        Arbitrary<String> otherIds = Arbitraries.of(
                "\"a\\\"b\"",
                "\"\\u0041\"",
                "\"é\"",
                "\"a b\"",
                "7",
                "-0",
                "1e2",
                "true",
                "null",
                "[1]",
                "{\"k\":1}",
                "\"unterminated",
                "\"a\"\"b\"",
                "\"" + "x".repeat(65) + "\"");
        Arbitrary<String> ids = Arbitraries.oneOf(plainIds, plainIds, otherIds);
        Arbitrary<String> rests = Arbitraries.of(
                ",\"chain\":[\"c\"],\"at\":\"2025-01-01T00:00:00Z\"}",
                "}",
                ",\"id\":\"again\"}",
                "",
                " ,\"x\":[",
                "garbage");
        Arbitrary<String> starts =
                Arbitraries.of("{\"id\":", "{\"id\":", "{\"id\":", "{ \"id\":", "{\"id\" :", "[\"id\":");
        return Combinators.combine(starts, ids, rests).as((s, id, rest) -> s + id + rest);
    }
}
