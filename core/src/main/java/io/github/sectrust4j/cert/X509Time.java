package io.github.sectrust4j.cert;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Parses the contents of UTCTime / GeneralizedTime the way Apple's certificate parser does (§5.1):
 * UTCTime years 00–49 are 20xx, 50–99 are 19xx; seconds may be omitted; the zone may be "Z" or a
 * ±hhmm offset; fractional seconds make the certificate unparseable.
 */
final class X509Time {
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;

    private X509Time() {
    }

    static Instant parse(int tag, byte[] contents) {
        String s = new String(contents, StandardCharsets.ISO_8859_1);
        String kind = tag == UTC_TIME ? "UTCTime" : "GeneralizedTime";
        if (tag != UTC_TIME && tag != GENERALIZED_TIME) {
            throw new Der.ParseProblem("validity time has ASN.1 tag 0x" + Integer.toHexString(tag)
                    + ", expected UTCTime or GeneralizedTime");
        }
        if (s.indexOf('.') >= 0 || s.indexOf(',') >= 0) {
            throw new Der.ParseProblem(kind + " \"" + printable(s) + "\" has fractional seconds, which iOS does not accept (§5.1)");
        }
        int yearDigits = tag == UTC_TIME ? 2 : 4;
        int p = 0;
        try {
            int year = digits(s, p, yearDigits);
            p += yearDigits;
            if (tag == UTC_TIME) {
                year += year < 50 ? 2000 : 1900;
            }
            int month = digits(s, p, 2);
            int day = digits(s, p + 2, 2);
            int hour = digits(s, p + 4, 2);
            int minute = digits(s, p + 6, 2);
            p += 8;
            int second = 0;
            if (p + 2 <= s.length() && isDigit(s.charAt(p)) && isDigit(s.charAt(p + 1))) {
                second = digits(s, p, 2);
                p += 2;
            }
            ZoneOffset offset;
            if (p < s.length() && s.charAt(p) == 'Z' && p + 1 == s.length()) {
                offset = ZoneOffset.UTC;
            } else if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-') && p + 5 == s.length()) {
                int oh = digits(s, p + 1, 2);
                int om = digits(s, p + 3, 2);
                int sign = s.charAt(p) == '-' ? -1 : 1;
                offset = ZoneOffset.ofHoursMinutes(sign * oh, sign * om);
            } else {
                throw new Der.ParseProblem(kind + " \"" + printable(s) + "\" has no valid time zone (Z or ±hhmm)");
            }
            if (hour == 24 || second == 60) {
                // 24:00 and leap seconds are not accepted by java.time; treat as unparseable (rare, documented)
                throw new Der.ParseProblem(kind + " \"" + printable(s) + "\" is not a valid date/time");
            }
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(offset);
        } catch (DateTimeException | IndexOutOfBoundsException | NumberFormatException e) {
            throw new Der.ParseProblem(kind + " \"" + printable(s) + "\" is not a valid date/time");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                throw new NumberFormatException();
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.length() > 40 ? b.substring(0, 40) + "…" : b.toString();
    }
}
