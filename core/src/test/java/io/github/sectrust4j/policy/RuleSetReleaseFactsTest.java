package io.github.sectrust4j.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.ErrorSubtype;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.policy.names.HostnameRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The release facts that moved into named {@link RuleSet} predicates, at their boundaries (§3.6, §7.1, §12.3). */
class RuleSetReleaseFactsTest {
    private static RuleSet rules(String release) {
        return RuleSet.forRelease(IosRelease.parse(release));
    }

    @ParameterizedTest
    @CsvSource({
        "9.3, RFC2818_CHARACTER",
        "10.0, LABEL_NO_PUBLIC_SUFFIX",
        "10.1, LABEL_NO_PUBLIC_SUFFIX",
        "10.2, LABEL_WITH_CN_FALLBACK",
        "12.5, LABEL_WITH_CN_FALLBACK",
        "13.0, SAN_ONLY",
        "26.0, SAN_ONLY"
    })
    void hostnameRules(String release, HostnameRules expected) {
        assertThat(rules(release).hostnameRules()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"10.2, false", "10.3, true", "17.4, true"})
    void profileRootFullTrustSwitch(String release, boolean expected) {
        assertThat(rules(release).profileRootFullTrustSwitch()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "12.4, KEY_SIZE, PINNING",
        "14.8, KEY_SIZE, PINNING",
        "15.0, KEY_SIZE, KEY_SIZE",
        "13.7, SIGNATURE_HASH_ALGORITHMS, PINNING",
        "14.0, SIGNATURE_HASH_ALGORITHMS, WEAK_HASH",
        "12.4, SYSTEM_TRUSTED_WEAK_KEY, COMPLIANCE",
        "13.0, SYSTEM_TRUSTED_WEAK_KEY, KEY_SIZE",
        "12.4, SYSTEM_TRUSTED_WEAK_HASH, COMPLIANCE",
        "13.0, SYSTEM_TRUSTED_WEAK_HASH, WEAK_HASH",
        "10.3, SSL_HOSTNAME, NAME"
    })
    void errorSubtype(String release, FindingCode code, ErrorSubtype expected) {
        assertThat(rules(release).errorSubtype(code)).contains(expected);
        assertThat(code.subtype(IosRelease.parse(release))).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"18.5, false", "26.0, true"})
    void downloadedCtLogListStandsOnlyForTheNewestRelease(String release, boolean expected) {
        assertThat(rules(release).takesDownloadedCtLogList()).isEqualTo(expected);
    }
}
