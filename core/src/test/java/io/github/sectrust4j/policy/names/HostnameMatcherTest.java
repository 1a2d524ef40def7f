package io.github.sectrust4j.policy.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.policy.names.HostnameMatch.Source;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class HostnameMatcherTest {

    private static HostnameMatch match(HostnameRules rules, String ref, String... sanDnsNames) {
        return HostnameMatcher.match(rules, ref, PresentedIdentities.ofDnsNames(List.of(sanDnsNames)));
    }

    private static PresentedIdentities ips(byte[]... ips) {
        return new PresentedIdentities(List.of(), false, List.of(ips), List.of());
    }

    private static byte[] b(int... v) {
        byte[] out = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (byte) v[i];
        }
        return out;
    }

    private static final byte[] V6_DB8_1 = b(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);

    @ParameterizedTest(name = "iOS {0} -> {1}")
    @CsvSource({
        "8.0, RFC2818_CHARACTER",
        "9.3, RFC2818_CHARACTER",
        "10.0, LABEL_NO_PUBLIC_SUFFIX",
        "10.1, LABEL_NO_PUBLIC_SUFFIX",
        "10.2, LABEL_WITH_CN_FALLBACK",
        "12.5, LABEL_WITH_CN_FALLBACK",
        "13.0, SAN_ONLY",
        "26.0, SAN_ONLY"
    })
    void rulesPerRelease_followFeatureMatrix(String release, HostnameRules expected) {
        assertThat(io.github.sectrust4j.policy.RuleSet.forRelease(io.github.sectrust4j.IosRelease.parse(release))
                        .hostnameRules())
                .isEqualTo(expected);
    }

    // ---- §3.6 iOS ≤ 9 character matcher -------------------------------------------------------

    @ParameterizedTest(name = "iOS 9: {0} vs {1} -> {2}")
    @CsvSource({
        "foo.com, f*.com, true", // partial-label wildcard matched
        "apple.com, *.com, true", // wildcard before a TLD matched
        "test.apple.com, test.*.com, true", // wildcard in any label position
        "test.apple.com., test.apple.com, true", // single trailing dot on the reference tolerated
        "test.apple.com.., test.apple.com, false",
        "TEST.Apple.COM, test.apple.com, true",
        "foo.com, *foo.com, false", // "*foo" form never matched
        "a.b.example.com, *.example.com, false", // one label's worth only
        "apple.co.uk, *.co.uk, true",
        "www.example, www.*, true",
    })
    void ios9CharacterMatcher_followsRfc2818History(String ref, String presented, boolean expected) {
        assertThat(match(HostnameRules.RFC2818_CHARACTER, ref, presented).matched())
                .isEqualTo(expected);
    }

    @Test
    void ios9_consultsCn_onlyWhenSanHasNoDnsNameAtAll() {
        PresentedIdentities withSan =
                new PresentedIdentities(List.of("other.example.com"), false, List.of(), List.of("www.example.com"));
        PresentedIdentities noSan = new PresentedIdentities(List.of(), false, List.of(), List.of("www.example.com"));
        assertThat(HostnameMatcher.match(HostnameRules.RFC2818_CHARACTER, "www.example.com", withSan)
                        .matched())
                .isFalse();
        HostnameMatch m = HostnameMatcher.match(HostnameRules.RFC2818_CHARACTER, "www.example.com", noSan);
        assertThat(m.matched()).isTrue();
        assertThat(m.commonNameConsulted()).isTrue();
    }

    @Test
    void ios9_ignoresCnThatDoesNotLookLikeADnsName() {
        PresentedIdentities cnOnly = new PresentedIdentities(List.of(), false, List.of(), List.of("Contoso Web"));
        HostnameMatch m = HostnameMatcher.match(HostnameRules.RFC2818_CHARACTER, "Contoso Web", cnOnly);
        assertThat(m.matched()).isFalse();
        assertThat(m.droppedNames())
                .extracting(HostnameMatch.PresentedName::notCompared)
                .containsExactly(Optional.of(PresentedNameDefect.INVALID_CHARACTER));
    }

    // ---- §3.3 label matcher details ----------------------------------------------------------

    @Test
    void emptyLeftmostReferenceLabel_matchesWildcard_quirk() {
        // §3.3 quirk: naive split gives an empty left-most label, which a '*' label matches
        assertThat(match(HostnameRules.SAN_ONLY, ".example.com", "*.example.com")
                        .matched())
                .isTrue();
        assertThat(match(HostnameRules.SAN_ONLY, ".example.com", "example.com").matched())
                .isFalse();
    }

    @Test
    void emptyReference_neverMatches() {
        for (HostnameRules rules : HostnameRules.values()) {
            assertThat(match(rules, "", "*.example.com", "example.com").matched())
                    .isFalse();
            assertThat(match(rules, null, "example.com").matched()).isFalse();
        }
    }

    /**
     * §15.2 settled by Apple's vector TLDWildcard / PositiveTest-CookieTLD (si-20-sectrust-policies-data,
     * PinningPolicyTrustTest.plist): {@code *.googleapis.com} is trusted for {@code content.googleapis.com},
     * and {@code googleapis.com} is a private-section entry of the Public Suffix List. Private entries do not
     * refuse a wildcard; ICANN ones do.
     */
    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
        "content.googleapis.com, *.googleapis.com",
        "octocat.github.io, *.github.io",
        "myapp.appspot.com, *.appspot.com"
    })
    void wildcardUnderPrivateSectionSuffix_matches_asApplesCookieTldVector(String host, String presented) {
        for (HostnameRules rules : List.of(HostnameRules.SAN_ONLY, HostnameRules.LABEL_WITH_CN_FALLBACK)) {
            HostnameMatch m = match(rules, host, presented);
            assertThat(m.matched()).as(rules + " " + m.explain()).isTrue();
            assertThat(m.wildcardsRefusedAsPublicSuffix()).isEmpty();
        }
    }

    @Test
    void wildcardUnderRegistrySuffix_isRefused_withoutUncertainty() {
        HostnameMatch m = match(HostnameRules.SAN_ONLY, "apple.co.uk", "*.co.uk");
        assertThat(m.matched()).isFalse();
        assertThat(m.wildcardsRefusedAsPublicSuffix()).containsExactly("*.co.uk");
    }

    @Test
    void wildcardUnderPrivateSuffix_matchedOnIos10_0WithoutPublicSuffixTest() {
        assertThat(match(HostnameRules.LABEL_NO_PUBLIC_SUFFIX, "octocat.github.io", "*.github.io")
                        .matched())
                .isTrue();
    }

    @Test
    void wildcardUnderOrdinaryDomain_matches() {
        HostnameMatch m = match(HostnameRules.SAN_ONLY, "www.contoso.co.uk", "*.contoso.co.uk");
        assertThat(m.matched()).isTrue();
        assertThat(m.matchedName().orElseThrow().value()).isEqualTo("*.contoso.co.uk");
    }

    @Test
    void firstMatchWins_andEvidenceListsEveryName() {
        HostnameMatch m =
                match(HostnameRules.SAN_ONLY, "a.example.com", "b.example.com", "*.example.com", "a.example.com");
        assertThat(m.matchedName().orElseThrow().value()).isEqualTo("*.example.com");
        assertThat(m.comparedNames()).containsExactly("b.example.com", "*.example.com", "a.example.com");
    }

    @Test
    void noUsableName_explainsThatNothingCanMatch() {
        HostnameMatch m = HostnameMatcher.match(
                HostnameRules.SAN_ONLY,
                "www.example.com",
                new PresentedIdentities(List.of(), false, List.of(), List.of("www.example.com")));
        assertThat(m.matched()).isFalse();
        assertThat(m.explain())
                .startsWith(
                        "host www.example.com cannot match: the certificate presents no usable SAN dNSName or iPAddress");
    }

    // ---- §3.2 filter in context ----------------------------------------------------------------

    @Test
    void mismatchEvidence_namesSanNamesDroppedNamesAndIgnoredCn() {
        PresentedIdentities p = new PresentedIdentities(
                List.of("a.contoso.com", "bücher.contoso.com", "10.0.0.1"),
                false,
                List.of(),
                List.of("sip.contoso.com"));
        HostnameMatch m = HostnameMatcher.match(HostnameRules.SAN_ONLY, "sip.contoso.com", p);
        assertThat(m.matched()).isFalse();
        assertThat(m.comparedNames()).containsExactly("a.contoso.com");
        assertThat(m.droppedNames())
                .extracting(n -> n.notCompared().orElseThrow())
                .containsExactly(
                        PresentedNameDefect.INVALID_CHARACTER,
                        PresentedNameDefect.NO_LETTER_IN_LAST_LABEL,
                        PresentedNameDefect.COMMON_NAME_IGNORED);
        assertThat(m.explain())
                .startsWith("host sip.contoso.com is not among the SAN names [a.contoso.com]")
                .contains("subject CN sip.contoso.com not used: the subject CN is not consulted since iOS 13");
    }

    @Test
    void undecodableSan_usesNoDnsName_onIos13_butFallsBackToCnBefore() {
        PresentedIdentities p =
                new PresentedIdentities(List.of("www.example.com"), true, List.of(), List.of("www.example.com"));
        HostnameMatch now = HostnameMatcher.match(HostnameRules.SAN_ONLY, "www.example.com", p);
        assertThat(now.matched()).isFalse();
        assertThat(now.droppedNames().get(0).notCompared()).contains(PresentedNameDefect.SAN_NOT_DECODABLE);
        assertThat(HostnameMatcher.match(HostnameRules.LABEL_WITH_CN_FALLBACK, "www.example.com", p)
                        .matched())
                .isTrue();
    }

    @Test
    void ios10to12_fallsBackToCn_whenSanHasOnlyUnusableDnsNames() {
        PresentedIdentities p =
                new PresentedIdentities(List.of("bad..example.com"), false, List.of(), List.of("www.example.com"));
        HostnameMatch m = HostnameMatcher.match(HostnameRules.LABEL_WITH_CN_FALLBACK, "www.example.com", p);
        assertThat(m.matched()).isTrue();
        assertThat(m.commonNameConsulted()).isTrue();
    }

    @Test
    void ipAddressInCnOrDnsName_neverMatches_onIos13() {
        PresentedIdentities p = new PresentedIdentities(List.of("10.0.0.1"), false, List.of(), List.of("10.0.0.1"));
        assertThat(HostnameMatcher.match(HostnameRules.SAN_ONLY, "10.0.0.1", p).matched())
                .isFalse();
    }

    // ---- §3.4 IP literals -----------------------------------------------------------------------

    @ParameterizedTest(name = "iOS 13 binary: {0} -> {1}")
    @CsvSource({
        "10.0.0.1, true",
        "010.000.000.001, true", // leading zeros are decimal, not octal
        "10..0.1, true", // an empty part converts to 0
        "10.0.0.256, false",
        "10.0.0.1., false", // five parts: not an IP literal
        "10.0.1, false",
    })
    void ipv4Reference_comparedInBinary(String ref, boolean expected) {
        assertThat(HostnameMatcher.match(HostnameRules.SAN_ONLY, ref, ips(b(10, 0, 0, 1)))
                        .matched())
                .isEqualTo(expected);
    }

    @Test
    void ipv6Reference_comparedInBinary_inAnySpelling() {
        for (String ref : List.of(
                "2001:db8::1", "[2001:db8::1]", "2001:DB8:0:0:0:0:0:1", "2001:0db8:0000:0000:0000:0000:0000:0001")) {
            assertThat(HostnameMatcher.match(HostnameRules.SAN_ONLY, ref, ips(V6_DB8_1))
                            .matched())
                    .as(ref)
                    .isTrue();
        }
        assertThat(HostnameMatcher.match(
                                HostnameRules.SAN_ONLY,
                                "::ffff:10.0.0.1",
                                ips(b(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1)))
                        .matched())
                .isFalse();
    }

    @Test
    void ipv4Reference_neverMatchesIpv6Entry() {
        byte[] mapped = b(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1);
        assertThat(HostnameMatcher.match(HostnameRules.SAN_ONLY, "10.0.0.1", ips(mapped))
                        .matched())
                .isFalse();
    }

    @Test
    void sanIpOfInvalidLength_makesEverySanIpUnusable() {
        HostnameMatch m = HostnameMatcher.match(HostnameRules.SAN_ONLY, "10.0.0.1", ips(b(10, 0, 0, 1), b(1, 2, 3)));
        assertThat(m.matched()).isFalse();
        assertThat(m.droppedNames())
                .extracting(n -> n.notCompared().orElseThrow())
                .containsOnly(PresentedNameDefect.INVALID_IP_ADDRESS_LENGTH);
        assertThat(m.droppedNames())
                .extracting(HostnameMatch.PresentedName::value)
                .containsExactly("10.0.0.1", "hex:010203");
    }

    @ParameterizedTest
    @EnumSource(
            value = HostnameRules.class,
            names = {"RFC2818_CHARACTER", "LABEL_NO_PUBLIC_SUFFIX", "LABEL_WITH_CN_FALLBACK"})
    void pre13_ipComparisonIsTextual(HostnameRules rules) {
        assertThat(HostnameMatcher.match(rules, "10.0.0.1", ips(b(10, 0, 0, 1))).matched())
                .isTrue();
        // leading zeros are not the textual rendering: no match before iOS 13
        assertThat(HostnameMatcher.match(rules, "010.0.0.1", ips(b(10, 0, 0, 1)))
                        .matched())
                .isFalse();
        // IPv6 renders uncompressed upper-case; compared case-insensitively
        assertThat(HostnameMatcher.match(rules, "2001:0db8:0000:0000:0000:0000:0000:0001", ips(V6_DB8_1))
                        .matched())
                .isTrue();
        assertThat(HostnameMatcher.match(rules, "2001:db8::1", ips(V6_DB8_1)).matched())
                .isFalse();
    }

    @Test
    void ios13_leadingZeroIpv4_matchesBinary() {
        HostnameMatch m = HostnameMatcher.match(HostnameRules.SAN_ONLY, "010.0.0.1", ips(b(10, 0, 0, 1)));
        assertThat(m.matched()).isTrue();
        assertThat(m.referenceIsIpLiteral()).isTrue();
        assertThat(m.matchedName().orElseThrow().source()).isEqualTo(Source.SAN_IP_ADDRESS);
    }
}
