package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §5.1 time parsing, following Apple's SecAbsoluteTimeFromDateContentWithError. */
class X509TimeTest {

    static Instant utc(String s) {
        return X509Time.parse(X509Time.UTC_TIME, s.getBytes(StandardCharsets.US_ASCII));
    }

    static Instant gen(String s) {
        return X509Time.parse(X509Time.GENERALIZED_TIME, s.getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @CsvSource({
        "250101000000Z, 2025-01-01T00:00:00Z",
        "2501011200Z, 2025-01-01T12:00:00Z",
        "491231235959Z, 2049-12-31T23:59:59Z",
        "700101000000Z, 1970-01-01T00:00:00Z",
        "991231235959Z, 1999-12-31T23:59:59Z",
        "300101120000+0130, 2030-01-01T10:30:00Z",
        "300101120000-0200, 2030-01-01T14:00:00Z",
        "240229000000Z, 2024-02-29T00:00:00Z",
        "161231235960Z, 2017-01-01T00:00:00Z"
    })
    void utcTimeForms(String text, String expected) {
        assertThat(utc(text)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void utcYears50to69_yieldAppleAbsoluteTimeZero() {
        assertThat(utc("500101000000Z")).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
        assertThat(utc("691231235959Z")).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
    }

    @Test
    void generalizedTimeForms() {
        assertThat(gen("20500101000000Z")).isEqualTo(Instant.parse("2050-01-01T00:00:00Z"));
        assertThat(gen("19500101000000Z")).isEqualTo(Instant.parse("1950-01-01T00:00:00Z"));
        assertThat(gen("99991231235959Z")).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(gen("20500101000000+0100")).isEqualTo(Instant.parse("2049-12-31T23:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({
        "23, 20500101000000.5Z, fractional seconds",
        "23, 300101000000, unsupported length",
        "23, 3001010000+0100, length of a GeneralizedTime",
        "24, 205001010000Z, length of a UTCTime",
        "23, 20500101000000Z, length of a GeneralizedTime",
        "24, 250101000000Z, length of a UTCTime",
        "23, 250230000000Z, not a valid date",
        "23, 230229000000Z, not a valid date",
        "23, 250101240000Z, not a valid date",
        "23, 2501010000a0Z, unexpected character at position 11",
        "23, 25010100000+Z, unexpected character"
    })
    void rejectedForms(int tag, String text, String message) {
        assertThatThrownBy(() -> X509Time.parse(tag, text.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(Der.ParseProblem.class)
                .hasMessageContaining(message);
    }

    @Property(tries = 300)
    void anySecondBetween1970And2049_roundTripsThroughUtcTime(
            @ForAll @LongRange(min = 0, max = 2524607999L) long epochSecond) {
        Statistics.collect(epochSecond < 946_684_800L ? "19xx" : "20xx"); // UTCTime's two-digit year, both centuries
        Statistics.coverage(c -> {
            c.check("19xx").count(n -> n > 0);
            c.check("20xx").count(n -> n > 0);
        });
        Instant t = Instant.ofEpochSecond(epochSecond);
        String text = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(t);
        assertThat(utc(text)).isEqualTo(t);
        String g = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(t);
        assertThat(gen(g)).isEqualTo(t);
    }
}
