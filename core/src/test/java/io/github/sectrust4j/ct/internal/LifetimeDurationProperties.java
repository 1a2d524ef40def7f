package io.github.sectrust4j.ct.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A leaf's lifetime worked out from the instants' fields is {@code Duration.between}'s: for instants anywhere in
 * the Instant range (the extremes too), at any nanosecond, either order, near and far apart.
 */
class LifetimeDurationProperties {
    @Property(tries = 3000)
    void between_isDurationBetween(@ForAll("instants") Instant from, @ForAll("instants") Instant to) {
        Duration d = CtLifetimeRule.between(from, to);
        assertThat(d).isEqualTo(Duration.between(from, to));
        assertThat(d.getNano()).isEqualTo(Duration.between(from, to).getNano());
        Statistics.collect(
                d.isNegative() ? "negative" : d.isZero() ? "zero" : "positive",
                from.getNano() == to.getNano() ? "same nano" : from.getNano() > to.getNano() ? "borrow" : "no borrow");
        Statistics.coverage(c -> {
            for (String sign : new String[] {"negative", "positive"}) {
                c.check(sign, "borrow").count(n -> n > 0);
                c.check(sign, "no borrow").count(n -> n > 0);
            }
            c.check("zero", "same nano").count(n -> n > 0);
        });
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        3, Arbitraries.longs().between(1_500_000_000L, 1_500_000_100L)), // close: same second often
                net.jqwik.api.Tuple.of(
                        3, Arbitraries.longs().between(-2_208_988_800L, 7_258_118_400L)), // leaf-like dates
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(
                Arbitraries.of(0, 999_999_999, 500_000_000),
                Arbitraries.integers().between(0, 999_999_999));
        return net.jqwik.api.Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }
}
