package io.github.sectrust4j.policy.names;

/**
 * The host-name matching rule set of one iOS release range, chosen by the evaluator from the
 * release being simulated (spec §13.2 row "Host matcher", "CN fallback when no SAN dNSName",
 * "IP reference vs SAN"; history in §3.6).
 */
public enum HostnameRules {
    /**
     * iOS 8–9: character-level RFC 2818 matcher (§3.6). A {@code *} must be followed by {@code .} or
     * end the name and matches one label's worth of characters (so {@code f*.com} matches
     * {@code foo.com}, {@code *.com} matches {@code apple.com}); CN fallback only when the SAN has no
     * dNSName at all; textual IP comparison (§3.4 last bullet).
     */
    RFC2818_CHARACTER(false, true, false),
    /**
     * iOS 10.0–10.1: label matcher of §3.3 without the public-suffix test (so {@code *.co.uk}
     * matches {@code apple.co.uk}); CN fallback retained; textual IP comparison (§3.6, §13.2).
     */
    LABEL_NO_PUBLIC_SUFFIX(false, true, false),
    /**
     * iOS 10.2–12.x: label matcher of §3.3 with the public-suffix test; CN fallback when the SAN has
     * no usable dNSName (Apple tests 3 and 29 succeed); textual IP comparison (§3.6, §13.2).
     */
    LABEL_WITH_CN_FALLBACK(true, true, false),
    /**
     * iOS 13 and later: label matcher of §3.3 with the public-suffix test over SAN dNSNames only,
     * never the subject CN; binary comparison of IP literals with SAN iPAddress entries (§3.1, §3.4).
     */
    SAN_ONLY(true, false, true);

    private final boolean publicSuffixTest;
    private final boolean commonNameFallback;
    private final boolean binaryIpComparison;

    HostnameRules(boolean publicSuffixTest, boolean commonNameFallback, boolean binaryIpComparison) {
        this.publicSuffixTest = publicSuffixTest;
        this.commonNameFallback = commonNameFallback;
        this.binaryIpComparison = binaryIpComparison;
    }

    /**
     * The rule set with these facts of a release ({@link io.github.sectrust4j.policy.RuleSet#hostnameRules()} decides
     * them, §13.2): the label matcher (iOS 10+), its public-suffix test (10.2+), SAN-only matching (13+).
     */
    public static HostnameRules of(boolean labelMatcher, boolean publicSuffixTest, boolean sanOnly) {
        if (sanOnly) {
            return SAN_ONLY;
        }
        if (!labelMatcher) {
            return RFC2818_CHARACTER;
        }
        return publicSuffixTest ? LABEL_WITH_CN_FALLBACK : LABEL_NO_PUBLIC_SUFFIX;
    }

    /** Whether a whole-label wildcard is refused when the rest of the name is a public suffix (§3.3). */
    public boolean publicSuffixTest() {
        return publicSuffixTest;
    }

    /** Whether the subject CN is consulted when the SAN offers no (usable) dNSName (§3.6). */
    public boolean commonNameFallback() {
        return commonNameFallback;
    }

    /** Whether IP literals are compared in binary (iOS 13+) rather than as text (§3.4). */
    public boolean binaryIpComparison() {
        return binaryIpComparison;
    }

    /** Whether the label matcher of §3.3 (rather than the RFC 2818 character matcher) is used. */
    boolean labelMatcher() {
        return this != RFC2818_CHARACTER;
    }
}
