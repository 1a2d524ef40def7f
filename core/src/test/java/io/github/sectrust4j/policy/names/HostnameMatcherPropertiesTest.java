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
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Robustness and algebraic properties of the host-name matcher (spec §3). */
class HostnameMatcherPropertiesTest {

    private static final List<HostnameRules> LABEL_RULES = List.of(HostnameRules.LABEL_NO_PUBLIC_SUFFIX,
            HostnameRules.LABEL_WITH_CN_FALLBACK, HostnameRules.SAN_ONLY);

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
    void neverThrows_onArbitraryInput(@ForAll("anyText") String reference, @ForAll("anyText") String san,
            @ForAll("anyText") String cn, @ForAll("anyBytes") byte[] ip, @ForAll boolean undecodable) {
        PresentedIdentities p = new PresentedIdentities(List.of(san), undecodable, List.of(ip), List.of(cn));
        for (HostnameRules rules : HostnameRules.values()) {
            HostnameMatch m = HostnameMatcher.match(rules, reference, p);
            assertThat(m.explain()).isNotNull();
            assertThat(m.presentedNames()).isNotEmpty();
        }
    }

    @Provide
    Arbitrary<String> dnsName() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcxyzAQZ0189_-").ofMinLength(1).ofMaxLength(12)
                .filter(l -> !l.startsWith("-") && !l.endsWith("-"));
        Arbitrary<String> last = label.filter(l -> l.chars().anyMatch(Character::isLetter));
        return Combinators.combine(label.list().ofMaxSize(4), last)
                .as((init, tld) -> init.isEmpty() ? tld : String.join(".", init) + "." + tld);
    }

    @Property(tries = 300)
    void filteredNameWithoutWildcard_alwaysMatchesItself(@ForAll("dnsName") String name) {
        assertThat(DnsNameFilter.accepts(name)).isTrue();
        for (HostnameRules rules : HostnameRules.values()) {
            assertThat(HostnameMatcher.match(rules, name, PresentedIdentities.ofDnsNames(List.of(name))).matched())
                    .as("%s under %s", name, rules).isTrue();
        }
    }

    @Property(tries = 300)
    void matchingIsCaseInsensitive(@ForAll("dnsName") String reference, @ForAll("dnsName") String presented,
            @ForAll boolean wildcard) {
        String p = wildcard ? "*." + presented : presented;
        for (HostnameRules rules : HostnameRules.values()) {
            boolean base = HostnameMatcher.match(rules, reference, PresentedIdentities.ofDnsNames(List.of(p))).matched();
            boolean upper = HostnameMatcher.match(rules, reference.toUpperCase(Locale.ROOT),
                    PresentedIdentities.ofDnsNames(List.of(p.toLowerCase(Locale.ROOT)))).matched();
            assertThat(upper).isEqualTo(base);
        }
    }

    @Property(tries = 300)
    void wildcardNeverMatchesMoreThanOneLabel_underLabelRules(@ForAll("dnsName") String base,
            @ForAll("dnsName") String prefix) {
        String presented = "*." + base;
        String reference = prefix + "." + base;
        boolean oneLabel = !prefix.contains(".");
        for (HostnameRules rules : LABEL_RULES) {
            HostnameMatch m = HostnameMatcher.match(rules, reference, PresentedIdentities.ofDnsNames(List.of(presented)));
            if (!oneLabel) {
                assertThat(m.matched()).as("%s vs %s under %s", reference, presented, rules).isFalse();
            }
        }
    }

    @Property(tries = 200)
    void wildcardMatchesExactlyOneLabel_whenNotUnderPublicSuffix(@ForAll("dnsName") String base,
            @ForAll @StringLength(min = 1, max = 10) @net.jqwik.api.constraints.AlphaChars String label) {
        String presented = "*.example-host." + base; // "example-host.<base>" is never on the suffix list
        HostnameMatch m = HostnameMatcher.match(HostnameRules.SAN_ONLY, label + ".example-host." + base,
                PresentedIdentities.ofDnsNames(List.of(presented)));
        assertThat(m.matched()).isTrue();
    }

    @Property(tries = 200)
    void ipv4Text_roundTripsThroughParser(@ForAll @Size(4) byte[] ip) {
        String text = IpLiteral.render(ip).orElseThrow();
        assertThat(io.github.sectrust4j.request.ReferenceHost.of(text).ipLiteral()).hasValueSatisfying(b -> assertThat(b).isEqualTo(ip));
    }

    @Property(tries = 200)
    void ipv6Text_roundTripsThroughParser(@ForAll @Size(16) byte[] ip) {
        String text = IpLiteral.render(ip).orElseThrow();
        assertThat(io.github.sectrust4j.request.ReferenceHost.of(text).ipLiteral()).hasValueSatisfying(b -> assertThat(b).isEqualTo(ip));
        assertThat(HostnameMatcher.match(HostnameRules.SAN_ONLY, "[" + text.toLowerCase(Locale.ROOT) + "]",
                new PresentedIdentities(List.of(), false, List.of(ip), List.of())).matched()).isTrue();
    }

    @Provide
    Arbitrary<List<String>> sanNames() {
        Arbitrary<String> one = Arbitraries.oneOf(dnsName(), dnsName().map(n -> "*." + n),
                dnsName().map(n -> "x*." + n), Arbitraries.strings().withChars("*.-_aZ09 ").ofMaxLength(20));
        return one.list().ofMaxSize(4);
    }

    /**
     * The shortcut SSLHostname takes for the usual success ({@link HostnameMatcher#matchesSanDnsName}) says
     * "match" exactly when the full matcher matches through a SAN dNSName: never a match the full
     * matcher would refuse, and every dNSName match found.
     */
    @Property(tries = 500)
    void sanDnsNameShortcut_agreesWithTheFullMatcher(@ForAll("dnsName") String host, @ForAll boolean sameAsSan,
            @ForAll("sanNames") List<String> san, @ForAll("dnsName") String cn) {
        String reference = sameAsSan && !san.isEmpty() ? san.get(0).replace("*", "w") : host;
        PresentedIdentities p = new PresentedIdentities(san, false, List.of(), List.of(cn));
        for (HostnameRules rules : HostnameRules.values()) {
            boolean quick = HostnameMatcher.matchesSanDnsName(rules, reference, san);
            HostnameMatch full = HostnameMatcher.match(rules, reference, p);
            boolean viaSanDnsName = full.matchedName()
                    .map(n -> n.source() == HostnameMatch.Source.SAN_DNS_NAME).orElse(false);
            if (quick) {
                assertThat(full.matched()).as("%s vs %s under %s", reference, san, rules).isTrue();
            }
            if (rules.labelMatcher()) {
                assertThat(quick).as("%s vs %s under %s", reference, san, rules).isEqualTo(viaSanDnsName);
            } else {
                assertThat(quick).as("pre-iOS 10 rules are never short-cut").isFalse();
            }
        }
    }
}
