package io.github.sectrust4j.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link IsoInstant#format} prints exactly what {@link Instant#toString()} prints, for every instant, and
 * {@link IsoInstant#write} puts the same characters in place (or declines a year outside 0000–9999).
 */
class IsoInstantProperties {
    @Property(tries = 3000)
    void format_isInstantToString(@ForAll("instants") Instant t) {
        assertThat(IsoInstant.format(t)).isEqualTo(t.toString());
        char[] c = new char[IsoInstant.MAX_WRITTEN + 7];
        int end = IsoInstant.write(t, c, 7);
        if (t.getEpochSecond() >= -62_167_219_200L && t.getEpochSecond() < 253_402_300_800L) { // 0000-9999
            assertThat(new String(c, 7, end - 7)).isEqualTo(t.toString());
        } else {
            assertThat(end).isEqualTo(-1);
        }
        int nano = t.getNano();
        String fraction = nano == 0 ? "none" : nano % 1_000_000 == 0 ? "millis" : nano % 1000 == 0 ? "micros" : "nanos";
        long s = t.getEpochSecond();
        Statistics.label("fraction").collect(fraction);
        Statistics.label("year")
                .collect(
                        s < -62_167_219_200L
                                ? "before 0"
                                : s < 0 ? "0-1969" : s < 253_402_300_800L ? "1970-9999" : "10000+");
        Statistics.label("fraction").coverage(k -> {
            k.check("none").count(n -> n > 0);
            k.check("millis").count(n -> n > 0);
            k.check("micros").count(n -> n > 0);
            k.check("nanos").count(n -> n > 0);
        });
        Statistics.label("year").coverage(k -> {
            k.check("before 0").count(n -> n > 0);
            k.check("0-1969").count(n -> n > 0);
            k.check("1970-9999").count(n -> n > 0);
            k.check("10000+").count(n -> n > 0);
        });
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                Arbitraries.longs().between(-62_167_219_200L - 86_400 * 800, 253_402_300_800L + 86_400 * 800),
                Arbitraries.longs().between(0, 4_102_444_800L),
                Arbitraries.of(-62_167_219_200L, -62_167_219_201L, 253_402_300_799L, 253_402_300_800L, 0L, -1L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 999).map(n -> n * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(n -> n * 1000),
                Arbitraries.integers().between(0, 999_999_999));
        return seconds.flatMap(s -> nanos.map(n -> Instant.ofEpochSecond(s, n)));
    }
}
