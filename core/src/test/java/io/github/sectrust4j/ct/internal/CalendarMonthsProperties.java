package io.github.sectrust4j.ct.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/** The calendar-month count equals the same ICU-style count done with UTC ZonedDateTimes. */
class CalendarMonthsProperties {

    @Property(tries = 2000)
    void calendarMonths_equalsTheZonedDateTimeCount(
            @ForAll @LongRange(min = -2_208_988_800L, max = 7_258_118_400L) long fromSecond,
            @ForAll @LongRange(min = -400L * 86_400, max = 4000L * 86_400) long lifetimeSeconds) {
        Statistics.collect(
                lifetimeSeconds < 0 ? "negative" : lifetimeSeconds < 400L * 86_400 ? "under 400 days" : "longer");
        Statistics.coverage(c -> {
            c.check("negative").count(n -> n > 0);
            c.check("under 400 days").count(n -> n > 0);
            c.check("longer").count(n -> n > 0);
        });
        Instant from = Instant.ofEpochSecond(fromSecond);
        Instant to = from.plusSeconds(lifetimeSeconds);
        assertThat(CtLifetimeRule.calendarMonths(from, to)).isEqualTo(zoned(from, to));
    }

    private static long zoned(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return -zoned(to, from);
        }
        ZonedDateTime start = from.atZone(ZoneOffset.UTC);
        ZonedDateTime end = to.atZone(ZoneOffset.UTC);
        long n = ChronoUnit.MONTHS.between(start, end);
        while (!start.plusMonths(n + 1).isAfter(end)) {
            n++;
        }
        while (n > 0 && start.plusMonths(n).isAfter(end)) {
            n--;
        }
        return n;
    }
}
