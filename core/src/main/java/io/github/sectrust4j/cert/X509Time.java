package io.github.sectrust4j.cert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses the contents of UTCTime / GeneralizedTime exactly as Apple's
 * SecAbsoluteTimeFromDateContentWithError does (§5.1). Accepted forms, by length:
 * <ul>
 * <li>UTCTime {@code YYMMDDhhmmZ} (no seconds), {@code YYMMDDhhmmssZ}, {@code YYMMDDhhmmss±hhmm}</li>
 * <li>GeneralizedTime {@code YYYYMMDDhhmmssZ}, {@code YYYYMMDDhhmmss±hhmm}</li>
 * </ul>
 * Anything else (fractional seconds, missing zone, GeneralizedTime without seconds) makes the
 * certificate unparseable. Dates are range-checked (leap years; second 60 allowed), the offset
 * is not. UTCTime years 00–49 are 20xx and 70–99 are 19xx; for 50–69 Apple's code returns
 * absolute time 0, i.e. 2001-01-01T00:00:00Z, without an error — reproduced here (the spec's
 * "50–99 → 19xx" is the intent; the code is what runs).
 */
final class X509Time {
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    /** Apple's absolute-time origin, returned for UTCTime years 50–69. */
    static final Instant APPLE_EPOCH = Instant.parse("2001-01-01T00:00:00Z");

    private X509Time() {}

    static Instant parse(int tag, byte[] c) {
        String kind = tag == UTC_TIME ? "UTCTime" : tag == GENERALIZED_TIME ? "GeneralizedTime" : null;
        if (kind == null) {
            throw new Der.ParseProblem("validity time has ASN.1 tag 0x" + Integer.toHexString(tag)
                    + ", expected UTCTime or GeneralizedTime");
        }
        String s = new String(c, StandardCharsets.ISO_8859_1);
        if (s.indexOf('.') >= 0 || s.indexOf(',') >= 0) {
            throw bad(kind, s, "has fractional seconds, which iOS does not accept (§5.1)");
        }
        int n = c.length;
        boolean utcLength;
        boolean localized = false;
        boolean noSeconds = false;
        switch (n) {
            case 11 -> {
                utcLength = true;
                noSeconds = true;
            }
            case 13 -> utcLength = true;
            case 15 -> utcLength = false;
            case 17 -> {
                utcLength = true;
                localized = true;
            }
            case 19 -> {
                utcLength = false;
                localized = true;
            }
            default ->
                throw bad(
                        kind,
                        s,
                        "has an unsupported length " + n + " (iOS accepts "
                                + (tag == UTC_TIME
                                        ? "YYMMDDhhmm[ss]Z or YYMMDDhhmmss±hhmm"
                                        : "YYYYMMDDhhmmssZ or YYYYMMDDhhmmss±hhmm")
                                + ")");
        }
        if ((tag == UTC_TIME) != utcLength) {
            throw bad(kind, s, "has the length of a " + (utcLength ? "UTCTime" : "GeneralizedTime"));
        }
        for (int i = 0; i < n; i++) {
            byte b = c[i];
            if (b >= '0' && b <= '9') {
                continue;
            }
            if ((localized && i == n - 5 && (b == '+' || b == '-')) || (!localized && i == n - 1 && b == 'Z')) {
                continue;
            }
            throw bad(kind, s, "has an unexpected character at position " + (i + 1));
        }
        int p = 0;
        int year;
        if (utcLength) {
            year = pair(c, p);
            p += 2;
            if (year < 50) {
                year += 2000;
            } else if (year < 70) {
                return APPLE_EPOCH;
            } else {
                year += 1900;
            }
        } else {
            year = 100 * pair(c, 0) + pair(c, 2);
            p += 4;
        }
        int month = pair(c, p);
        int day = pair(c, p + 2);
        int hour = pair(c, p + 4);
        int minute = pair(c, p + 6);
        p += 8;
        int second = 0;
        if (!noSeconds) {
            second = pair(c, p);
            p += 2;
        }
        long offsetSeconds = 0;
        if (localized) {
            int sign = c[p] == '+' ? 1 : -1;
            offsetSeconds = sign * 60L * (pair(c, p + 1) * 60L + pair(c, p + 3));
        }
        boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        int[] monthDays = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (month < 1
                || month > 12
                || day < 1
                || day > monthDays[month - 1]
                || hour > 23
                || minute > 59
                || second > 60) {
            throw bad(kind, s, "is not a valid date/time");
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds);
    }

    private static int pair(byte[] c, int i) {
        return 10 * (c[i] - '0') + (c[i + 1] - '0');
    }

    private static Der.ParseProblem bad(String kind, String s, String why) {
        return new Der.ParseProblem(kind + " \"" + printable(s) + "\" " + why);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(ch >= 0x20 && ch < 0x7f ? ch : '?');
        }
        return b.length() > 40 ? b.substring(0, 40) + "…" : b.toString();
    }
}
