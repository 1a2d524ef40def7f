package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.CertificateInputException;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A PEM body decoded in place from its text gives what the body copied without whitespace and handed to
 * {@code Base64.getDecoder()} as a string gave before: the same bytes, or the same message.
 */
class PemBodyDecodingProperties {

    @Property(tries = 1000)
    void inPlace_equalsTheCopiedBodyDecodedAsAString(@ForAll("bodies") String body) {
        String text = "-----BEGIN CERTIFICATE-----" + body + "-----END CERTIFICATE-----";
        int from = "-----BEGIN CERTIFICATE-----".length();
        String expected = outcome(() -> copiedAndDecoded(body));
        String actual = outcome(() -> CertificateInput.decodeBase64(text, from, from + body.length(), 1, "chain[1]"));
        Statistics.collect(expected.startsWith("bytes") ? "decoded" : "refused");
        Statistics.coverage(c -> {
            c.check("decoded").percentage(p -> p > 20);
            c.check("refused").percentage(p -> p > 20);
        });
        // the direct decoding of plain bodies (alphabet and whitespace, whole units) takes most valid ones
        boolean plain = CertificateInput.plainBase64(text, from, from + body.length()) != null;
        Statistics.label("plain").collect(plain);
        Statistics.label("plain").coverage(c -> {
            c.check(true).percentage(p -> p > 20);
            c.check(false).percentage(p -> p > 20);
        });
        if (plain) {
            assertThat(expected).startsWith("bytes");
        }

        assertThat(actual).isEqualTo(expected);
    }

    /** A character beyond U+FFFF is one '?' to ISO-8859-1, whitespace between its halves included (review F1). */
    @Example
    void surrogatePairs_countAsOneCharacterLikeTheStrippedCopy() {
        for (String body : List.of(
                "\ud83d\ude00",
                "\n\ud83d\ude00\n",
                "\ud83d \ude00",
                "\ud83d",
                "\ude00\ud83d",
                "QQ\ud83d\ude00QQ",
                "QQ\ud83d\ud83d\ude00Q",
                "QUJD\ud83d\ude00")) {
            String text = "-----BEGIN CERTIFICATE-----" + body + "-----END CERTIFICATE-----";
            int from = "-----BEGIN CERTIFICATE-----".length();
            assertThat(outcome(() -> CertificateInput.decodeBase64(text, from, from + body.length(), 1, "chain[1]")))
                    .as(body)
                    .isEqualTo(outcome(() -> copiedAndDecoded(body)));
        }
    }

    /** The decoding as it was: a stripped copy of the body, then Base64 on the string. */
    private static byte[] copiedAndDecoded(String body) {
        StringBuilder b = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            if (c == ':') {
                String reason = "bad base64: PEM headers (e.g. Proc-Type) are not supported";
                throw new CertificateInputException(1, reason, "chain[1] is not a certificate: " + reason);
            }
            b.append(c);
        }
        if (b.length() == 0) {
            throw new CertificateInputException(
                    1, "PEM block is empty", "chain[1] is not a certificate: PEM block is empty");
        }
        try {
            return Base64.getDecoder().decode(b.toString());
        } catch (IllegalArgumentException e) {
            String reason = "bad base64 (" + e.getMessage() + ")";
            throw new CertificateInputException(1, reason, "chain[1] is not a certificate: " + reason);
        }
    }

    private static String outcome(java.util.function.Supplier<byte[]> decode) {
        try {
            return "bytes " + Base64.getEncoder().encodeToString(decode.get());
        } catch (CertificateInputException e) {
            return "error " + e.index() + " " + e.reason() + " / " + e.getMessage();
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> valid = Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(60)
                .map(b -> Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(b));
        Arbitrary<String> mutated = Combinators.combine(
                        valid,
                        Arbitraries.integers().between(0, 90),
                        Arbitraries.of(
                                '=', ' ', '\t', '\r', 'A', '-', ':', '\u00e9', '\u0141', '?', '+', '/', '_', '\ud83d',
                                '\ude00', '\u013d', '\u010a', '\u0c41'))
                .as((s, at, c) -> {
                    int i = Math.min(at, s.length());
                    return s.substring(0, i) + c + s.substring(i);
                });
        Arbitrary<String> chars = Arbitraries.strings()
                .withChars("AQZaz09+/= \n\r\t=-:\u00ff\u0100\ud83d\ude00\u0141\u012b\u013d\u010a\u0220")
                .ofMaxLength(24);
        return Arbitraries.oneOf(valid, mutated, chars);
    }
}
