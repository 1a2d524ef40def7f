package io.github.sectrust4j.policy.names;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The in-place label walk decides exactly like splitting both names on dots and comparing label by label. */
class LabelMatcherProperties {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings()
                .withChars("aAbB.*-xXé\u0130\u0131kK\u212a")
                .ofMinLength(0)
                .ofMaxLength(14);
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of(
                "example.com",
                "www.example.com",
                "a.b.example.co.uk",
                "foo.github.io",
                "*.com",
                ".example.com",
                "x.y.z.",
                "WWW.Example.COM",
                "a..b",
                "b.kK.a");
    }

    @Property(tries = 3000)
    void matchEqualsTheSplitReference(@ForAll("names") String r, @ForAll("names") String p) {
        Statistics.collect(LabelMatcher.match(r, p, false).matched() ? "match" : "no match");
        Statistics.coverage(c -> c.check("no match").count(n -> n > 0));
        assertSame(r, p);
    }

    @Property(tries = 2000)
    void matchEqualsTheSplitReference_onHostLikeNames(
            @ForAll("hosts") String r, @ForAll("names") String prefix, @ForAll("hosts") String p) {
        Statistics.collect(
                LabelMatcher.match(prefix + "." + r, "*." + r, true).matched() ? "wildcard match" : "wildcard refused");
        Statistics.coverage(c -> {
            c.check("wildcard match").count(n -> n > 0);
            c.check("wildcard refused").count(n -> n > 0);
        });
        assertSame(r, p);
        assertSame(prefix + "." + r, "*." + r);
        assertSame(r, prefix + p);
    }

    private static void assertSame(String r, String p) {
        for (boolean pst : new boolean[] {false, true}) {
            assertThat(LabelMatcher.match(r, p, pst))
                    .as("%s vs %s (%s)", r, p, pst)
                    .isEqualTo(splitReference(r, p, pst));
        }
    }

    /** The former implementation (String.split), kept as the reference. */
    private static LabelMatcher.Outcome splitReference(String r, String p, boolean publicSuffixTest) {
        if (r.isEmpty()) {
            return LabelMatcher.Outcome.NO;
        }
        r = LabelMatcher.normalizeReference(r);
        String[] rl = r.split("\\.", -1);
        String[] pl = p.split("\\.", -1);
        if (rl.length != pl.length) {
            return LabelMatcher.Outcome.NO;
        }
        PublicSuffixTest.Verdict verdict = null;
        for (int i = pl.length - 1; i >= 0; i--) {
            String label = pl[i];
            if (label.equals("*")) {
                if (i != 0 || pl.length < 3) {
                    return LabelMatcher.Outcome.NO;
                }
                if (publicSuffixTest) {
                    verdict = PublicSuffixTest.classify(p.substring(2));
                    if (verdict.refusesWildcard()) {
                        return new LabelMatcher.Outcome(false, verdict);
                    }
                }
            } else if (label.indexOf('*') >= 0) {
                return LabelMatcher.Outcome.NO;
            } else if (!com.google.common.base.Ascii.equalsIgnoreCase(label, rl[i])) { // ASCII folding only (§3.3)
                return LabelMatcher.Outcome.NO;
            }
        }
        return new LabelMatcher.Outcome(true, verdict);
    }
}
