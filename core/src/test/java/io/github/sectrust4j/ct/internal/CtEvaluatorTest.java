package io.github.sectrust4j.ct.internal;

import static io.github.sectrust4j.ct.CtTestLogs.id;
import static io.github.sectrust4j.ct.CtTestLogs.in;
import static io.github.sectrust4j.ct.CtTestLogs.spki;
import static io.github.sectrust4j.ct.CtTestLogs.usable;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.ct.CtLog;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.ct.CtLogState;
import io.github.sectrust4j.ct.CtTestLogs;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.Sct;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.policy.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenario tests of the per-SCT checks (§8.2) and the qualification decision (§8.3). */
class CtEvaluatorTest {
    static final IosRelease IOS_17 = IosRelease.parse("17.4");
    static final TestPki PKI = CtTestLogs.PKI;
    static final HeldCertificate ROOT = PKI.root("CT Test Root").build();
    static final HeldCertificate ISSUER =
            PKI.intermediate("CT Test Issuing CA", ROOT).build();
    static final TestCtLog A = CtTestLogs.log("Op A", "A log");
    static final TestCtLog B = CtTestLogs.log("Op B", "B log");
    static final TestCtLog C = CtTestLogs.log("Op C", "C log");
    static final TestCtLog RSA = CtTestLogs.rsaLog("Op R", "RSA log");

    static final Instant NOT_BEFORE = Instant.parse("2024-01-10T00:00:00Z");
    static final Instant NOT_AFTER = NOT_BEFORE.plus(Duration.ofDays(90));
    static final Instant ISSUED = NOT_BEFORE.minusSeconds(60);
    static final Instant VERIFY = Instant.parse("2024-02-01T00:00:00Z");

    /** One SCT to embed: which log, when. */
    record Embed(TestCtLog log, Instant at, boolean broken) {}

    static Embed at(TestCtLog log, Instant when) {
        return new Embed(log, when, false);
    }

    static CtLogList list(CtLog... logs) {
        return CtLogList.of(List.of(logs));
    }

    static HeldCertificate leaf(Embed... scts) {
        var b = PKI.leaf("ct.example.test", ISSUER).validity(NOT_BEFORE, NOT_AFTER);
        for (Embed e : scts) {
            b = e.broken() ? b.embeddedBrokenSct(e.log(), e.at()) : b.embeddedScts(e.log(), e.at());
        }
        return b.build();
    }

    static CtEvaluation evaluate(HeldCertificate leaf, CtLogList logs) {
        return CtEvaluator.evaluate(
                CtRequest.builder(leaf.der(), VERIFY).issuerSpki(spki(ISSUER)).build(),
                logs,
                RuleSet.forRelease(IOS_17).ctRules());
    }

    static byte[] tls(TestCtLog log, HeldCertificate leaf) {
        return log.sctFor(leaf, ISSUED).encoded();
    }

    @Test
    void twoEmbeddedSctsFromUsableLogs_shortLivedLeaf_qualifiesViaEmbeddedPath() {
        HeldCertificate m = leaf(at(A, ISSUED), at(B, ISSUED.plusSeconds(5)));

        CtEvaluation ct = evaluate(m, list(usable(A), usable(B)));

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.EMBEDDED);
        assertThat(ct.required()).isEqualTo(2);
        assertThat(ct.counted()).isEqualTo(2);
        assertThat(ct.issuanceTime()).contains(ISSUED);
        assertThat(ct.lifetimeRule().orElseThrow().policy()).isEqualTo(CtLifetimeRule.Policy.V2_SECONDS);
        assertThat(ct.outcomes()).extracting(SctOutcome::verdict).containsExactly(SctVerdict.VALID, SctVerdict.VALID);
        assertThat(ct.outcomes()).allMatch(SctOutcome::counted);
    }

    @Test
    void reconstructedPrecertTbs_equalsTheTbsTheLogsSigned() {
        HeldCertificate m = leaf(at(A, ISSUED));
        byte[] precertificate = m.precertificate().orElseThrow().der();

        // the fixtures re-encode the precertificate's TBS without the poison; the evaluator splices the final
        // certificate's bytes without the SCT list: both must give the bytes the log signed
        assertThat(SignedEntries.precertTbs(m.der()).value())
                .hasValueSatisfying(tbs -> assertThat(tbs).isEqualTo(TestCtLog.tbsWithoutCtExtensions(precertificate)));
    }

    @Test
    void precertTbsOfAParsedLeaf_tellsTheSctListByItsOidBytes_sameBytesAsDecodingEveryExtension() throws Exception {
        HeldCertificate two = leaf(at(A, ISSUED), at(B, ISSUED));
        byte[] precertificate = two.precertificate().orElseThrow().der();
        assertThat(SignedEntries.precertTbsOfParsed(two.der()).value())
                .hasValueSatisfying(tbs -> assertThat(tbs).isEqualTo(TestCtLog.tbsWithoutCtExtensions(precertificate)));
        for (HeldCertificate leaf : List.of(two, leaf(at(A, ISSUED)), leaf(), ISSUER, ROOT)) {
            Parsed<byte[]> decoded = SignedEntries.precertTbs(leaf.der());
            Parsed<byte[]> byOid = SignedEntries.precertTbsOfParsed(leaf.der());
            assertThat(byOid.isOk()).isEqualTo(decoded.isOk());
            assertThat(byOid.error()).isEqualTo(decoded.error());
            if (decoded.isOk()) {
                assertThat(byOid.value().orElseThrow())
                        .isEqualTo(decoded.value().orElseThrow());
            }
        }
        // the SCT list is the only extension dropped: a leaf without one keeps its TBS byte for byte
        HeldCertificate none = leaf();
        byte[] plainTbs =
                io.github.sectrust4j.cert.Certificate.parse(none.der()).tbsDer();
        assertThat(SignedEntries.precertTbsOfParsed(none.der()).value()).hasValue(plainTbs);
    }

    static List<SctVerdict> verdictsUnder(HeldCertificate leaf, HeldCertificate issuer) {
        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(leaf.der(), VERIFY).issuerSpki(spki(issuer)).build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IOS_17).ctRules());
        return ct.outcomes().stream().map(SctOutcome::verdict).toList();
    }

    @Test
    void embeddedScts_underIssuersTakenInTurn_eachVerifyWithTheirOwnIssuerKeyHash() {
        HeldCertificate otherIssuer =
                PKI.intermediate("CT Test Issuing CA 2", ROOT).build();
        for (int round = 0; round < 2; round++) {
            for (HeldCertificate issuer : List.of(ISSUER, otherIssuer)) {
                HeldCertificate leaf = PKI.leaf("turns.example.test", issuer)
                        .validity(NOT_BEFORE, NOT_AFTER)
                        .embeddedScts(A, ISSUED)
                        .embeddedScts(B, ISSUED)
                        .build();
                assertThat(verdictsUnder(leaf, issuer)).containsExactly(SctVerdict.VALID, SctVerdict.VALID);
                // the same leaf judged as if issued by the other CA: its issuer_key_hash differs, so the SCTs do not
                // verify
                assertThat(verdictsUnder(leaf, issuer == ISSUER ? otherIssuer : ISSUER))
                        .containsExactly(SctVerdict.INVALID_SIGNATURE, SctVerdict.INVALID_SIGNATURE);
            }
        }
    }

    @Test
    void oneEmbeddedSct_isOneShortOfTwo_notQualified() {
        CtEvaluation ct = evaluate(leaf(at(A, ISSUED)), list(usable(A), usable(B)));

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.EMBEDDED);
        assertThat(ct.counted()).isEqualTo(1);
        assertThat(ct.required()).isEqualTo(2);
    }

    @Test
    void parsedCertificates_feedTheSameRequest() {
        HeldCertificate m = leaf(at(A, ISSUED), at(B, ISSUED));
        var leaf = io.github.sectrust4j.cert.Certificate.parse(m.der());
        var issuer = io.github.sectrust4j.cert.Certificate.parse(ISSUER.der());

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(leaf, VERIFY).issuer(issuer).build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.qualified()).isTrue();
    }

    @Test
    void leafWithoutScts_isNotQualified_andSaysSo() {
        CtEvaluation ct = evaluate(leaf(), list(usable(A), usable(B)));

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.NONE);
        assertThat(ct.outcomes()).isEmpty();
        assertThat(ct.summary()).contains("no SCTs");
    }

    @Test
    void oneCertificateChain_embeddedSctsCannotBeVerified() {
        HeldCertificate m = leaf(at(A, ISSUED), at(B, ISSUED));

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(m.der(), VERIFY).build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.outcomes())
                .extracting(SctOutcome::verdict)
                .containsExactly(SctVerdict.ENTRY_UNAVAILABLE, SctVerdict.ENTRY_UNAVAILABLE);
        assertThat(ct.outcomes().get(0).detail()).contains("one-certificate chain");
    }

    @Test
    void wrongIssuerKey_makesEmbeddedSignaturesInvalid() {
        HeldCertificate m = leaf(at(A, ISSUED), at(B, ISSUED));

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(m.der(), VERIFY).issuerSpki(spki(ROOT)).build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.outcomes()).extracting(SctOutcome::verdict).containsOnly(SctVerdict.INVALID_SIGNATURE);
    }

    @Test
    void sctFromUnknownLog_doesNotCount() {
        CtEvaluation ct = evaluate(leaf(at(A, ISSUED), at(C, ISSUED)), list(usable(A), usable(B)));

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.outcomes())
                .extracting(SctOutcome::verdict)
                .containsExactly(SctVerdict.VALID, SctVerdict.UNKNOWN_LOG);
        assertThat(ct.outcomes().get(1).logId()).contains(id(C));
    }

    @Test
    void sctFromRejectedOrPendingLog_neverCounts_evenIfHistorical() {
        CtEvaluation ct = evaluate(
                leaf(at(A, ISSUED), at(B, ISSUED), at(C, ISSUED)),
                list(
                        usable(A),
                        in(B, CtLogState.REJECTED, Instant.parse("2025-01-01T00:00:00Z")),
                        in(C, CtLogState.PENDING, null)));

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.outcomes())
                .extracting(SctOutcome::verdict)
                .containsExactly(SctVerdict.VALID, SctVerdict.LOG_REJECTED, SctVerdict.LOG_REJECTED);
        assertThat(ct.outcomes().get(1).log())
                .hasValueSatisfying(l -> assertThat(l.description()).isEqualTo("B log"));
    }

    @Test
    void retiredLog_embeddedSctBeforeRetirement_countsWhenIssuanceAlsoBeforeRetirement() {
        Instant retired = ISSUED.plus(Duration.ofDays(1));
        CtEvaluation ct =
                evaluate(leaf(at(A, ISSUED), at(B, ISSUED)), list(usable(A), in(B, CtLogState.RETIRED, retired)));

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.counted()).isEqualTo(2);
    }

    @Test
    void retiredLog_sctAtOrAfterRetirement_doesNotCount() {
        CtEvaluation ct =
                evaluate(leaf(at(A, ISSUED), at(B, ISSUED)), list(usable(A), in(B, CtLogState.RETIRED, ISSUED)));

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.counted()).isEqualTo(1);
        assertThat(ct.outcomes().get(1).verdict()).isEqualTo(SctVerdict.VALID); // valid, but not counted
        assertThat(ct.outcomes().get(1).counted()).isFalse();
    }

    @Test
    void retiredLog_issuanceTimeAfterRetirement_doesNotCount_evenIfItsSctIsOlder() {
        // B's SCT predates B's retirement, but T (earliest SCT of a current log = A's) is after it
        Instant retired = ISSUED.minus(Duration.ofDays(1));
        CtEvaluation ct = evaluate(
                leaf(at(A, ISSUED), at(B, retired.minusSeconds(10)), at(C, ISSUED)),
                list(usable(A), in(B, CtLogState.RETIRED, retired), usable(C)));

        assertThat(ct.issuanceTime()).contains(ISSUED);
        assertThat(ct.counted()).isEqualTo(2);
        assertThat(ct.outcomes().get(1).counted()).isFalse();
    }

    @Test
    void onlyRetiredLogsEmbedded_isNoPath() {
        Instant retired = ISSUED.plus(Duration.ofDays(1));
        CtEvaluation ct = evaluate(
                leaf(at(A, ISSUED), at(B, ISSUED)),
                list(in(A, CtLogState.RETIRED, retired), in(B, CtLogState.RETIRED, retired)));

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.NONE);
    }

    @Test
    void readOnlyLog_countsSctsUpToItsFreeze_andRejectsLaterOnes() {
        HeldCertificate m = leaf(at(A, ISSUED), at(B, ISSUED));

        CtEvaluation frozenAfter = evaluate(m, list(usable(A), in(B, CtLogState.READONLY, ISSUED)));
        CtEvaluation frozenBefore = evaluate(m, list(usable(A), in(B, CtLogState.READONLY, ISSUED.minusSeconds(1))));

        assertThat(frozenAfter.qualified()).isTrue();
        assertThat(frozenBefore.qualified()).isFalse();
        assertThat(frozenBefore.outcomes().get(1).verdict()).isEqualTo(SctVerdict.AFTER_READ_ONLY);
    }

    @Test
    void readOnlyFreeze_comparesWholeSeconds() {
        // an SCT 999 ms after the freeze second truncates to the freeze second: still accepted
        HeldCertificate m = leaf(at(A, ISSUED), at(B, ISSUED.plusMillis(999)));

        CtEvaluation ct = evaluate(m, list(usable(A), in(B, CtLogState.READONLY, ISSUED)));

        assertThat(ct.outcomes().get(1).verdict()).isEqualTo(SctVerdict.VALID);
    }

    @Test
    void shardedLog_checksTheLeafNotAfter_startInclusiveEndExclusive() {
        HeldCertificate m = leaf(at(A, ISSUED), at(B, ISSUED));

        CtEvaluation inside = evaluate(m, list(usable(A), usable(B).withShard(NOT_AFTER, NOT_AFTER.plusSeconds(1))));
        CtEvaluation atEnd = evaluate(m, list(usable(A), usable(B).withShard(NOT_AFTER.minusSeconds(10), NOT_AFTER)));

        assertThat(inside.qualified()).isTrue();
        assertThat(atEnd.qualified()).isFalse();
        assertThat(atEnd.outcomes().get(1).verdict()).isEqualTo(SctVerdict.OUTSIDE_SHARD);
    }

    @Test
    void futureTimestamp_isRejected_relativeToTheVerifyTime() {
        HeldCertificate m = leaf(at(A, ISSUED), at(B, VERIFY.plusMillis(1)));

        CtEvaluation ct = evaluate(m, list(usable(A), usable(B)));
        CtEvaluation nextSecond = CtEvaluator.evaluate(
                CtRequest.builder(m.der(), VERIFY.plusSeconds(1))
                        .issuerSpki(spki(ISSUER))
                        .build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.outcomes().get(1).verdict()).isEqualTo(SctVerdict.FUTURE_TIMESTAMP);
        assertThat(ct.qualified()).isFalse();
        assertThat(nextSecond.qualified()).isTrue();
    }

    @Test
    void verifyTime_isTruncatedToWholeSeconds_beforeComparingSctMilliseconds() {
        // iOS turns the verify time into whole seconds × 1000: an SCT 300 ms into the verify second is
        // "in the future" even when the verify time is 900 ms into that second
        HeldCertificate m = leaf(at(A, VERIFY), at(B, VERIFY.plusMillis(300)));

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(m.der(), VERIFY.plusMillis(900))
                        .issuerSpki(spki(ISSUER))
                        .build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.outcomes())
                .extracting(SctOutcome::verdict)
                .containsExactly(SctVerdict.VALID, SctVerdict.FUTURE_TIMESTAMP);
    }

    @Test
    void absurdVerifyTimes_doNotThrow() {
        HeldCertificate m = leaf(at(A, ISSUED), at(B, ISSUED));
        CtLogList logs = list(usable(A), usable(B));

        CtEvaluation far = CtEvaluator.evaluate(
                CtRequest.builder(m.der(), Instant.MAX).issuerSpki(spki(ISSUER)).build(),
                logs,
                RuleSet.forRelease(IOS_17).ctRules());
        CtEvaluation before1970 = CtEvaluator.evaluate(
                CtRequest.builder(m.der(), Instant.parse("1960-01-01T00:00:00Z"))
                        .issuerSpki(spki(ISSUER))
                        .build(),
                logs,
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(far.qualified()).isTrue();
        assertThat(before1970.outcomes()).extracting(SctOutcome::verdict).containsOnly(SctVerdict.FUTURE_TIMESTAMP);
    }

    @Test
    void brokenSignature_isInvalidSignature_andTheOtherSctStillValid() {
        HeldCertificate m = leaf(at(A, ISSUED), new Embed(B, ISSUED, true));

        CtEvaluation ct = evaluate(m, list(usable(A), usable(B)));

        assertThat(ct.outcomes())
                .extracting(SctOutcome::verdict)
                .containsExactly(SctVerdict.VALID, SctVerdict.INVALID_SIGNATURE);
        assertThat(ct.qualified()).isFalse();
    }

    @Test
    void sameLogTwice_countsOnce_earliestKept() {
        HeldCertificate m = leaf(at(A, ISSUED.plusSeconds(30)), at(A, ISSUED));

        CtEvaluation ct = evaluate(m, list(usable(A), usable(B)));

        assertThat(ct.outcomes()).extracting(SctOutcome::verdict).containsOnly(SctVerdict.VALID);
        assertThat(ct.counted()).isEqualTo(1);
        assertThat(ct.qualified()).isFalse();
        assertThat(ct.outcomes().get(1).counted()).isTrue();
        assertThat(ct.outcomes().get(0).counted()).isFalse();
    }

    @Test
    void rsaLog_signaturesVerify() {
        CtEvaluation ct = evaluate(leaf(at(RSA, ISSUED), at(A, ISSUED)), list(usable(A), usable(RSA)));

        assertThat(ct.qualified()).isTrue();
    }

    @Test
    void externalSctPlusEmbeddedFromAnotherLog_qualifiesViaPathA() {
        HeldCertificate m = leaf(at(A, ISSUED));

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(m.der(), VERIFY)
                        .issuerSpki(spki(ISSUER))
                        .tlsSct(tls(B, m))
                        .build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.EXTERNAL);
        assertThat(ct.countedOutcomes())
                .extracting(SctOutcome::origin)
                .containsExactly(SctOrigin.EMBEDDED, SctOrigin.TLS_EXTENSION);
        // a valid embedded SCT from a current log sets the issuance time even when path A decides
        assertThat(ct.issuanceTime()).contains(ISSUED);
    }

    @Test
    void twoTlsSctsInOneSerializedList_qualifyAOneCertificateChain() {
        HeldCertificate leaf = leaf();
        byte[] list = Sct.encodeList(List.of(A.sctFor(leaf, ISSUED), B.sctFor(leaf, ISSUED)));

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(leaf.der(), VERIFY).tlsSctList(list).build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.EXTERNAL);
        assertThat(ct.issuanceTime()).isEmpty();
    }

    @Test
    void oneTlsSctAlone_isNotEnough() {
        HeldCertificate leaf = leaf();

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(leaf.der(), VERIFY).tlsSct(tls(A, leaf)).build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.NONE);
    }

    @Test
    void tlsSctFromRetiredLog_isInvalid_evenBeforeRetirement() {
        HeldCertificate leaf = leaf();

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(leaf.der(), VERIFY)
                        .tlsSct(tls(A, leaf))
                        .tlsSct(tls(B, leaf))
                        .build(),
                list(usable(A), in(B, CtLogState.RETIRED, VERIFY)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.outcomes().get(1).verdict()).isEqualTo(SctVerdict.RETIRED_LOG_EXTERNAL);
    }

    @Test
    void tlsSctSignedOverAnotherCertificate_isInvalidSignature() {
        HeldCertificate leaf = leaf();
        HeldCertificate other = leaf();

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(leaf.der(), VERIFY).tlsSct(tls(A, other)).build(),
                list(usable(A)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.outcomes().get(0).verdict()).isEqualTo(SctVerdict.INVALID_SIGNATURE);
    }

    @Test
    void ocspSctList_countsAsExternal() {
        HeldCertificate leaf = leaf();
        byte[] list = Sct.encodeList(List.of(A.sctFor(leaf, ISSUED), B.sctFor(leaf, ISSUED)));

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(leaf.der(), VERIFY)
                        .issuerSpki(spki(ISSUER))
                        .ocspSctList(list)
                        .build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.outcomes()).extracting(SctOutcome::origin).containsOnly(SctOrigin.OCSP_RESPONSE);
    }

    @Test
    void ocspSctExtensionValue_isUnwrappedAndCounts() {
        HeldCertificate leaf = leaf();
        List<Sct> scts = List.of(A.sctFor(leaf, ISSUED), B.sctFor(leaf, ISSUED));

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(leaf.der(), VERIFY)
                        .issuerSpki(spki(ISSUER))
                        .ocspSctExtensionValue(Sct.extensionValue(scts))
                        .ocspSctExtensionValue(Sct.encodeList(scts)) // not wrapped in an OCTET STRING: malformed
                        .build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.lifetimeRule()).isEmpty();
        assertThat(ct.outcomes())
                .extracting(SctOutcome::verdict)
                .containsExactly(SctVerdict.VALID, SctVerdict.VALID, SctVerdict.MALFORMED);
    }

    @Test
    void malformedTlsSct_isReported_andOthersStillCount() {
        HeldCertificate m = leaf(at(A, ISSUED), at(B, ISSUED));

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(m.der(), VERIFY)
                        .issuerSpki(spki(ISSUER))
                        .tlsSct(new byte[] {1, 2, 3})
                        .tlsSctList(new byte[] {0, 9, 0})
                        .build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.rejectedOutcomes()).extracting(SctOutcome::verdict).containsOnly(SctVerdict.MALFORMED);
        assertThat(ct.rejectedOutcomes()).hasSize(2);
    }

    @Test
    void malformedEmbeddedList_isOneMalformedOutcome() {
        HeldCertificate leaf = PKI.leaf("ct.example.test", ISSUER)
                .validity(NOT_BEFORE, NOT_AFTER)
                .sctListExtension(new byte[] {0, 7})
                .build();

        CtEvaluation ct = evaluate(leaf, list(usable(A)));

        assertThat(ct.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.origin()).isEqualTo(SctOrigin.EMBEDDED);
            assertThat(o.verdict()).isEqualTo(SctVerdict.MALFORMED);
        });
    }

    @Test
    void garbageLeaf_isANote_notAnException() {
        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(new byte[] {0x30, 0x03, 1, 2, 3}, VERIFY).build(),
                list(usable(A)),
                RuleSet.forRelease(IOS_17).ctRules());

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.notes()).singleElement().asString().contains("cannot be decoded");
    }

    @Test
    void ios8_hasNoCtComputation() {
        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(leaf(at(A, ISSUED), at(B, ISSUED)).der(), VERIFY)
                        .issuerSpki(spki(ISSUER))
                        .build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IosRelease.parse("8.4")).ctRules());

        assertThat(ct.computed()).isFalse();
        assertThat(ct.qualified()).isFalse();
    }

    @Test
    void ios9_countsDistinctOperators_notLogs() {
        TestCtLog a2 = CtTestLogs.log("Op A", "A2 log");
        HeldCertificate m = leaf(at(A, ISSUED), at(a2, ISSUED));
        CtLogList logs = list(usable(A), usable(a2), usable(B));
        CtRequest req =
                CtRequest.builder(m.der(), VERIFY).issuerSpki(spki(ISSUER)).build();

        CtEvaluation ios9 = CtEvaluator.evaluate(
                req, logs, RuleSet.forRelease(IosRelease.parse("9.3")).ctRules());
        CtEvaluation ios10 = CtEvaluator.evaluate(
                req, logs, RuleSet.forRelease(IosRelease.parse("10.0")).ctRules());

        assertThat(ios9.countBasis()).isEqualTo(CtEvaluation.CountBasis.OPERATORS);
        assertThat(ios9.counted()).isEqualTo(1);
        assertThat(ios9.qualified()).isFalse();
        assertThat(ios10.countBasis()).isEqualTo(CtEvaluation.CountBasis.LOGS);
        assertThat(ios10.qualified()).isTrue();
    }

    @Test
    void ios9_retiredLogs_countWhileIssuedBeforeRetirement_andNeedOneLogValidAtVerifyTime() {
        HeldCertificate m = leaf(at(A, ISSUED), at(B, ISSUED));
        CtRequest req =
                CtRequest.builder(m.der(), VERIFY).issuerSpki(spki(ISSUER)).build();
        IosRelease ios9 = IosRelease.parse("9.0");

        // B retired after the leaf's notBefore but before the verify time: its SCT counts, A keeps one valid log
        CtEvaluation retiredAfterIssuance = CtEvaluator.evaluate(
                req,
                list(usable(A), in(B, CtLogState.RETIRED, NOT_BEFORE.plusSeconds(1))),
                RuleSet.forRelease(ios9).ctRules());
        // both retired before the verify time: valid SCTs, but none from a log valid at verify time
        CtEvaluation allRetired = CtEvaluator.evaluate(
                req,
                list(
                        in(A, CtLogState.RETIRED, NOT_BEFORE.plusSeconds(1)),
                        in(B, CtLogState.RETIRED, NOT_BEFORE.plusSeconds(1))),
                RuleSet.forRelease(ios9).ctRules());
        // B retired before the leaf's notBefore: its SCT does not count
        CtEvaluation retiredBeforeIssuance = CtEvaluator.evaluate(
                req,
                list(usable(A), in(B, CtLogState.RETIRED, NOT_BEFORE.minusSeconds(1))),
                RuleSet.forRelease(ios9).ctRules());

        assertThat(retiredAfterIssuance.qualified()).isTrue();
        assertThat(allRetired.counted()).isEqualTo(2);
        assertThat(allRetired.qualified()).isFalse();
        assertThat(retiredBeforeIssuance.outcomes().get(1).verdict()).isEqualTo(SctVerdict.RETIRED_BEFORE_USE);
        assertThat(retiredBeforeIssuance.qualified()).isFalse();
    }

    @Test
    void ios9_twoExternalOperators_qualify() {
        HeldCertificate leaf = leaf();

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(leaf.der(), VERIFY)
                        .tlsSct(tls(A, leaf))
                        .tlsSct(tls(B, leaf))
                        .build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IosRelease.parse("9.3")).ctRules());

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.EXTERNAL);
        assertThat(ct.countBasis()).isEqualTo(CtEvaluation.CountBasis.OPERATORS);
    }

    @Test
    void evidence_namesEveryScTWithItsVerdict_inStableOrder() {
        HeldCertificate m = leaf(at(A, ISSUED), at(C, ISSUED));

        Map<String, Object> ev = evaluate(m, list(usable(A))).evidence();

        assertThat(ev.keySet())
                .containsExactly(
                        "iosRelease",
                        "qualified",
                        "path",
                        "issuanceTime",
                        "countBasis",
                        "required",
                        "counted",
                        "lifetimePolicy",
                        "lifetime",
                        "scts");
        assertThat(ev)
                .containsEntry("qualified", false)
                .containsEntry("required", 2)
                .containsEntry("counted", 1)
                .containsEntry("lifetime", "90 days");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> scts = (List<Map<String, Object>>) ev.get("scts");
        assertThat(scts.get(0))
                .containsEntry("verdict", "VALID")
                .containsEntry("log", "A log")
                .containsEntry("operator", "Op A")
                .containsEntry("counted", true);
        assertThat(scts.get(1)).containsEntry("verdict", "UNKNOWN_LOG").containsEntry("logId", id(C).base64());
    }

    @Test
    void remedy_saysWhatIsMissing() {
        CtEvaluation none = evaluate(leaf(), list(usable(A)));
        CtEvaluation short1 = evaluate(leaf(at(A, ISSUED), at(C, ISSUED)), list(usable(A)));
        CtEvaluation oneCert = CtEvaluator.evaluate(
                CtRequest.builder(leaf(at(A, ISSUED), at(B, ISSUED)).der(), VERIFY)
                        .build(),
                list(usable(A), usable(B)),
                RuleSet.forRelease(IOS_17).ctRules());
        CtEvaluation ok = evaluate(leaf(at(A, ISSUED), at(B, ISSUED)), list(usable(A), usable(B)));

        assertThat(none.remedy()).contains("embedded SCTs");
        assertThat(short1.remedy())
                .contains("from 1 distinct log(s)")
                .contains("90 days needs 2")
                .contains("Not counted: 1 UNKNOWN_LOG");
        assertThat(oneCert.remedy()).startsWith("Send the issuing intermediate");
        assertThat(ok.remedy()).isEmpty();
    }

    @Test
    void manyScts_fromFiveLogs_allCountOnce() {
        List<TestCtLog> logs = List.of(A, B, C, RSA, CtTestLogs.log("Op E", "E log"));
        var b = PKI.leaf("ct.example.test", ISSUER).validity(NOT_BEFORE, NOT_BEFORE.plus(Duration.ofDays(900)));
        List<CtLog> entries = new ArrayList<>();
        for (TestCtLog l : logs) {
            b = b.embeddedScts(l, ISSUED);
            entries.add(usable(l));
        }

        CtEvaluation ct = evaluate(b.build(), CtLogList.of(entries));

        assertThat(ct.required()).isEqualTo(4);
        assertThat(ct.counted()).isEqualTo(5);
        assertThat(ct.qualified()).isTrue();
    }
}
