package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The in-place decoder of PEM bodies answers exactly as {@code Base64.getDecoder()} on the body without its
 * whitespace, or leaves the body to it: never other bytes, never an answer where Base64 would fail.
 */
class PemBase64Properties {

    @Property(tries = 400)
    void encodedBytesInAnyLayout_decodeInPlace_toTheBytes(
            @ForAll @Size(min = 1, max = 300) byte[] content, @ForAll("layouts") List<Integer> breaks) {
        String body = layout(Base64.getEncoder().encodeToString(content), breaks);
        String text = "-----BEGIN CERTIFICATE-----" + body + "-----END CERTIFICATE-----";
        int from = "-----BEGIN CERTIFICATE-----".length();
        Statistics.collect(content.length % 3 == 0 ? "no padding" : content.length % 3 == 1 ? "==" : "=");
        Statistics.coverage(c -> {
            c.check("no padding").percentage(p -> p > 15);
            c.check("==").percentage(p -> p > 15);
            c.check("=").percentage(p -> p > 15);
        });

        assertThat(PemBase64.decode(text, from, from + body.length())).isEqualTo(content);
    }

    @Property(tries = 1000)
    void anyText_decodesAsBase64Would_orIsLeftToIt(@ForAll("base64ish") String body) {
        byte[] fast = PemBase64.decode(body, 0, body.length());
        byte[] exact;
        try {
            exact = Base64.getDecoder().decode(body.replaceAll("[ \t\r\n]", ""));
        } catch (IllegalArgumentException e) {
            exact = null;
        }
        Statistics.collect(fast != null ? "decoded in place" : exact != null ? "left to Base64" : "invalid");
        Statistics.coverage(c -> {
            c.check("decoded in place").percentage(p -> p > 5);
            c.check("invalid").percentage(p -> p > 5);
        });
        if (fast != null) {
            assertThat(exact).isEqualTo(fast);
        }
    }

    @Test
    void unpaddedOrEmptyOrForeignBodies_areLeftToBase64() {
        assertThat(PemBase64.decode("QUI", 0, 3)).isNull(); // Base64 accepts it unpadded: it decides
        assertThat(PemBase64.decode(" \n", 0, 2)).isNull();
        assertThat(PemBase64.decode("QU==QUJD", 0, 8)).isNull();
        assertThat(PemBase64.decode("QUJ\u0141", 0, 4)).isNull();
        assertThat(PemBase64.decode("Proc-Type: 4", 0, 12)).isNull();
        assertThat(PemBase64.decode("xQUJDx", 1, 5)).containsExactly('A', 'B', 'C');
    }

    @Provide
    Arbitrary<List<Integer>> layouts() {
        return Arbitraries.integers().between(0, 400).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> base64ish() {
        Arbitrary<String> valid = Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(40)
                .map(b -> Base64.getEncoder().encodeToString(b));
        Arbitrary<String> mutated = Combinators.combine(
                        valid,
                        Arbitraries.integers().between(0, 60),
                        Arbitraries.of('=', ' ', '\n', 'A', '-', ':', '\u00e9', '\u0141', '+', '/'))
                .as((s, at, c) -> {
                    int i = Math.min(at, s.length());
                    return s.substring(0, i) + c + s.substring(i);
                });
        Arbitrary<String> chars =
                Arbitraries.strings().withChars("AQZaz09+/= \n\r\t=-:").ofMaxLength(24);
        return Arbitraries.oneOf(valid, mutated, chars);
    }

    /** {@code encoded} with a line break or space at each position of {@code breaks} (taken modulo its length). */
    private static String layout(String encoded, List<Integer> breaks) {
        StringBuilder b = new StringBuilder(encoded);
        for (int at : breaks) {
            b.insert(at % (b.length() + 1), at % 3 == 0 ? "\r\n" : at % 3 == 1 ? "\n" : " \t");
        }
        return b.toString();
    }
}
