package io.github.sectrust4j.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.ErrorSubtype;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.ct.internal.CtReleaseRules;
import io.github.sectrust4j.policy.names.HostnameRules;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Rules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The release facts that moved into named {@link RuleSet} predicates, at their boundaries (§3.6, §7.1, §8, §9, §12.3).
 */
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

    @ParameterizedTest
    @CsvSource({"8.4, false", "9.0, true", "17.4, true"})
    void revocationResponseRequiredFromIos9(String release, boolean expected) {
        assertThat(rules(release).revocationResponseRequiredCheck()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"11.2, false", "11.3, true", "17.4, true"})
    void validRequireCtFromIos11Point3(String release, boolean expected) {
        assertThat(rules(release).validRequiresCt()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"12.4, false", "13.0, true", "26.0, true"})
    void validIssuerPolicyConstraintsFromIos13(String release, boolean expected) {
        assertThat(rules(release).validIssuerPolicyConstraints()).isEqualTo(expected);
    }

    /** The CT facts at their boundaries, as {@code RuleSet} hands them to the {@code ct} package (§8, §13). */
    @ParameterizedTest
    @CsvSource({
        // release, CT code, counts by operators, EV needs CT, lifetime v2, SystemTrustedCTRequired
        "8.4,    false, true,  false, false, false",
        "9.0,    true,  true,  false, false, false",
        "9.3,    true,  true,  false, false, false",
        "10.0,   true,  false, true,  false, false",
        "12.1,   true,  false, true,  false, false",
        "12.1.1, true,  false, true,  false, true",
        "14.5,   true,  false, true,  false, true",
        "14.6,   true,  false, true,  true,  true",
        "26.0,   true,  false, true,  true,  true"
    })
    void ctRules(
            String release,
            boolean ctEvaluation,
            boolean countsByOperators,
            boolean evRequiresCt,
            boolean lifetimeV2,
            boolean systemTrustedCtRequired) {
        RuleSet rules = rules(release);
        assertThat(rules.ctRules())
                .isEqualTo(new CtReleaseRules(
                        IosRelease.parse(release),
                        ctEvaluation,
                        countsByOperators,
                        lifetimeV2,
                        systemTrustedCtRequired,
                        evRequiresCt));
        assertThat(rules.systemTrustedCtRequired()).isEqualTo(systemTrustedCtRequired);
        assertThat(rules.options(io.github.sectrust4j.Policy.SSL_SERVER, true)
                        .contains(FindingCode.SYSTEM_TRUSTED_CT_REQUIRED))
                .as("the SSL server policy carries SystemTrustedCTRequired exactly when it is enforced")
                .isEqualTo(systemTrustedCtRequired);
    }

    /** The RFC 5280 facts at their boundaries, as {@code RuleSet} hands them to {@code policy.rfc5280} (§13.2, §13.3). */
    @ParameterizedTest
    @CsvSource({
        // release, legacy names, weak key, weak key Fatal, weak signature, weak signature Fatal, Apple roots never
        // expire
        "9.3,  true,  false, false, false, false, false",
        "10.0, true,  true,  false, false, false, false",
        "10.3, true,  true,  false, false, false, false",
        "11.0, true,  true,  true,  false, false, false",
        "11.2, true,  true,  true,  false, false, false",
        "11.3, false, true,  true,  true,  false, false",
        "11.4, false, true,  true,  true,  false, false",
        "12.0, false, true,  true,  true,  true,  false",
        "18.5, false, true,  true,  true,  true,  false",
        "26.0, false, true,  true,  true,  true,  true"
    })
    void rfc5280Rules(
            String release,
            boolean legacyNames,
            boolean weakKey,
            boolean weakKeyFatal,
            boolean weakSignature,
            boolean weakSignatureFatal,
            boolean appleRootsNeverExpire) {
        RuleSet rules = rules(release);
        Rfc5280Rules r = rules.rfc5280Rules();
        assertThat(r.legacyCheckNames()).isEqualTo(legacyNames);
        assertThat(r.runs(Rfc5280Check.WEAK_KEY)).isEqualTo(weakKey);
        assertThat(r.weakKeyFatal()).isEqualTo(weakKeyFatal);
        assertThat(r.runs(Rfc5280Check.WEAK_SIGNATURE)).isEqualTo(weakSignature);
        assertThat(r.weakSignatureFatal()).isEqualTo(weakSignatureFatal);
        assertThat(r.appleRootsNeverExpire()).isEqualTo(appleRootsNeverExpire);
        assertThat(rules.severity(FindingCode.WEAK_SIGNATURE, 1, io.github.sectrust4j.Severity.FATAL))
                .as("the recorder's severity for WeakSignature agrees with the fact handed down")
                .isEqualTo(
                        weakSignatureFatal
                                ? io.github.sectrust4j.Severity.FATAL
                                : io.github.sectrust4j.Severity.RECOVERABLE);
    }
}
