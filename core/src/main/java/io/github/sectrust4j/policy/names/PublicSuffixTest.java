package io.github.sectrust4j.policy.names;

import com.google.common.net.InternetDomainName;
import java.util.Locale;

/**
 * The public-suffix query behind the wildcard rule of spec §3.3, answered from Guava's bundled copy
 * of the Public Suffix List.
 *
 * <p>Open question §15.2: Apple asks the (closed-source) networking stack, and it is unknown whether
 * the private-domain section of the list (e.g. {@code github.io}) counts. This simulator
 * <b>deliberately counts both the ICANN and the private sections</b> ({@link
 * InternetDomainName#isPublicSuffix()}): a wildcard directly under a private suffix is then refused,
 * which can only turn a would-be "trusted" into a mismatch, never the reverse — a false "trusted" is
 * the worse error. Decisions that rest only on a private-section entry are reported as uncertain.
 */
final class PublicSuffixTest {

    /** Outcome of the query for the part of a wildcard name after {@code "*."}. */
    enum Verdict {
        NOT_PUBLIC_SUFFIX,
        /** An ICANN-section public suffix such as {@code co.uk}: the wildcard is refused. */
        REGISTRY_SUFFIX,
        /** Only a private-section suffix such as {@code github.io}: refused here, but uncertain (§15.2). */
        PRIVATE_SUFFIX_UNCERTAIN;

        boolean refusesWildcard() {
            return this != NOT_PUBLIC_SUFFIX;
        }
    }

    private PublicSuffixTest() {
    }

    static Verdict classify(String domain) {
        InternetDomainName name;
        try {
            name = InternetDomainName.from(domain.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notADomainGuavaAccepts) {
            // Apple: "if that query is unavailable the check passes" (§3.3); a string Guava refuses
            // (e.g. a numeric top label) cannot be on the list either.
            return Verdict.NOT_PUBLIC_SUFFIX;
        }
        if (name.isRegistrySuffix()) {
            return Verdict.REGISTRY_SUFFIX;
        }
        if (name.isPublicSuffix()) {
            return Verdict.PRIVATE_SUFFIX_UNCERTAIN;
        }
        return Verdict.NOT_PUBLIC_SUFFIX;
    }
}
