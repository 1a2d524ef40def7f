package io.github.sectrust4j.text;

import com.google.common.base.Ascii;

/**
 * Case-insensitive comparison of DNS names as iOS does it for names it can match: only ASCII letters
 * fold (§3.3). Presented DNS names are ASCII after Apple's DNS filter ({@code SecFrameworkIsDNSName},
 * §3.2), so a non-ASCII reference character can only equal an ASCII one under a Unicode case mapping;
 * Java's {@code equalsIgnoreCase} / {@code regionMatches(true, ...)} apply such mappings per character
 * and made {@code ınfo} (dotless ı) and {@code İnfo} equal to {@code info}, which Unicode case folding
 * (and so Core Foundation's {@code kCFCompareCaseInsensitive}) does not. Non-ASCII characters therefore
 * compare exactly here; the few characters that do fold to ASCII (Kelvin sign, long s, ligatures) are
 * refused, the safe side.
 */
public final class AsciiCase {
    private AsciiCase() {}

    /** {@code a} and {@code b} are equal with ASCII letters folded; other characters compare exactly. */
    public static boolean equals(String a, String b) {
        return Ascii.equalsIgnoreCase(a, b);
    }

    /** As {@link #equals} on {@code a[aFrom, aFrom+len)} and {@code b[bFrom, bFrom+len)}; false if out of range. */
    public static boolean regionEquals(String a, int aFrom, String b, int bFrom, int len) {
        if (aFrom < 0 || bFrom < 0 || len < 0 || aFrom + len > a.length() || bFrom + len > b.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (!charEquals(a.charAt(aFrom + i), b.charAt(bFrom + i))) {
                return false;
            }
        }
        return true;
    }

    /** One character pair: equal, or equal after folding ASCII letters. */
    public static boolean charEquals(char a, char b) {
        return a == b || Ascii.toLowerCase(a) == Ascii.toLowerCase(b);
    }

    /** True if the string holds any non-ASCII character. */
    public static boolean hasNonAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return true;
            }
        }
        return false;
    }
}
