package io.github.sectrust4j.revocation.internal;

import static io.github.sectrust4j.revocation.ValidFlag.ALLOW_LIST;
import static io.github.sectrust4j.revocation.ValidFlag.CHECK_OCSP;
import static io.github.sectrust4j.revocation.ValidFlag.COMPLETE;
import static io.github.sectrust4j.revocation.ValidFlag.DATE_CONSTRAINTS;
import static io.github.sectrust4j.revocation.ValidFlag.KNOWN_INTERMEDIATES_ONLY;
import static io.github.sectrust4j.revocation.ValidFlag.NO_CA_V2;
import static io.github.sectrust4j.revocation.ValidFlag.OVERRIDABLE;
import static io.github.sectrust4j.revocation.ValidFlag.POLICY_CONSTRAINTS;
import static io.github.sectrust4j.revocation.ValidFlag.REQUIRE_CT;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.revocation.InMemoryRevocationDatabase;
import io.github.sectrust4j.revocation.RevocationDatabase;
import io.github.sectrust4j.revocation.ValidFlag;
import io.github.sectrust4j.revocation.ValidFormat;
import io.github.sectrust4j.revocation.ValidGroup;
import io.github.sectrust4j.revocation.ValidInfo;
import io.github.sectrust4j.revocation.ValidPolicy;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** §9.2 steps 4–5 and "Processing", flag by flag. */
class ValidDecisionTest {
    private static final Instant NOW = Instant.parse("2024-05-01T00:00:00Z");
    private static final Instant ISSUED = Instant.parse("2023-01-01T00:00:00Z");
    private static final ValidContext SSL = ValidContext.sslServer(NOW);

    private static ValidGroup group(ValidFormat format, Set<ValidFlag> flags) {
        return new ValidGroup(7, flags, format, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static ValidGroup group(ValidFlag... flags) {
        return group(ValidFormat.SERIAL, flags.length == 0 ? Set.of() : EnumSet.of(flags[0], flags));
    }

    private static ValidDecision decide(int position, ValidGroup group, boolean onList) {
        return ValidDecision.decide(position, new ValidInfo(group, onList), ISSUED, SSL);
    }

    @Test
    void revoked_isAllowListMissOrBlockListHit() {
        assertThat(new ValidInfo(group(), true).revoked()).isTrue();
        assertThat(new ValidInfo(group(), false).revoked()).isFalse();
        assertThat(new ValidInfo(group(ALLOW_LIST), false).revoked()).isTrue();
        assertThat(new ValidInfo(group(ALLOW_LIST), true).revoked()).isFalse();
    }

    @Test
    void definitive_forSerialAndHashLists_isNoCaV2OrCompleteOrOnList() {
        for (ValidFormat format : List.of(ValidFormat.SERIAL, ValidFormat.SHA256)) {
            assertThat(new ValidInfo(group(format, Set.of()), false).definitive())
                    .isFalse();
            assertThat(new ValidInfo(group(format, Set.of()), true).definitive())
                    .isTrue();
            assertThat(new ValidInfo(group(format, Set.of(COMPLETE)), false).definitive())
                    .isTrue();
            assertThat(new ValidInfo(group(format, Set.of(NO_CA_V2)), false).definitive())
                    .isTrue();
        }
    }

    @Test
    void definitive_forFilters_isNoCaV2OrCompleteMiss_aHitIsNeverDefinitive() {
        assertThat(new ValidInfo(group(ValidFormat.FILTER, Set.of(COMPLETE)), true).definitive())
                .isFalse();
        assertThat(new ValidInfo(group(ValidFormat.FILTER, Set.of(COMPLETE)), false).definitive())
                .isTrue();
        assertThat(new ValidInfo(group(ValidFormat.FILTER, Set.of()), false).definitive())
                .isFalse();
        assertThat(new ValidInfo(group(ValidFormat.FILTER, Set.of(NO_CA_V2)), true).definitive())
                .isTrue();
    }

    @Test
    void completeBlockListHit_isRevocationReasonZeroFatal_unlessAUsableOcspResponseExists() {
        ValidDecision decision = decide(0, group(COMPLETE), true);
        assertThat(decision.immediate()).isEmpty();
        ValidFailure failure = decision.failures(false).get(0);
        assertThat(failure.code()).isEqualTo(FindingCode.REVOCATION);
        assertThat(failure.severity()).isEqualTo(Severity.FATAL);
        assertThat(failure.reason()).hasValue(0);
        assertThat(decision.triggerOcsp()).isTrue();
        assertThat(decision.failures(true)).isEmpty();
    }

    @Test
    void overridableRevokedGroup_isGrayListedLeafRecoverable_evenAtAnIntermediate() {
        ValidFailure failure =
                decide(1, group(COMPLETE, OVERRIDABLE), true).failures(false).get(0);
        assertThat(failure.code()).isEqualTo(FindingCode.GRAY_LISTED_LEAF);
        assertThat(failure.severity()).isEqualTo(Severity.RECOVERABLE);
        assertThat(failure.position()).isEqualTo(1);
    }

    @Test
    void completeBlockListMiss_isDefinitelyGood_noOcspNoFailure() {
        ValidDecision decision = decide(0, group(COMPLETE), false);
        assertThat(decision.failures(false)).isEmpty();
        assertThat(decision.triggerOcsp()).isFalse();
    }

    @Test
    void incompleteBlockListMiss_isNotDefinitive_andSwitchesOcspOn() {
        ValidDecision decision = decide(0, group(), false);
        assertThat(decision.failures(false)).isEmpty();
        assertThat(decision.triggerOcsp()).isTrue();
    }

    @Test
    void checkOcspFlag_switchesOcspOn_forADefinitelyGoodCertificate() {
        assertThat(decide(0, group(COMPLETE, CHECK_OCSP), false).triggerOcsp()).isTrue();
    }

    @Test
    void filterHit_isPossiblyRevoked_ocspOnly_noDeterminedError() {
        ValidDecision decision = decide(0, group(ValidFormat.FILTER, Set.of(COMPLETE)), true);
        assertThat(decision.failures(false)).isEmpty();
        assertThat(decision.triggerOcsp()).isTrue();
    }

    @Test
    void noCaV2Revoked_isImmediateBlackListedLeaf_withoutOcsp() {
        ValidDecision decision =
                decide(1, group(ValidFormat.SHA256, EnumSet.of(NO_CA_V2, ALLOW_LIST, COMPLETE)), false);
        assertThat(decision.immediate()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.BLACK_LISTED_LEAF);
            assertThat(f.severity()).isEqualTo(Severity.FATAL);
        });
        assertThat(decision.failures(true)).hasSize(1); // OCSP cannot override no-ca-v2
        assertThat(decision.triggerOcsp()).isFalse();
        assertThat(decision.allowListed()).isFalse();
    }

    @Test
    void noCaV2AllowListHit_marksThePathAllowListed() {
        ValidDecision decision = decide(1, group(ValidFormat.SHA256, EnumSet.of(NO_CA_V2, ALLOW_LIST, COMPLETE)), true);
        assertThat(decision.allowListed()).isTrue();
        assertThat(decision.failures(false)).isEmpty();
        assertThat(decision.triggerOcsp()).isFalse();
    }

    @Test
    void noCaV2OverridableRevoked_isGrayListedLeaf() {
        ValidDecision decision = decide(0, group(ValidFormat.SERIAL, EnumSet.of(NO_CA_V2, OVERRIDABLE)), true);
        assertThat(decision.immediate()).extracting(ValidFailure::code).containsExactly(FindingCode.GRAY_LISTED_LEAF);
    }

    @Test
    void appleAnchoredPath_clearsNoCaV2_soOcspIsConsulted() {
        ValidGroup allowList = group(ValidFormat.SHA256, EnumSet.of(NO_CA_V2, ALLOW_LIST, COMPLETE));
        ValidDecision decision =
                ValidDecision.decide(1, new ValidInfo(allowList, false), ISSUED, new ValidContext(NOW, true, true));
        assertThat(decision.immediate()).isEmpty();
        assertThat(decision.triggerOcsp()).isTrue();
        assertThat(decision.failures(false)).extracting(ValidFailure::code).containsExactly(FindingCode.REVOCATION);
        assertThat(decision.failures(true)).isEmpty();
    }

    private static ValidGroup policyGroup(List<ValidPolicy> allowed, ValidFlag... extra) {
        EnumSet<ValidFlag> flags = EnumSet.of(COMPLETE, POLICY_CONSTRAINTS);
        flags.addAll(List.of(extra));
        return new ValidGroup(
                9,
                flags,
                ValidFormat.SERIAL,
                Optional.empty(),
                Optional.empty(),
                ValidPolicy.decode(ValidPolicy.encode(allowed)),
                Optional.empty());
    }

    @Test
    void policyConstraintsWithoutServerAuth_failIssuerPolicyConstraints_fatalOrRecoverable() {
        List<ValidPolicy> noServer = List.of(ValidPolicy.CLIENT_AUTHENTICATION, ValidPolicy.EMAIL_PROTECTION);
        assertThat(decide(1, policyGroup(noServer), false).immediate())
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.code()).isEqualTo(FindingCode.ISSUER_POLICY_CONSTRAINTS);
                    assertThat(f.severity()).isEqualTo(Severity.FATAL);
                });
        assertThat(decide(1, policyGroup(noServer, OVERRIDABLE), false).immediate())
                .singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.RECOVERABLE));
    }

    @Test
    void policyConstraintsAllowingServerAuthOrAny_pass_andNonServerPoliciesAreNotConstrained() {
        assertThat(decide(1, policyGroup(List.of(ValidPolicy.SERVER_AUTHENTICATION)), false)
                        .immediate())
                .isEmpty();
        assertThat(decide(1, policyGroup(List.of(ValidPolicy.ANY)), false).immediate())
                .isEmpty();
        ValidDecision clientPolicy = ValidDecision.decide(
                1,
                new ValidInfo(policyGroup(List.of(ValidPolicy.CODE_SIGNING)), false),
                ISSUED,
                new ValidContext(NOW, false, false));
        assertThat(clientPolicy.immediate()).isEmpty();
    }

    @Test
    void invalidPolicyBlob_constrainsNothing_asOnIos() {
        assertThat(ValidPolicy.decode(new byte[] {3, 1})).isEmpty();
        assertThat(ValidPolicy.decode(new byte[0])).isEmpty();
        assertThat(ValidPolicy.decode(new byte[] {4, 1, 2, 4, 5}))
                .contains(List.of(
                        ValidPolicy.SERVER_AUTHENTICATION,
                        ValidPolicy.CLIENT_AUTHENTICATION,
                        ValidPolicy.CODE_SIGNING,
                        ValidPolicy.TIME_STAMPING));
    }

    private static ValidGroup dated(Instant notBefore, Instant notAfter, ValidFlag... extra) {
        EnumSet<ValidFlag> flags = EnumSet.of(COMPLETE, DATE_CONSTRAINTS);
        flags.addAll(List.of(extra));
        return new ValidGroup(
                11,
                flags,
                ValidFormat.SERIAL,
                Optional.ofNullable(notBefore),
                Optional.ofNullable(notAfter),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void leafIssuedAfterGroupNotAfter_isRevocationReasonZero_orGrayListedKeyWhenOverridable() {
        Instant cutoff = ISSUED.minusSeconds(1);
        assertThat(decide(0, dated(null, cutoff), false).immediate())
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.code()).isEqualTo(FindingCode.REVOCATION);
                    assertThat(f.reason()).hasValue(0);
                });
        assertThat(decide(0, dated(null, cutoff, OVERRIDABLE), false).immediate())
                .singleElement()
                .satisfies(f -> assertThat(f.code()).isEqualTo(FindingCode.GRAY_LISTED_KEY));
        assertThat(decide(0, dated(null, ISSUED), false).immediate()).isEmpty(); // inclusive bound
    }

    @Test
    void notBeforeBound_appliesToTheLeafOnly() {
        Instant later = ISSUED.plusSeconds(1);
        assertThat(decide(0, dated(later, null), false).immediate())
                .extracting(ValidFailure::code)
                .containsExactly(FindingCode.REVOCATION);
        assertThat(decide(1, dated(later, null), false).immediate()).isEmpty();
    }

    @Test
    void dateConstraintsNeedTheFlag() {
        ValidGroup noFlag = new ValidGroup(
                3,
                Set.of(COMPLETE),
                ValidFormat.SERIAL,
                Optional.empty(),
                Optional.of(ISSUED.minusSeconds(10)),
                Optional.empty(),
                Optional.empty());
        assertThat(decide(0, noFlag, false).immediate()).isEmpty();
        assertThat(decide(0, noFlag, false).requireCt()).isFalse();
    }

    @Test
    void groupNotAfterAlreadyPastByTheCurrentClock_makesCtRequired() {
        assertThat(decide(1, dated(null, NOW.minusSeconds(1)), false).requireCt())
                .isTrue();
        assertThat(decide(1, dated(null, NOW.plusSeconds(1)), false).requireCt())
                .isFalse();
    }

    @Test
    void requireCtFlag_makesCtRequired_overridableWhenTheGroupIs() {
        ValidDecision plain = decide(1, group(COMPLETE, REQUIRE_CT), false);
        assertThat(plain.requireCt()).isTrue();
        assertThat(plain.ctRequiredOverridable()).isFalse();
        assertThat(decide(1, group(COMPLETE, REQUIRE_CT, OVERRIDABLE), false).ctRequiredOverridable())
                .isTrue();
    }

    @Test
    void ctIssuanceAfterTheEarliestGroupNotAfter_isTheDeterminedErrorAtThatPosition() {
        Instant early = Instant.parse("2024-11-15T00:00:00Z");
        ValidDecision leaf = decide(0, dated(null, early.plusSeconds(86400)), false);
        ValidDecision intermediate = decide(1, dated(null, early), false);
        List<ValidDecision> path = List.of(leaf, intermediate);
        assertThat(ValidDecision.ctIssuanceFailure(path, early)).isEmpty();
        assertThat(ValidDecision.ctIssuanceFailure(path, early.plusSeconds(1))).hasValueSatisfying(f -> {
            assertThat(f.position()).isEqualTo(1);
            assertThat(f.code()).isEqualTo(FindingCode.BLACK_LISTED_LEAF);
        });
    }

    @Test
    void knownIntermediatesOnly_flagsTheFirstUnknownCaFromTheTop() {
        byte[] rootHash = new byte[32];
        byte[] knownCa = new byte[32];
        knownCa[0] = 1;
        byte[] unknownCa = new byte[32];
        unknownCa[0] = 2;
        ValidGroup knownOnly = new ValidGroup(
                5,
                EnumSet.of(COMPLETE, KNOWN_INTERMEDIATES_ONLY),
                ValidFormat.SERIAL,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        ValidGroup plain = group(COMPLETE);
        RevocationDatabase db = InMemoryRevocationDatabase.builder()
                .group(knownOnly, rootHash)
                .group(
                        new ValidGroup(
                                6,
                                Set.of(COMPLETE),
                                ValidFormat.SERIAL,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()),
                        knownCa)
                .build();

        List<KnownIntermediates.Position> good = List.of(
                new KnownIntermediates.Position(new byte[32], false, Optional.of(new ValidInfo(plain, false))),
                new KnownIntermediates.Position(knownCa, true, Optional.of(new ValidInfo(knownOnly, false))),
                new KnownIntermediates.Position(rootHash, true, Optional.empty()));
        assertThat(KnownIntermediates.firstViolation(good, db)).isEmpty();

        List<KnownIntermediates.Position> bad = List.of(
                new KnownIntermediates.Position(new byte[32], false, Optional.empty()),
                new KnownIntermediates.Position(unknownCa, true, Optional.of(new ValidInfo(knownOnly, false))),
                new KnownIntermediates.Position(rootHash, true, Optional.empty()));
        assertThat(KnownIntermediates.firstViolation(bad, db)).hasValueSatisfying(f -> {
            assertThat(f.position()).isEqualTo(1);
            assertThat(f.code()).isEqualTo(FindingCode.BLACK_LISTED_LEAF);
        });
    }

    @Test
    void evidence_namesGroupFlagsAndOutcome_inStableOrder() {
        ValidDecision decision = decide(0, group(COMPLETE, CHECK_OCSP), true);
        assertThat(decision.evidence().keySet()).startsWith("position", "validGroup", "validFormat", "validFlags");
        assertThat(decision.evidence())
                .containsEntry("validFlags", List.of("COMPLETE", "CHECK_OCSP"))
                .containsEntry("validRevoked", true);
    }
}
