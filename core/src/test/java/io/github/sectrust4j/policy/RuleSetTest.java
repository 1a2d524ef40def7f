package io.github.sectrust4j.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The release switches of §13.2/§13.3 and the §5.2 tables. */
class RuleSetTest {
    private static RuleSet r(String release) {
        return RuleSet.forRelease(IosRelease.parse(release));
    }

    @Test
    void releaseSwitches_flipAtTheDocumentedReleases() {
        assertThat(r("12.4").keySizeAndHashChecks()).isFalse();
        assertThat(r("13.0").keySizeAndHashChecks()).isTrue();
        assertThat(r("13.7").serverAuthEkuSubCa()).isFalse();
        assertThat(r("14.0").serverAuthEkuSubCa()).isTrue();
        assertThat(r("15.8").subCaExtendedKeyUsage()).isFalse();
        assertThat(r("16.0").subCaExtendedKeyUsage()).isTrue();
        assertThat(r("14.8").duplicateExtension()).isFalse();
        assertThat(r("15.0").duplicateExtension()).isTrue();
        assertThat(r("10.3").proceedForUserStore()).isFalse();
        assertThat(r("11.0").proceedForUserStore()).isTrue();
        assertThat(r("11.2").legacyCheckNames()).isTrue();
        assertThat(r("11.3").legacyCheckNames()).isFalse();
        assertThat(r("10.3").systemTrustedWeakChecks()).isFalse();
        assertThat(r("11.0").systemTrustedWeakChecks()).isTrue();
        assertThat(r("13.0").systemTrustedWeakChecks()).isFalse();
        assertThat(r("10.1").woSignStartComRule()).isFalse();
        assertThat(r("10.2").woSignStartComRule()).isTrue();
        assertThat(r("12.4").hostnameRules().commonNameFallback()).isTrue();
        assertThat(r("13.0").hostnameRules().commonNameFallback()).isFalse();
    }

    @Test
    void validityTables_haveTheExactInstantsAndSeconds() {
        assertThat(r("16.0").systemTrustLimits())
                .extracting(ValidityLimit::from, ValidityLimit::maxSeconds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2018-03-01T00:00:00Z"), 71_283_600L),
                        org.assertj.core.groups.Tuple.tuple(Instant.parse("2020-09-01T00:00:00Z"), 34_387_200L));
        assertThat(r("16.0").otherTrustLimits()).singleElement().satisfies(l -> {
            assertThat(l.from()).isEqualTo(Instant.parse("2019-06-30T23:00:00Z"));
            assertThat(l.strictlyAfter()).isFalse();
        });
        assertThat(r("15.0").otherTrustLimits())
                .singleElement()
                .satisfies(l -> assertThat(l.strictlyAfter()).isTrue());
        assertThat(r("13.0").systemTrustLimits())
                .extracting(ValidityLimit::maxSeconds)
                .containsExactly(157_856_400L, 102_646_800L, 71_283_600L);
        assertThat(r("14.0").systemTrustLimits())
                .extracting(ValidityLimit::maxSeconds)
                .contains(34_387_200L);
        assertThat(r("12.4").validityPeriodChecks()).isEmpty();
    }

    @Test
    void basicPolicy_carriesNoServerOptions() {
        assertThat(r("26.0").options(Policy.BASIC, true))
                .doesNotContain(
                        FindingCode.SSL_HOSTNAME,
                        FindingCode.KEY_SIZE,
                        FindingCode.SIGNATURE_HASH_ALGORITHMS,
                        FindingCode.SERVER_AUTH_EKU,
                        FindingCode.EXTENDED_KEY_USAGE,
                        FindingCode.SYSTEM_TRUST_VALIDITY_PERIOD,
                        FindingCode.OTHER_TRUST_VALIDITY_PERIOD);
        assertThat(r("26.0").options(Policy.SSL_SERVER, true))
                .contains(
                        FindingCode.SSL_HOSTNAME,
                        FindingCode.KEY_SIZE,
                        FindingCode.SIGNATURE_HASH_ALGORITHMS,
                        FindingCode.SERVER_AUTH_EKU,
                        FindingCode.EXTENDED_KEY_USAGE,
                        FindingCode.SYSTEM_TRUST_VALIDITY_PERIOD,
                        FindingCode.OTHER_TRUST_VALIDITY_PERIOD);
        assertThat(r("26.0").options(Policy.SSL_SERVER, false)).doesNotContain(FindingCode.SSL_HOSTNAME);
    }

    @Test
    void severities_followTheRelease() {
        assertThat(r("10.3").severity(FindingCode.WEAK_LEAF, 0, Severity.RECOVERABLE))
                .isEqualTo(Severity.RECOVERABLE);
        assertThat(r("11.0").severity(FindingCode.WEAK_LEAF, 0, Severity.RECOVERABLE))
                .isEqualTo(Severity.FATAL);
        assertThat(r("11.4").severity(FindingCode.WEAK_SIGNATURE, 1, Severity.FATAL))
                .isEqualTo(Severity.RECOVERABLE);
        assertThat(r("12.0").severity(FindingCode.WEAK_SIGNATURE, 1, Severity.FATAL))
                .isEqualTo(Severity.FATAL);
        assertThat(r("9.0").severity(FindingCode.REVOCATION, 0, Severity.FATAL)).isEqualTo(Severity.RECOVERABLE);
        assertThat(r("9.0").severity(FindingCode.BLACK_LISTED_LEAF, 0, Severity.FATAL))
                .isEqualTo(Severity.FATAL);
        assertThat(r("9.0").severity(FindingCode.USAGE_CONSTRAINTS, 2, Severity.DENY))
                .isEqualTo(Severity.DENY);
    }
}
