package io.github.sectrust4j.ct.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.ct.CtExceptions;
import io.github.sectrust4j.ct.CtTestLogs;
import io.github.sectrust4j.ct.internal.SystemTrustedCtRequirement.Decision;
import io.github.sectrust4j.ct.internal.SystemTrustedCtRequirement.Outcome;
import io.github.sectrust4j.policy.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** The SystemTrustedCTRequired decision table (§8.1) and MDM exceptions (§8.6). */
class SystemTrustedCtRequirementTest {
    static final IosRelease IOS_17 = IosRelease.parse("17.4");
    static final Instant NB = Instant.parse("2024-01-10T00:00:00Z");
    static final Instant NA = NB.plus(Duration.ofDays(90));
    static final Instant VERIFY = NB.plus(Duration.ofDays(10));
    static final String LEAF_KEY = b64(1);
    static final String CA_KEY = b64(2);

    static String b64(int fill) {
        byte[] b = new byte[32];
        java.util.Arrays.fill(b, (byte) fill);
        return Base64.getEncoder().encodeToString(b);
    }

    /** A system-anchored, unqualified leaf on iOS 17: the failing baseline. */
    static SystemTrustedCtRequirement.Builder failing() {
        return SystemTrustedCtRequirement.Inputs.builder(
                        RuleSet.forRelease(IOS_17).ctRules(), NB, NA, VERIFY)
                .systemAnchored(true, false)
                .hostname("www.example.com");
    }

    @Test
    void systemTrustedUnqualifiedLeaf_fails() {
        Decision d = SystemTrustedCtRequirement.decide(failing().build());

        assertThat(d.fails()).isTrue();
        assertThat(d.outcome()).isEqualTo(Outcome.FAILS);
        assertThat(d.outcome().ctRequired()).isTrue();
        assertThat(d.evidence()).containsEntry("ctRequirement", "FAILS").containsEntry("ctRequired", true);
    }

    @Test
    void theDecisionFailsOnlyForAnUnqualifiedPath_andSaysWhy() {
        Decision failing = SystemTrustedCtRequirement.decide(failing().build());
        assertThat(failing.fails()).isTrue();
        assertThat(failing.evidence())
                .containsEntry("ctRequirement", "FAILS")
                .containsEntry("ctRequired", true)
                .containsKey("detail");
        assertThat(SystemTrustedCtRequirement.decide(failing().ctQualified(true).build())
                        .fails())
                .isFalse();
    }

    @Test
    void qualifiedLeaf_passes() {
        Decision d =
                SystemTrustedCtRequirement.decide(failing().ctQualified(true).build());

        assertThat(d.outcome()).isEqualTo(Outcome.CT_QUALIFIED);
        assertThat(d.outcome().ctRequired()).isTrue();
    }

    @Test
    void expiredLeaf_isNotACtFailure() {
        Decision d = SystemTrustedCtRequirement.decide(SystemTrustedCtRequirement.Inputs.builder(
                        RuleSet.forRelease(IOS_17).ctRules(), NB, NA, NA.plusSeconds(1))
                .systemAnchored(true, false)
                .build());

        assertThat(d.outcome()).isEqualTo(Outcome.LEAF_NOT_VALID_AT_VERIFY_TIME);
        assertThat(d.fails()).isFalse();
        assertThat(d.outcome().ctRequired()).isFalse();
    }

    @Test
    void leafValidityIsInclusiveAtBothEnds() {
        assertThat(SystemTrustedCtRequirement.decide(SystemTrustedCtRequirement.Inputs.builder(
                                        RuleSet.forRelease(IOS_17).ctRules(), NB, NA, NA)
                                .systemAnchored(true, false)
                                .build())
                        .fails())
                .isTrue();
        assertThat(SystemTrustedCtRequirement.decide(SystemTrustedCtRequirement.Inputs.builder(
                                        RuleSet.forRelease(IOS_17).ctRules(), NB, NA, NB)
                                .systemAnchored(true, false)
                                .build())
                        .fails())
                .isTrue();
    }

    @Property(tries = 50)
    void leafIssuedBefore20181016_isNotRequired(@ForAll @LongRange(min = -5, max = 5) long offsetSeconds) {
        Statistics.collect(offsetSeconds < 0 ? "before" : "on or after");
        Statistics.coverage(c -> {
            c.check("before").count(n -> n > 0);
            c.check("on or after").count(n -> n > 0);
        });
        Instant nb = SystemTrustedCtRequirement.ENFORCEMENT_CUTOFF.plusSeconds(offsetSeconds);
        Decision d = SystemTrustedCtRequirement.decide(SystemTrustedCtRequirement.Inputs.builder(
                        RuleSet.forRelease(IOS_17).ctRules(),
                        nb,
                        nb.plus(Duration.ofDays(365)),
                        nb.plus(Duration.ofDays(1)))
                .systemAnchored(true, false)
                .build());

        assertThat(d.fails()).isEqualTo(offsetSeconds >= 0);
        if (offsetSeconds < 0) {
            assertThat(d.outcome()).isEqualTo(Outcome.ISSUED_BEFORE_CUTOFF);
        }
    }

    @Test
    void appleRoot_isExempt() {
        assertThat(SystemTrustedCtRequirement.decide(
                                failing().systemAnchored(true, true).build())
                        .outcome())
                .isEqualTo(Outcome.APPLE_ROOT);
    }

    @Test
    void nonSystemAnchor_isExempt() {
        assertThat(SystemTrustedCtRequirement.decide(
                                failing().systemAnchored(false, false).build())
                        .outcome())
                .isEqualTo(Outcome.NOT_SYSTEM_ANCHORED);
    }

    @Test
    void releasesBefore1211_doNotEnforce() {
        assertThat(SystemTrustedCtRequirement.decide(SystemTrustedCtRequirement.Inputs.builder(
                                        RuleSet.forRelease(IosRelease.parse("12.1"))
                                                .ctRules(),
                                        NB,
                                        NA,
                                        VERIFY)
                                .systemAnchored(true, false)
                                .build())
                        .outcome())
                .isEqualTo(Outcome.RELEASE_BEFORE_ENFORCEMENT);
        assertThat(SystemTrustedCtRequirement.decide(SystemTrustedCtRequirement.Inputs.builder(
                                        RuleSet.forRelease(IosRelease.parse("12.1.1"))
                                                .ctRules(),
                                        NB,
                                        NA,
                                        VERIFY)
                                .systemAnchored(true, false)
                                .build())
                        .fails())
                .isTrue();
    }

    @Test
    void staleLogList_disablesEnforcement_butCallerSuppliedLogsForceIt() {
        assertThat(SystemTrustedCtRequirement.decide(failing()
                                .logList(LogListProvenance.RELEASE_LIST_STALE)
                                .build())
                        .outcome())
                .isEqualTo(Outcome.LOG_LIST_STALE);
        assertThat(SystemTrustedCtRequirement.decide(failing()
                                .logList(LogListProvenance.CALLER_SUPPLIED)
                                .build())
                        .fails())
                .isTrue();
    }

    @Test
    void killSwitch_andOtherPolicies_disableTheCheck() {
        assertThat(SystemTrustedCtRequirement.decide(
                                failing().killSwitchOn(true).build())
                        .outcome())
                .isEqualTo(Outcome.KILL_SWITCH_ON);
        assertThat(SystemTrustedCtRequirement.decide(
                                failing().sslServerPolicy(false).build())
                        .outcome())
                .isEqualTo(Outcome.NOT_SSL_SERVER_POLICY);
    }

    @Test
    void mdmDomainException_withLeadingDot_coversSubdomainsAndTheBareDomain() {
        CtExceptions ex = CtExceptions.of(List.of(".Example.com"), List.of());
        for (String host : List.of("www.example.com", "a.b.EXAMPLE.com", "example.com")) {
            Decision d = SystemTrustedCtRequirement.decide(
                    failing().hostname(host).exceptions(ex, null, List.of()).build());
            assertThat(d.outcome()).as(host).isEqualTo(Outcome.MDM_DOMAIN_EXCEPTION);
        }
        for (String host : List.of("badexample.com", "example.com.evil", "com")) {
            assertThat(SystemTrustedCtRequirement.decide(failing()
                                    .hostname(host)
                                    .exceptions(ex, null, List.of())
                                    .build())
                            .fails())
                    .as(host)
                    .isTrue();
        }
    }

    @Test
    void mdmDomainException_entriesAreLiteralSuffixes() {
        // iOS compares literally: "." is a suffix of any host with a trailing dot, and nothing else
        CtExceptions ex = CtExceptions.of(List.of("."), List.of());

        assertThat(SystemTrustedCtRequirement.decide(failing()
                                .hostname("www.example.com.")
                                .exceptions(ex, null, List.of())
                                .build())
                        .outcome())
                .isEqualTo(Outcome.MDM_DOMAIN_EXCEPTION);
        assertThat(SystemTrustedCtRequirement.decide(failing()
                                .hostname("www.example.com")
                                .exceptions(ex, null, List.of())
                                .build())
                        .fails())
                .isTrue();
    }

    @Test
    void mdmDomainException_withoutDot_isExactCaseInsensitive() {
        CtExceptions ex = CtExceptions.of(List.of("example.com"), List.of());

        assertThat(SystemTrustedCtRequirement.decide(failing()
                                .hostname("EXAMPLE.com")
                                .exceptions(ex, null, List.of())
                                .build())
                        .outcome())
                .isEqualTo(Outcome.MDM_DOMAIN_EXCEPTION);
        assertThat(SystemTrustedCtRequirement.decide(failing()
                                .hostname("www.example.com")
                                .exceptions(ex, null, List.of())
                                .build())
                        .fails())
                .isTrue();
        assertThat(SystemTrustedCtRequirement.decide(failing()
                                .hostname(null)
                                .exceptions(ex, null, List.of())
                                .build())
                        .fails())
                .isTrue();
    }

    @Test
    void mdmLeafKeyException_alwaysExempts() {
        CtExceptions ex = CtExceptions.of(List.of(), List.of(LEAF_KEY));
        CtExceptionSubject leaf = new CtExceptionSubject(LEAF_KEY, List.of(), false);

        assertThat(SystemTrustedCtRequirement.decide(
                                failing().exceptions(ex, leaf, List.of()).build())
                        .outcome())
                .isEqualTo(Outcome.MDM_LEAF_KEY_EXCEPTION);
    }

    @Test
    void mdmCaKeyException_exemptsOnlyAnOrganizationBoundCa() {
        CtExceptions ex = CtExceptions.of(List.of(), List.of(CA_KEY));
        CtExceptionSubject leaf = new CtExceptionSubject(LEAF_KEY, List.of("Contoso"), false);

        CtExceptionSubject unrelated = new CtExceptionSubject(CA_KEY, List.of("Public CA Inc"), false);
        CtExceptionSubject sameOrg = new CtExceptionSubject(CA_KEY, List.of("Contoso"), false);
        CtExceptionSubject constrained = new CtExceptionSubject(CA_KEY, List.of("Public CA Inc"), true);

        assertThat(SystemTrustedCtRequirement.decide(failing()
                                .exceptions(ex, leaf, List.of(unrelated))
                                .build())
                        .fails())
                .isTrue();
        assertThat(SystemTrustedCtRequirement.decide(
                                failing().exceptions(ex, leaf, List.of(sameOrg)).build())
                        .outcome())
                .isEqualTo(Outcome.MDM_CA_KEY_EXCEPTION);
        assertThat(SystemTrustedCtRequirement.decide(failing()
                                .exceptions(ex, leaf, List.of(constrained))
                                .build())
                        .outcome())
                .isEqualTo(Outcome.MDM_CA_KEY_EXCEPTION);
        CtExceptionSubject noOrgLeaf = new CtExceptionSubject(LEAF_KEY, List.of(), false);
        CtExceptionSubject noOrgCa = new CtExceptionSubject(CA_KEY, List.of(), false);
        assertThat(SystemTrustedCtRequirement.decide(failing()
                                .exceptions(ex, noOrgLeaf, List.of(noOrgCa))
                                .build())
                        .fails())
                .isTrue();
    }

    @Test
    void exceptionSubject_readsKeyOrganizationsAndNameConstraintsFromACertificate() {
        var pki = CtTestLogs.PKI;
        var root = pki.root("Exception Root").build();
        var constrained = pki.intermediate("Sub CA", root)
                .subject("CN=Sub CA,O=Contoso,O=Contoso Labs")
                .permittedDirectoryName("O=Contoso")
                .build();
        var plain = pki.intermediate("Other CA", root)
                .subject("CN=Other CA,O=Public CA Inc")
                .build();

        CtExceptionSubject s = CtExceptionSubject.fromCertificate(constrained.der());
        CtExceptionSubject p = CtExceptionSubject.fromCertificate(plain.der());

        assertThat(s.organizations()).containsExactlyInAnyOrder("Contoso", "Contoso Labs");
        assertThat(s.permittedSubtreesOrganization()).isTrue();
        assertThat(s.spkiSha256Base64())
                .isEqualTo(Base64.getEncoder()
                        .encodeToString(com.google.common.hash.Hashing.sha256()
                                .hashBytes(CtTestLogs.spki(constrained))
                                .asBytes()));
        assertThat(p.organizations()).containsExactly("Public CA Inc");
        assertThat(p.permittedSubtreesOrganization()).isFalse();
        assertThatThrownBy(() -> CtExceptionSubject.fromCertificate(new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exceptionHashes_mustBeBase64Sha256() {
        assertThatThrownBy(() -> CtExceptions.of(List.of(), List.of("not base64!")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> CtExceptions.of(List.of(), List.of("AAAA")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void evNeedsCtFromIos10_unlessKillSwitchOrStaleList() {
        assertThat(SystemTrustedCtRequirement.evCtConditionMet(
                        RuleSet.forRelease(IOS_17).ctRules(), false, LogListProvenance.RELEASE_LIST_FRESH, false))
                .isFalse();
        assertThat(SystemTrustedCtRequirement.evCtConditionMet(
                        RuleSet.forRelease(IOS_17).ctRules(), true, LogListProvenance.RELEASE_LIST_FRESH, false))
                .isTrue();
        assertThat(SystemTrustedCtRequirement.evCtConditionMet(
                        RuleSet.forRelease(IOS_17).ctRules(), false, LogListProvenance.RELEASE_LIST_STALE, false))
                .isTrue();
        assertThat(SystemTrustedCtRequirement.evCtConditionMet(
                        RuleSet.forRelease(IOS_17).ctRules(), false, LogListProvenance.RELEASE_LIST_FRESH, true))
                .isTrue();
        assertThat(SystemTrustedCtRequirement.evCtConditionMet(
                        RuleSet.forRelease(IosRelease.parse("9.3")).ctRules(),
                        false,
                        LogListProvenance.RELEASE_LIST_FRESH,
                        false))
                .isTrue();
    }
}
