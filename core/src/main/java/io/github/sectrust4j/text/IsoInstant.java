package io.github.sectrust4j.text;

import java.time.Instant;

/**
 * {@link Instant#toString()} (ISO-8601, {@code DateTimeFormatter.ISO_INSTANT}) without the formatter's
 * intermediate objects: reports print several instants per evaluation (SCT timestamps, issuance time, log
 * list dates). Same characters as {@code Instant.toString()} for every instant; years outside 0000–9999 are
 * left to it.
 */
public final class IsoInstant {
    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z in epoch seconds. */
    private static final long MIN_FAST = -62_167_219_200L;

    private static final long MAX_FAST = 253_402_300_800L;

    private IsoInstant() {}

    /** Characters {@link #write} needs at most. */
    public static final int MAX_WRITTEN = 30;

    /** The text {@code t.toString()} gives. */
    public static String format(Instant t) {
        char[] c = new char[MAX_WRITTEN];
        int end = write(t, c, 0);
        return end < 0 ? t.toString() : new String(c, 0, end);
    }

    /**
     * Writes the text of {@link #format} into {@code c} from {@code at} (room for {@link #MAX_WRITTEN} characters
     * needed) without making a String: where it ends, or -1 (nothing written) for a year outside 0000–9999.
     */
    public static int write(Instant t, char[] c, int at) {
        long seconds = t.getEpochSecond();
        if (seconds < MIN_FAST || seconds >= MAX_FAST) {
            return -1;
        }
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // civil date from days since 1970-01-01 (proleptic Gregorian, as LocalDate.ofEpochDay)
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        int nano = t.getNano();
        digits(c, at, year, 4);
        c[at + 4] = '-';
        digits(c, at + 5, month, 2);
        c[at + 7] = '-';
        digits(c, at + 8, day, 2);
        c[at + 10] = 'T';
        digits(c, at + 11, secondOfDay / 3600, 2);
        c[at + 13] = ':';
        digits(c, at + 14, secondOfDay / 60 % 60, 2);
        c[at + 16] = ':';
        digits(c, at + 17, secondOfDay % 60, 2);
        int end = at + 19;
        if (nano != 0) {
            c[end++] = '.';
            int width = nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
            digits(c, end, nano / pow10(9 - width), width);
            end += width;
        }
        c[end++] = 'Z';
        return end;
    }

    private static int pow10(int n) {
        int p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
