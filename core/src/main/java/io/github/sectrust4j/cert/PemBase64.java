package io.github.sectrust4j.cert;

/**
 * Decodes the base64 of a PEM body straight from the text it sits in (no copy of the body, no string without
 * its line breaks), for the plain shape every encoder writes: base64 alphabet characters split by whitespace
 * (space, tab, CR, LF), a multiple of four of them, with at most two {@code =} at the very end. Anything else
 * gets {@code null}, and the caller decodes with {@link java.util.Base64} as before, for the same bytes or the
 * same error message. Where it answers, the bytes are those of {@code Base64.getDecoder()} on the body without
 * its whitespace.
 */
final class PemBase64 {
    /** Value of each base64 character; -1 for any other. */
    private static final byte[] VALUE = new byte[128];

    static {
        java.util.Arrays.fill(VALUE, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUE[alphabet.charAt(i)] = (byte) i;
        }
    }

    private PemBase64() {}

    /** The bytes {@code text[from, to)} encodes, or null when it is not of the plain shape. */
    static byte[] decode(String text, int from, int to) {
        int symbols = 0; // alphabet characters
        int padding = 0; // '=' after the last of them
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            if (c == '=') {
                padding++;
            } else if (c < 128 && VALUE[c] >= 0 && padding == 0) {
                symbols++;
            } else {
                return null; // not base64, or a character after '=': the exact error is Base64's
            }
        }
        if (symbols == 0 || padding > 2 || (symbols + padding) % 4 != 0) {
            return null;
        }
        int tail = symbols % 4; // 0, or 2 or 3 characters in the padded last unit
        if (tail == 1 || (tail == 0) != (padding == 0)) {
            return null;
        }
        byte[] out = new byte[symbols / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
        int bits = 0;
        int held = 0;
        int o = 0;
        for (int i = from; o < out.length; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            bits = bits << 6 | VALUE[c];
            if (++held == 4) {
                out[o++] = (byte) (bits >> 16);
                out[o++] = (byte) (bits >> 8);
                out[o++] = (byte) bits;
                bits = 0;
                held = 0;
            } else if (o + held - 1 == out.length && held > 1) {
                // the padded last unit: its leading bytes; the bits left over are ignored, as Base64 does
                bits <<= 6 * (4 - held);
                out[o++] = (byte) (bits >> 16);
                if (held == 3) {
                    out[o++] = (byte) (bits >> 8);
                }
            }
        }
        return out;
    }
}
