package io.github.sectrust4j.truststores;

/** Hex helpers; upper case like Apple's file names. */
final class Hex {
    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {}

    static String encode(byte[] b) {
        char[] c = new char[b.length * 2];
        for (int i = 0; i < b.length; i++) {
            c[2 * i] = DIGITS[(b[i] >> 4) & 0xF];
            c[2 * i + 1] = DIGITS[b[i] & 0xF];
        }
        return new String(c);
    }

    /** Decodes hex, ignoring ':' and whitespace separators; IllegalArgumentException on anything else. */
    static byte[] decode(String s) {
        if (s == null) {
            throw new IllegalArgumentException("hex string is null");
        }
        StringBuilder clean = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ':' || Character.isWhitespace(ch)) {
                continue;
            }
            if (Character.digit(ch, 16) < 0) {
                throw new IllegalArgumentException("not a hex string: " + abbreviate(s));
            }
            clean.append(ch);
        }
        if (clean.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + abbreviate(s));
        }
        byte[] out = new byte[clean.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(clean.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
