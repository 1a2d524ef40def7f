package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.codes;
import static io.github.sectrust4j.policy.PolicyTestSupport.failure;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static io.github.sectrust4j.policy.PolicyTestSupport.processingReturning;
import static io.github.sectrust4j.policy.PolicyTestSupport.validate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.path.PathValidator;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.policy.rfc5280.OutsideValidityPeriod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** §1.7 recording, §7.3 usage constraints and Proceed, §7.2 allowed errors, §13 names and severities. */
class RecordingTest {
    private final TestPki pki = TestPki.seeded(21);
    private final HeldCertificate root = pki.root("Fabrikam Root").build();
    private final HeldCertificate ca = pki.intermediate("Fabrikam CA", root).build();
    private final List<Certificate> chain =
            certs(pki.leaf("www.fabrikam.com", ca).build(), ca, root);
    private final List<Certificate> expired = certs(
            pki.leaf("www.fabrikam.com", ca)
                    .validity(pki.now().minus(Duration.ofDays(30)), pki.now().minusSeconds(5))
                    .build(),
            ca,
            root);

    private Req req() {
        return new Req(pki.now());
    }

    private static Map<Integer, List<TrustSetting>> at(int index, TrustSetting... settings) {
        return Map.of(index, List.of(settings));
    }

    // ---------------------------------------------------------------- Proceed vs Unspecified

    @Test
    void profileRootWithFullTrust_reportsProceed_fromIos11() {
        assertThat(validate(path(Anchor.PROFILE, chain), req().build(chain)).result())
                .isEqualTo(SecTrustResult.PROCEED);
        assertThat(validate(path(Anchor.MDM, chain), req().build(chain)).result())
                .isEqualTo(SecTrustResult.PROCEED);
        assertThat(validate(path(Anchor.PROFILE, chain), req().release("10.3").build(chain))
                        .result())
                .isEqualTo(SecTrustResult.UNSPECIFIED);
    }

    @Test
    void appAndSystemAnchors_reportUnspecified() {
        assertThat(validate(path(Anchor.APP, chain), req().build(chain)).result())
                .isEqualTo(SecTrustResult.UNSPECIFIED);
        assertThat(validate(path(Anchor.SYSTEM, chain), req().build(chain)).result())
                .isEqualTo(SecTrustResult.UNSPECIFIED);
    }

    @Test
    void userStoreRootWhenAnchorsOnly_isNotProceed() {
        assertThat(validate(path(Anchor.PROFILE, chain), req().anchorsOnly().build(chain))
                        .result())
                .isEqualTo(SecTrustResult.UNSPECIFIED);
    }

    @Test
    void failingChainUnderProfileRoot_isNotUpgradedToProceed() {
        PathValidation v = validate(
                path(Anchor.PROFILE, chain), req().host("other.fabrikam.com").build(chain));
        assertThat(v.result()).isEqualTo(SecTrustResult.RECOVERABLE_TRUST_FAILURE);
    }

    // ---------------------------------------------------------------- Deny

    @Test
    void userDenyOnRoot_isUsageConstraintsAtTheRoot_resultDeny_andBeatsRecoverable() {
        PathValidation v = validate(
                path(Anchor.PROFILE, chain, at(2, TrustSetting.of(TrustSetting.Result.DENY)), false),
                req().host("other.fabrikam.com").build(chain));
        assertThat(v.result()).isEqualTo(SecTrustResult.DENY);
        Failure f = failure(v, FindingCode.USAGE_CONSTRAINTS).orElseThrow();
        assertThat(f.index()).isEqualTo(2);
        assertThat(f.severity()).isEqualTo(Severity.DENY);
        assertThat(codes(v)).contains(FindingCode.SSL_HOSTNAME);
    }

    @Test
    void fatalIsSticky_denyDoesNotReplaceIt() {
        CertificateProcessing fatal = processingReturning(Failure.of(FindingCode.WEAK_KEY_SIZE, 1, Evidence.none()));
        PathValidation v = validate(
                path(Anchor.PROFILE, chain, at(2, TrustSetting.of(TrustSetting.Result.DENY)), false),
                req().build(chain),
                fatal);
        assertThat(v.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(codes(v)).contains(FindingCode.USAGE_CONSTRAINTS, FindingCode.WEAK_KEY_SIZE);
    }

    @Test
    void denyOnAppleHardCodedRoot_hasNoEffect_andReportsProceed() {
        // the path builder keeps the deciding source's (Apple's) constraints; the user entry shows only in the request
        io.github.sectrust4j.UserRoot denied = new io.github.sectrust4j.UserRoot(
                chain.get(2),
                io.github.sectrust4j.InstallChannel.MDM,
                io.github.sectrust4j.FullTrust.ON,
                java.util.Optional.of(List.of(TrustSetting.of(TrustSetting.Result.DENY))));
        PathValidation v = validate(
                path(Anchor.SYSTEM, chain, Map.of(), true),
                req().userRoots(denied).build(chain));
        assertThat(v.result()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(codes(v)).isEmpty();
    }

    @Test
    void denyLimitedToAnotherPolicy_doesNotMatch() {
        TrustSetting denyBasic = new TrustSetting(
                TrustSetting.Result.DENY,
                java.util.Optional.of(Policy.BASIC.compatibilityOid()),
                java.util.Optional.empty(),
                java.util.Optional.empty());
        PathValidation v = validate(path(Anchor.PROFILE, chain, at(2, denyBasic), false), req().build(chain));
        assertThat(codes(v)).doesNotContain(FindingCode.USAGE_CONSTRAINTS);
    }

    // ---------------------------------------------------------------- allowed errors §7.2

    @Test
    void hostnameMismatchAllowedByLeafTrustSetting_isSuppressed() {
        TrustSetting allow =
                TrustSetting.of(TrustSetting.Result.UNSPECIFIED).allowingError(TrustSetting.CSSM_HOSTNAME_MISMATCH);
        PathValidation v = validate(
                path(Anchor.APP, chain, at(0, allow), false),
                req().host("other.fabrikam.com").build(chain));
        assertThat(v.accepted()).isTrue();
        assertThat(v.notes()).extracting(Failure::code).contains(FindingCode.SSL_HOSTNAME);
    }

    @Test
    void expiredAllowedError_suppressesTemporalValidity_butNotHostname() {
        TrustSetting allow =
                TrustSetting.of(TrustSetting.Result.UNSPECIFIED).allowingError(TrustSetting.CSSM_CERT_EXPIRED);
        PathValidation onlyExpired = validate(path(Anchor.APP, expired, at(0, allow), false), req().build(expired));
        assertThat(onlyExpired.accepted()).isTrue();
        PathValidation both = validate(
                path(Anchor.APP, expired, at(0, allow), false),
                req().host("x.fabrikam.com").build(expired));
        assertThat(codes(both)).containsExactly(FindingCode.SSL_HOSTNAME);
    }

    @Test
    void allowedErrorOnAnotherCertificate_orForAnotherHost_doesNotSuppress() {
        TrustSetting allow =
                TrustSetting.of(TrustSetting.Result.UNSPECIFIED).allowingError(TrustSetting.CSSM_CERT_EXPIRED);
        assertThat(codes(validate(path(Anchor.APP, expired, at(1, allow), false), req().build(expired))))
                .contains(FindingCode.TEMPORAL_VALIDITY);
        TrustSetting otherHost = allow.forHost("elsewhere.example");
        assertThat(codes(validate(
                        path(Anchor.APP, expired, at(0, otherHost), false),
                        req().host("www.fabrikam.com").build(expired))))
                .contains(FindingCode.TEMPORAL_VALIDITY);
    }

    @Test
    void allowedErrorNeverSuppressesFatal() {
        TrustSetting allow =
                TrustSetting.of(TrustSetting.Result.UNSPECIFIED).allowingError(TrustSetting.CSSM_CERT_EXPIRED);
        CertificateProcessing fatal =
                processingReturning(new Failure(FindingCode.TEMPORAL_VALIDITY, 0, Severity.FATAL, Evidence.none()));
        PathValidation v = validate(path(Anchor.APP, chain, at(0, allow), false), req().build(chain), fatal);
        assertThat(v.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
    }

    // ---------------------------------------------------------------- forced vs option keys, dedup

    @Test
    void sameKeyAndIndex_isStoredOnce() {
        java.time.Instant t = java.time.Instant.EPOCH;
        CertificateProcessing again =
                processingReturning(Failure.of(FindingCode.TEMPORAL_VALIDITY, 0, new OutsideValidityPeriod(t, t, t)));
        PathValidation v = validate(path(Anchor.APP, expired), req().build(expired), again);
        assertThat(v.failures())
                .filteredOn(f -> f.code() == FindingCode.TEMPORAL_VALIDITY)
                .singleElement()
                .satisfies(f -> assertThat(f.carries(OutsideValidityPeriod.class))
                        .as("the later recording (RFC 5280 processing's) wins")
                        .isTrue());
    }

    @Test
    void nonForcedCheckOutsideThePolicy_isNotRecorded_forcedOneIs() {
        CertificateProcessing p = processingReturning(
                Failure.of(FindingCode.KEY_SIZE, 0, Evidence.none()),
                Failure.of(FindingCode.ANCHOR_TRUSTED, 2, Evidence.none()));
        PathValidation v = validate(path(Anchor.NONE, chain), req().basic().build(chain), p);
        assertThat(codes(v)).containsExactly(FindingCode.ANCHOR_TRUSTED);
    }

    // ---------------------------------------------------------------- release names and severities §13

    @Test
    void beforeIos11_3_keysAreRenamed() {
        CertificateProcessing p = processingReturning(
                Failure.of(FindingCode.MISSING_INTERMEDIATE, 2, Evidence.none()),
                Failure.of(FindingCode.NAME_CONSTRAINTS, 0, Evidence.none()),
                Failure.of(FindingCode.BASIC_CONSTRAINTS_PATH_LEN, 1, Evidence.none()),
                Failure.of(FindingCode.TEMPORAL_VALIDITY, 1, Evidence.none()),
                Failure.of(FindingCode.WEAK_KEY_SIZE, 2, Evidence.none()),
                Failure.of(FindingCode.WEAK_SIGNATURE, 1, Evidence.none()));
        PathValidation v =
                validate(path(Anchor.NONE, chain), req().release("11.2").build(chain), p);
        assertThat(codes(v))
                .containsExactlyInAnyOrder(
                        FindingCode.ANCHOR_TRUSTED,
                        FindingCode.BASIC_CERTIFICATE_PROCESSING,
                        FindingCode.BASIC_CONSTRAINTS,
                        FindingCode.VALID_INTERMEDIATES,
                        FindingCode.WEAK_ROOT);
        assertThat(v.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
    }

    @Test
    void weakSignature_isRecoverableOn11_3_andFatalFrom12() {
        CertificateProcessing p = processingReturning(Failure.of(FindingCode.WEAK_SIGNATURE, 1, Evidence.none()));
        assertThat(validate(path(Anchor.APP, chain), req().release("11.3").build(chain), p)
                        .result())
                .isEqualTo(SecTrustResult.RECOVERABLE_TRUST_FAILURE);
        assertThat(validate(path(Anchor.APP, chain), req().release("12.0").build(chain), p)
                        .result())
                .isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
    }

    @Test
    void onIos10_onlyBlackListsAreFatal_weakKeyAndRevocationAreRecoverable() {
        CertificateProcessing weak = processingReturning(
                Failure.of(FindingCode.WEAK_KEY_SIZE, 0, Evidence.none()),
                Failure.of(FindingCode.REVOCATION, 0, Evidence.none()));
        PathValidation v =
                validate(path(Anchor.APP, chain), req().release("10.0").build(chain), weak);
        assertThat(v.result()).isEqualTo(SecTrustResult.RECOVERABLE_TRUST_FAILURE);
        assertThat(codes(v)).contains(FindingCode.WEAK_LEAF, FindingCode.REVOCATION);
        CertificateProcessing blocked =
                processingReturning(Failure.of(FindingCode.BLACK_LISTED_KEY, 1, Evidence.none()));
        assertThat(validate(path(Anchor.APP, chain), req().release("10.0").build(chain), blocked)
                        .result())
                .isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
    }

    @Test
    void weakKeyChecksAreAbsentOnIos9() {
        CertificateProcessing weak = processingReturning(Failure.of(FindingCode.WEAK_KEY_SIZE, 0, Evidence.none()));
        assertThat(validate(path(Anchor.APP, chain), req().release("9.3").build(chain), weak)
                        .accepted())
                .isTrue();
    }

    @Test
    void extensionPoints_runTheIntegrationsChecks() {
        PathCheck revocation = (p, r, rules) -> List.of(Failure.of(FindingCode.REVOCATION, 0, Evidence.none()));
        PathValidation v = Policies.validatorFor(
                        req().build(chain), PolicyTestSupport.CLEAN, List.of(revocation), List.of())
                .validate(path(Anchor.APP, chain), req().build(chain));
        assertThat(v.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
    }

    @Test
    void leafChecks_reportLeafFailuresOnly() {
        PathValidator validator = Policies.validatorFor(
                req().host("other.fabrikam.com").build(expired), PolicyTestSupport.CLEAN, List.of(), List.of());
        assertThat(validator.leafChecks(
                        expired.get(0), req().host("other.fabrikam.com").build(expired)))
                .extracting(Failure::code)
                .containsExactlyInAnyOrder(FindingCode.SSL_HOSTNAME, FindingCode.TEMPORAL_VALIDITY);
    }
}
