package io.github.sectrust4j.policy.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Apple's ssl-policy test descriptions, spec §3.5, all 37, plus the pre-iOS 13 flips of §3.6. */
class HostnameMatcherAppleVectorsTest {

    /**
     * (number, reference, SAN dNSNames separated by '|' or "" for none, CN or null, expected host-name
     * match under SAN_ONLY). Vectors 16/17 differ only in the EKU (not this matcher's concern): the
     * host name itself matches in both. Vector 22 has only an rfc822Name, i.e. no dNSName.
     */
    static Stream<Arguments> vectors() {
        return Stream.of(
                v(1, "test.apple.com", "bad.apple.com", "bad.apple.com", false),
                v(2, "test.apple.com", "bad.apple.com", "test.apple.com", false),
                v(3, "test.apple.com", "", "test.apple.com", false),
                v(4, "test.apple.com", "test.apple.com", "bad.apple.com", true),
                v(5, "test.bad.apple.com", "test.*.apple.com", null, false),
                v(6, "test.apple.com", "test.*.apple.com", null, false),
                v(7, "good.test.apple.com", "*.test.apple.com", null, true),
                v(8, "test.apple.com", "*.test.apple.com", null, false),
                v(9, "one.bad.test.apple.com", "*.test.apple.com", null, false),
                v(10, "apple.com", "*.com", null, false),
                v(11, "apple.co.uk", "*.co.uk", null, false),
                v(12, "test.apple.com", "t*t.apple.com", null, false),
                v(13, "apple.com", "apple*.com", null, false),
                v(14, "appleseed.com", "apple*.com", null, false),
                v(15, "one.bad.apple.com", "*.*.apple.com", null, false),
                v(16, "test.apple.com", "test.apple.com", null, true),
                v(17, "test.apple.com", "test.apple.com", null, true),
                v(18, "test.apple.com.test", "test.apple.com", null, false),
                v(19, "test.apple.com.", "test.apple.com", null, true),
                v(20, ".test.apple.com", "test.apple.com", null, false),
                v(21, "test.apple.com", "test.apple.com.test", null, false),
                v(22, "test.apple.com", "", null, false),
                v(23, "test.apple.com", "test.apple.com.", null, false),
                v(24, "test.apple.com", ".test.apple.com", null, false),
                v(25, "test.apple.com", "*est.apple.com", null, false),
                v(26, "est.apple.com", "*est.apple.com", null, false),
                v(27, "test.apple.com", "tes*.apple.com", null, false),
                v(28, "tes.apple.com", "tes*.apple.com", null, false),
                v(29, "TEST.apple.com", "", "test.apple.com", false),
                v(30, "apple", "*", null, false),
                v(31, "apple.com", "*.*", null, false),
                v(32, "test.apple.com", "*.*.*", null, false),
                v(33, "apple", "*.", null, false),
                v(34, "apple", ".*", null, false),
                v(35, "apple.com", "*", null, false),
                v(36, "apple.com", "*.", null, false),
                v(37, "apple.com", ".*", null, false));
    }

    private static Arguments v(int n, String ref, String san, String cn, boolean expected) {
        return Arguments.of(n, ref, san, cn, expected);
    }

    static PresentedIdentities presented(String san, String cn) {
        List<String> names = san.isEmpty() ? List.of() : Arrays.asList(san.split("\\|"));
        return new PresentedIdentities(names, false, List.of(), cn == null ? List.of() : List.of(cn));
    }

    @ParameterizedTest(name = "vector {0}: {1} vs SAN [{2}] CN {3} -> {4}")
    @MethodSource("vectors")
    void appleVector_underIos13Rules(int n, String ref, String san, String cn, boolean expected) {
        HostnameMatch m = HostnameMatcher.match(HostnameRules.SAN_ONLY, ref, presented(san, cn));
        assertThat(m.matched()).as("vector %d: %s", n, m.explain()).isEqualTo(expected);
        assertThat(m.commonNameConsulted()).isFalse();
    }

    /** Tests 3 and 29 succeeded before iOS 13 (CN fallback, case-insensitive); the rest are unchanged. */
    @ParameterizedTest(name = "vector {0} under iOS 10.2-12 rules")
    @MethodSource("vectors")
    void appleVector_underIos10to12Rules_flipsOnlyCnFallbackVectors(
            int n, String ref, String san, String cn, boolean expected) {
        boolean expectedPre13 = (n == 3 || n == 29) || expected;
        HostnameMatch m = HostnameMatcher.match(HostnameRules.LABEL_WITH_CN_FALLBACK, ref, presented(san, cn));
        assertThat(m.matched()).as("vector %d: %s", n, m.explain()).isEqualTo(expectedPre13);
        if (n == 3 || n == 29) {
            assertThat(m.commonNameConsulted()).isTrue();
            assertThat(m.matchedName().orElseThrow().source()).isEqualTo(HostnameMatch.Source.SUBJECT_COMMON_NAME);
        }
    }

    /** iOS 10.0–10.1 differ from 10.2–12 only by the missing public-suffix test: vector 11 flips too. */
    @ParameterizedTest(name = "vector {0} under iOS 10.0-10.1 rules")
    @MethodSource("vectors")
    void appleVector_underIos10_0Rules_alsoFlipsPublicSuffixVector(
            int n, String ref, String san, String cn, boolean expected) {
        boolean expected10 = (n == 3 || n == 29 || n == 11) || expected;
        HostnameMatch m = HostnameMatcher.match(HostnameRules.LABEL_NO_PUBLIC_SUFFIX, ref, presented(san, cn));
        assertThat(m.matched()).as("vector %d: %s", n, m.explain()).isEqualTo(expected10);
    }

    /**
     * iOS 8–9 (§3.6): expectations derived from the character-matcher rules of §3.6 [inferred — Apple's
     * test descriptions of that era are not in the spec]: CN fallback (3, 29), wildcards before a TLD
     * or public suffix (10, 11), in any label (5, 15), partial-label (13, 14, 27, 28) and bare/trailing
     * '*' consuming one label (30, 31, 32) all match; "*foo" forms (25, 26) and "t*t" (12) do not.
     */
    @ParameterizedTest(name = "vector {0} under iOS 8-9 rules")
    @MethodSource("vectors")
    void appleVector_underIos9CharacterRules(int n, String ref, String san, String cn, boolean expected) {
        java.util.Set<Integer> matchOnIos9 =
                java.util.Set.of(3, 4, 5, 7, 10, 11, 13, 14, 15, 16, 17, 19, 27, 28, 29, 30, 31, 32);
        HostnameMatch m = HostnameMatcher.match(HostnameRules.RFC2818_CHARACTER, ref, presented(san, cn));
        assertThat(m.matched()).as("vector %d: %s", n, m.explain()).isEqualTo(matchOnIos9.contains(n));
    }
}
