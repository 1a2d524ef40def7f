package io.github.sectrust4j.policy.names;

import com.google.common.net.InternetDomainName;
import java.util.Locale;

/**
 * The public-suffix query behind the wildcard rule of spec §3.3, answered from Guava's bundled copy
 * of the Public Suffix List.
 *
 * <p>Only the ICANN section counts ({@link InternetDomainName#isRegistrySuffix()}): Apple's own SSL policy
 * vector {@code TLDWildcard / PositiveTest-CookieTLD} (OSX/shared_regressions/si-20-sectrust-policies-data/
 * PinningPolicyTrustTest.plist) trusts {@code *.googleapis.com} for {@code content.googleapis.com}, and
 * {@code googleapis.com} is a private-section entry; so private entries such as {@code github.io} do not
 * refuse a wildcard (§15.2, settled).
 */
final class PublicSuffixTest {

    /** Outcome of the query for the part of a wildcard name after {@code "*."}. */
    enum Verdict {
        NOT_PUBLIC_SUFFIX,
        /** An ICANN-section public suffix such as {@code co.uk}: the wildcard is refused. */
        REGISTRY_SUFFIX;

        boolean refusesWildcard() {
            return this != NOT_PUBLIC_SUFFIX;
        }
    }

    private PublicSuffixTest() {}

    static Verdict classify(String domain) {
        InternetDomainName name;
        try {
            name = InternetDomainName.from(domain.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notADomainGuavaAccepts) {
            // Apple: "if that query is unavailable the check passes" (§3.3); a string Guava refuses
            // (e.g. a numeric top label) cannot be on the list either.
            return Verdict.NOT_PUBLIC_SUFFIX;
        }
        return name.isRegistrySuffix() ? Verdict.REGISTRY_SUFFIX : Verdict.NOT_PUBLIC_SUFFIX;
    }
}
