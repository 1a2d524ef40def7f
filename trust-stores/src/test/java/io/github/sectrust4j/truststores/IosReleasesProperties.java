package io.github.sectrust4j.truststores;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class IosReleasesProperties {

    @Property(tries = 2000)
    void anyStringEitherResolvesToABundledVersionOrIsAnIllegalArgument(@ForAll("releaseLike") String s) {
        Statistics.coverage(c -> {
            c.check("resolved").count(n -> n > 0);
            c.check("refused").count(n -> n > 0);
        });
        try {
            IosReleaseRow r = IosReleases.resolve(s);
            Statistics.collect("resolved");
            assertThat(IosReleases.all()).contains(r);
        } catch (IllegalArgumentException expected) {
            Statistics.collect("refused");
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    /** A leading space sends the string down the regex path: the plain fast path must agree with it. */
    @Property(tries = 2000)
    void plainFastPath_parsesExactlyAsTheRegex(@ForAll("digitsAndDots") String s) {
        int[] viaRegex;
        try {
            viaRegex = IosReleases.parse(" " + s);
        } catch (IllegalArgumentException e) {
            viaRegex = null;
        }
        Statistics.collect(viaRegex == null ? "refused" : "parsed");
        Statistics.coverage(c -> {
            c.check("refused").count(n -> n > 0);
            c.check("parsed").count(n -> n > 0);
        });
        if (viaRegex == null) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> IosReleases.parse(s));
        } else {
            assertThat(IosReleases.parse(s)).containsExactly(viaRegex);
        }
    }

    @Provide
    Arbitrary<String> digitsAndDots() {
        return Arbitraries.strings().withChars("0123456789....").ofMinLength(0).ofMaxLength(16);
    }

    @Property(tries = 1000)
    void resolutionIsMonotonic(@ForAll("numericRelease") String a, @ForAll("numericRelease") String b) {
        Statistics.coverage(c -> {
            c.check("resolved").count(n -> n > 0);
            c.check("below the range").count(n -> n > 0);
        });
        int[] pa = IosReleases.parse(a);
        int[] pb = IosReleases.parse(b);
        int cmp = java.util.Arrays.compare(pa, pb);
        try {
            int va = IosReleases.trustStoreVersionFor(a);
            int vb = IosReleases.trustStoreVersionFor(b);
            Statistics.collect("resolved");
            if (cmp <= 0) {
                assertThat(va).isLessThanOrEqualTo(vb);
            }
        } catch (IllegalArgumentException belowRange) {
            Statistics.collect("below the range");
            assertThat(IosReleases.parse(cmp <= 0 ? a : b)[0]).isLessThanOrEqualTo(8);
        }
    }

    @Provide
    Arbitrary<String> releaseLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789. iOSx-,").ofMaxLength(16),
                Arbitraries.strings().ofMaxLength(40),
                numericRelease());
    }

    @Provide
    Arbitrary<String> numericRelease() {
        Arbitrary<Integer> part = Arbitraries.integers().between(0, 40);
        return Arbitraries.oneOf(
                part.map(String::valueOf),
                net.jqwik.api.Combinators.combine(part, part).as((x, y) -> x + "." + y),
                net.jqwik.api.Combinators.combine(part, part, part).as((x, y, z) -> x + "." + y + "." + z));
    }
}
