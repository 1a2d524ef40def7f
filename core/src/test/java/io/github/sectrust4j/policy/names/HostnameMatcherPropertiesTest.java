package io.github.sectrust4j.policy.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.statistics.Statistics;

/** Robustness and algebraic properties of the host-name matcher (spec §3). */
class HostnameMatcherPropertiesTest {

    private static final List<HostnameRules> LABEL_RULES =
            List.of(HostnameRules.LABEL_NO_PUBLIC_SUFFIX, HostnameRules.LABEL_WITH_CN_FALLBACK, HostnameRules.SAN_ONLY);

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().withChars("*.-_aZ09:[]").ofMaxLength(60),
                Arbitraries.strings().withChars("a.").ofMinLength(10_000).ofMaxLength(100_000));
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    }

    @Property(tries = 300)
    void neverThrows_onArbitraryInput(
            @ForAll("anyText") String reference,
            @ForAll("anyText") String san,
            @ForAll("anyText") String cn,
            @ForAll("anyBytes") byte[] ip,
            @ForAll boolean undecodable) {
        Statistics.collect(
                undecodable ? "undecodable SAN" : "decodable SAN",
                reference.isEmpty() ? "empty reference" : "reference");
        Statistics.coverage(c -> {
            c.check("undecodable SAN", "reference").count(n -> n > 0);
            c.check("decodable SAN", "reference").count(n -> n > 0);
        });
        PresentedIdentities p = new PresentedIdentities(List.of(san), undecodable, List.of(ip), List.of(cn));
        for (HostnameRules rules : HostnameRules.values()) {
            HostnameMatch m = HostnameMatcher.match(rules, reference, p);
            assertThat(m.explain()).isNotNull();
            assertThat(m.presentedNames()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<String> dnsName() {
        Arbitrary<String> label = Arbitraries.strings()
                .withChars("abcxyzAQZ0189_-")
                .ofMinLength(1)
                .ofMaxLength(12)
                .filter(l -> !l.startsWith("-") && !l.endsWith("-"));
        Arbitrary<String> last = label.filter(l -> l.chars().anyMatch(Character::isLetter));
        return Combinators.combine(label.list().ofMaxSize(4), last)
                .as((init, tld) -> init.isEmpty() ? tld : String.join(".", init) + "." + tld);
    }

    @Property(tries = 300)
    void filteredNameWithoutWildcard_alwaysMatchesItself(@ForAll("dnsName") String name) {
        Statistics.collect(name.contains(".") ? "several labels" : "one label");
        Statistics.coverage(c -> {
            c.check("several labels").count(n -> n > 0);
            c.check("one label").count(n -> n > 0);
        });
        assertThat(DnsNameFilter.accepts(name)).isTrue();
        for (HostnameRules rules : HostnameRules.values()) {
            assertThat(HostnameMatcher.match(rules, name, PresentedIdentities.ofDnsNames(List.of(name)))
                            .matched())
                    .as("%s under %s", name, rules)
                    .isTrue();
        }
    }

    @Property(tries = 300)
    void matchingIsCaseInsensitive(
            @ForAll("dnsName") String reference, @ForAll("dnsName") String presented, @ForAll boolean wildcard) {
        Statistics.coverage(c -> {
            c.check("matched").count(n -> n > 0);
            c.check("no match").count(n -> n > 0);
        });
        String p = wildcard ? "*." + presented : presented;
        for (HostnameRules rules : HostnameRules.values()) {
            for (String q : List.of(p, reference)) { // the name itself: a pair that matches in every try
                boolean base = HostnameMatcher.match(rules, reference, PresentedIdentities.ofDnsNames(List.of(q)))
                        .matched();
                Statistics.collect(base ? "matched" : "no match");
                boolean upper = HostnameMatcher.match(
                                rules,
                                reference.toUpperCase(Locale.ROOT),
                                PresentedIdentities.ofDnsNames(List.of(q.toLowerCase(Locale.ROOT))))
                        .matched();
                assertThat(upper).isEqualTo(base);
            }
        }
    }

    @Property(tries = 300)
    void wildcardNeverMatchesMoreThanOneLabel_underLabelRules(
            @ForAll("dnsName") String base, @ForAll("dnsName") String prefix) {
        String presented = "*." + base;
        String reference = prefix + "." + base;
        boolean oneLabel = !prefix.contains(".");
        Statistics.collect(oneLabel ? "one label" : "several labels");
        Statistics.coverage(c -> {
            c.check("one label").count(n -> n > 0);
            c.check("several labels").count(n -> n > 0);
        });
        for (HostnameRules rules : LABEL_RULES) {
            HostnameMatch m =
                    HostnameMatcher.match(rules, reference, PresentedIdentities.ofDnsNames(List.of(presented)));
            if (!oneLabel) {
                assertThat(m.matched())
                        .as("%s vs %s under %s", reference, presented, rules)
                        .isFalse();
            }
        }
    }

    @Property(tries = 200)
    void wildcardMatchesExactlyOneLabel_whenNotUnderPublicSuffix(
            @ForAll("dnsName") String base,
            @ForAll @StringLength(min = 1, max = 10) @net.jqwik.api.constraints.AlphaChars String label) {
        Statistics.collect(base.contains(".") ? "several labels" : "one label");
        Statistics.coverage(c -> {
            c.check("several labels").count(n -> n > 0);
            c.check("one label").count(n -> n > 0);
        });
        String presented = "*.example-host." + base; // "example-host.<base>" is never on the suffix list
        HostnameMatch m = HostnameMatcher.match(
                HostnameRules.SAN_ONLY,
                label + ".example-host." + base,
                PresentedIdentities.ofDnsNames(List.of(presented)));
        assertThat(m.matched()).isTrue();
    }

    @Property(tries = 200)
    void ipv4Text_roundTripsThroughParser(@ForAll @Size(4) byte[] ip) {
        Statistics.collect(ip[0] == 0 || ip[1] == 0 || ip[2] == 0 || ip[3] == 0 ? "a zero octet" : "no zero octet");
        Statistics.coverage(c -> {
            c.check("a zero octet").count(n -> n > 0);
            c.check("no zero octet").count(n -> n > 0);
        });
        String text = IpLiteral.render(ip).orElseThrow();
        assertThat(io.github.sectrust4j.request.ReferenceHost.of(text).ipLiteral())
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(ip));
    }

    @Property(tries = 200)
    void ipv6Text_roundTripsThroughParser(
            @ForAll @Size(16) byte[] random, @ForAll @IntRange(min = 0, max = 7) int zeroGroups) {
        byte[] withZeros = random.clone(); // random bytes alone almost never hold a zero group
        java.util.Arrays.fill(withZeros, 2, 2 + 2 * zeroGroups, (byte) 0);
        for (byte[] ip : List.of(random, withZeros)) {
            String text = IpLiteral.render(ip).orElseThrow();
            Statistics.collect(text.contains("0000") ? "a zero group" : "no zero group");
            assertThat(io.github.sectrust4j.request.ReferenceHost.of(text).ipLiteral())
                    .hasValueSatisfying(b -> assertThat(b).isEqualTo(ip));
            assertThat(HostnameMatcher.match(
                                    HostnameRules.SAN_ONLY,
                                    "[" + text.toLowerCase(Locale.ROOT) + "]",
                                    new PresentedIdentities(List.of(), false, List.of(ip), List.of()))
                            .matched())
                    .isTrue();
        }
        Statistics.coverage(c -> {
            c.check("a zero group").count(n -> n > 0);
            c.check("no zero group").count(n -> n > 0);
        });
    }

    @Provide
    Arbitrary<List<String>> sanNames() {
        Arbitrary<String> one = Arbitraries.oneOf(
                dnsName(),
                dnsName().map(n -> "*." + n),
                dnsName().map(n -> "x*." + n),
                Arbitraries.strings().withChars("*.-_aZ09 ").ofMaxLength(20));
        return one.list().ofMaxSize(4);
    }

    /**
     * The shortcut SSLHostname takes for the usual success ({@link HostnameMatcher#matchesSanDnsName}) says
     * "match" exactly when the full matcher matches through a SAN dNSName: never a match the full
     * matcher would refuse, and every dNSName match found.
     */
    @Property(tries = 500)
    void sanDnsNameShortcut_agreesWithTheFullMatcher(
            @ForAll("dnsName") String host,
            @ForAll boolean sameAsSan,
            @ForAll("sanNames") List<String> san,
            @ForAll("dnsName") String cn) {
        Statistics.coverage(c -> {
            c.check("short-cut matched").count(n -> n > 0);
            c.check("no short-cut").count(n -> n > 0);
        });
        String reference = sameAsSan && !san.isEmpty() ? san.get(0).replace("*", "w") : host;
        PresentedIdentities p = new PresentedIdentities(san, false, List.of(), List.of(cn));
        for (HostnameRules rules : HostnameRules.values()) {
            boolean quick = HostnameMatcher.matchesSanDnsName(rules, reference, san);
            Statistics.collect(quick ? "short-cut matched" : "no short-cut");
            HostnameMatch full = HostnameMatcher.match(rules, reference, p);
            boolean viaSanDnsName = full.matchedName()
                    .map(n -> n.source() == HostnameMatch.Source.SAN_DNS_NAME)
                    .orElse(false);
            if (quick) {
                assertThat(full.matched())
                        .as("%s vs %s under %s", reference, san, rules)
                        .isTrue();
            }
            if (rules.labelMatcher()) {
                assertThat(quick).as("%s vs %s under %s", reference, san, rules).isEqualTo(viaSanDnsName);
            } else {
                assertThat(quick).as("pre-iOS 10 rules are never short-cut").isFalse();
            }
        }
    }
}
