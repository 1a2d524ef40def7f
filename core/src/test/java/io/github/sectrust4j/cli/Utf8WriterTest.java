package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** stdout's writer: the bytes of an {@code OutputStreamWriter}, whatever is written and however. */
class Utf8WriterTest {
    /** One call on a writer: its text, how it is passed, and whether a flush follows. */
    record Call(String text, int how, boolean flush) {
        void on(Writer w) throws IOException {
            switch (how) {
                case 0 -> w.write(text);
                case 1 -> w.write(text.toCharArray());
                case 2 -> { // a piece of a longer string
                    String around = "<" + text + ">";
                    w.write(around, 1, text.length());
                }
                default ->
                    text.chars().forEach(c -> {
                        try {
                            w.write(c);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            }
            if (flush) {
                w.flush();
            }
        }
    }

    /** Text of every kind: ASCII, Latin-1 ({@code §}), the BMP, surrogate pairs and lone surrogates. */
    @Provide
    Arbitrary<List<Call>> calls() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(80),
                Arbitraries.strings().withChars("ab§é\u00ff\u0100€\n\"?").ofMaxLength(80),
                Arbitraries.strings().withChars("a§€\ud83d\ude00\ud800\udfff").ofMaxLength(60));
        Arbitrary<String> text =
                piece.list().ofMaxSize(4).map(l -> String.join("", l)); // ASCII runs around other characters
        return Combinators.combine(
                        text, Arbitraries.integers().between(0, 3), Arbitraries.of(true, false, false, false))
                .as(Call::new)
                .list()
                .ofMaxSize(12);
    }

    @Property(tries = 1000)
    void writesTheBytesOfAnOutputStreamWriter(
            @ForAll("calls") List<Call> calls, @ForAll @IntRange(min = 16, max = 200) int size) throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream actual = new ByteArrayOutputStream();
        Writer reference = new OutputStreamWriter(expected, StandardCharsets.UTF_8);
        Writer writer = new Utf8Writer(actual, size);
        boolean bulk = false;
        for (Call call : calls) {
            call.on(reference);
            call.on(writer);
            bulk |= call.text().length() >= 32 && call.how() == 0;
            if (call.flush()) {
                assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
            }
        }
        String all = calls.stream().map(Call::text).reduce("", String::concat);
        Statistics.label("kind")
                .collect(
                        all.chars().anyMatch(c -> Character.isSurrogate((char) c))
                                ? "surrogates"
                                : all.chars().anyMatch(c -> c > 0xff) ? "beyond Latin-1" : "Latin-1");
        Statistics.label("kind").coverage(c -> {
            c.check("surrogates").count(n -> n > 0);
            c.check("beyond Latin-1").count(n -> n > 0);
            c.check("Latin-1").count(n -> n > 0);
        });
        Statistics.label("bulk").collect(bulk ? "a bulk write" : "none");
        Statistics.label("bulk").coverage(c -> c.check("a bulk write").count(n -> n > 0));
        reference.close();
        writer.close();
        assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
    }

    /** A write longer than the writer converts at a time, a surrogate pair or a § across each piece's end. */
    @Test
    void writesLongerThanOnePiece_likeAnOutputStreamWriter() throws IOException {
        for (int before = 8185; before <= 8193; before++) {
            for (String across : List.of("\ud83d\ude00", "§", "€", "\ud800")) {
                String text = "a".repeat(before) + across + "§x".repeat(5000) + "b".repeat(before);
                ByteArrayOutputStream expected = new ByteArrayOutputStream();
                ByteArrayOutputStream actual = new ByteArrayOutputStream();
                try (Writer reference = new OutputStreamWriter(expected, StandardCharsets.UTF_8);
                        Writer writer = new Utf8Writer(actual, 1 << 16)) {
                    reference.write(text);
                    writer.write(text);
                }
                assertThat(actual.toByteArray()).as("%d + %s", before, across).isEqualTo(expected.toByteArray());
            }
        }
    }

    @Test
    void aLineLongerThanTheBuffer_throughAPrintWriter() {
        String line = "{\"section\":\"§8.3\"," + "x".repeat(300) + "§".repeat(50) + "}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintWriter w = new PrintWriter(new Utf8Writer(out, 64));
        w.print(line);
        w.print('\n');
        w.flush();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(line + "\n");
        assertThat(out.size()).isEqualTo(line.length() + 1 + 51); // each § is two bytes
    }
}
