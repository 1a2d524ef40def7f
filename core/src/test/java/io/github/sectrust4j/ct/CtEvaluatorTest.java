package io.github.sectrust4j.ct;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.ct.CtTestPki.EmbeddedSct;
import io.github.sectrust4j.ct.CtTestPki.Issuer;
import io.github.sectrust4j.ct.CtTestPki.Minted;
import io.github.sectrust4j.ct.CtTestPki.TestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scenario tests of the per-SCT checks (§8.2) and the qualification decision (§8.3). */
class CtEvaluatorTest {
    static final IosRelease IOS_17 = IosRelease.parse("17.4");
    static final Issuer ISSUER = Issuer.create("CT Test Issuing CA");
    static final TestLog A = TestLog.ec("Op A", "A log");
    static final TestLog B = TestLog.ec("Op B", "B log");
    static final TestLog C = TestLog.ec("Op C", "C log");
    static final TestLog RSA = TestLog.rsa("Op R", "RSA log");

    static final Instant NOT_BEFORE = Instant.parse("2024-01-10T00:00:00Z");
    static final Instant NOT_AFTER = NOT_BEFORE.plus(Duration.ofDays(90));
    static final Instant ISSUED = NOT_BEFORE.minusSeconds(60);
    static final Instant VERIFY = Instant.parse("2024-02-01T00:00:00Z");

    static CtLogList list(CtLog... logs) {
        return CtLogList.of(List.of(logs));
    }

    static Minted leaf(EmbeddedSct... scts) {
        return CtTestPki.mint(ISSUER, NOT_BEFORE, NOT_AFTER, List.of(scts));
    }

    static CtEvaluation evaluate(Minted leaf, CtLogList logs) {
        return CtEvaluator.evaluate(CtRequest.builder(leaf.der(), VERIFY).issuerSpki(ISSUER.spki()).build(), logs, IOS_17);
    }

    @Test
    void twoEmbeddedSctsFromUsableLogs_shortLivedLeaf_qualifiesViaEmbeddedPath() {
        Minted m = leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED.plusSeconds(5)));

        CtEvaluation ct = evaluate(m, list(A.usable(), B.usable()));

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
        Minted m = leaf(new EmbeddedSct(A, ISSUED));

        assertThat(SignedEntries.precertTbs(m.der()).value()).hasValueSatisfying(
                tbs -> assertThat(tbs).isEqualTo(m.loggedTbs()));
        // and the precertificate itself carries the critical poison the final certificate lacks
        var precert = org.bouncycastle.asn1.x509.Certificate.getInstance(m.precertDer());
        assertThat(precert.getTBSCertificate().getExtensions().getExtension(SctLists.PRECERT_POISON).isCritical()).isTrue();
        var fin = org.bouncycastle.asn1.x509.Certificate.getInstance(m.der());
        assertThat(fin.getTBSCertificate().getExtensions().getExtension(SctLists.PRECERT_POISON)).isNull();
    }

    @Test
    void parsedCertificates_feedTheSameRequest() {
        Minted m = leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED));
        var leaf = io.github.sectrust4j.cert.Certificate.parse(m.der());
        byte[] issuerDer = CtTestPki.issuerCertificate(ISSUER, NOT_BEFORE.minus(Duration.ofDays(30)), NOT_AFTER.plus(Duration.ofDays(30)));
        var issuer = io.github.sectrust4j.cert.Certificate.parse(issuerDer);

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(leaf, VERIFY).issuer(issuer).build(),
                list(A.usable(), B.usable()), IOS_17);

        assertThat(ct.qualified()).isTrue();
    }

    @Test
    void oneEmbeddedSct_isOneShortOfTwo_notQualified() {
        CtEvaluation ct = evaluate(leaf(new EmbeddedSct(A, ISSUED)), list(A.usable(), B.usable()));

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.EMBEDDED);
        assertThat(ct.counted()).isEqualTo(1);
        assertThat(ct.required()).isEqualTo(2);
    }

    @Test
    void leafWithoutScts_isNotQualified_andSaysSo() {
        CtEvaluation ct = evaluate(leaf(), list(A.usable(), B.usable()));

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.NONE);
        assertThat(ct.outcomes()).isEmpty();
        assertThat(ct.summary()).contains("no SCTs");
    }

    @Test
    void oneCertificateChain_embeddedSctsCannotBeVerified() {
        Minted m = leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED));

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(m.der(), VERIFY).build(),
                list(A.usable(), B.usable()), IOS_17);

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.outcomes()).extracting(SctOutcome::verdict)
                .containsExactly(SctVerdict.ENTRY_UNAVAILABLE, SctVerdict.ENTRY_UNAVAILABLE);
        assertThat(ct.outcomes().get(0).detail()).contains("one-certificate chain");
    }

    @Test
    void wrongIssuerKey_makesEmbeddedSignaturesInvalid() {
        Minted m = leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED));
        Issuer other = Issuer.create("Other CA");

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(m.der(), VERIFY).issuerSpki(other.spki()).build(),
                list(A.usable(), B.usable()), IOS_17);

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.outcomes()).extracting(SctOutcome::verdict).containsOnly(SctVerdict.INVALID_SIGNATURE);
    }

    @Test
    void sctFromUnknownLog_doesNotCount() {
        CtEvaluation ct = evaluate(leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(C, ISSUED)),
                list(A.usable(), B.usable()));

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.outcomes()).extracting(SctOutcome::verdict).containsExactly(SctVerdict.VALID, SctVerdict.UNKNOWN_LOG);
        assertThat(ct.outcomes().get(1).logId()).contains(C.id());
    }

    @Test
    void sctFromRejectedOrPendingLog_neverCounts_evenIfHistorical() {
        CtEvaluation ct = evaluate(leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED), new EmbeddedSct(C, ISSUED)),
                list(A.usable(), B.in(CtLogState.REJECTED, Instant.parse("2025-01-01T00:00:00Z")),
                        C.in(CtLogState.PENDING, null)));

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.outcomes()).extracting(SctOutcome::verdict)
                .containsExactly(SctVerdict.VALID, SctVerdict.LOG_REJECTED, SctVerdict.LOG_REJECTED);
        assertThat(ct.outcomes().get(1).log()).hasValueSatisfying(l -> assertThat(l.description()).isEqualTo("B log"));
    }

    @Test
    void retiredLog_embeddedSctBeforeRetirement_countsWhenIssuanceAlsoBeforeRetirement() {
        Instant retired = ISSUED.plus(Duration.ofDays(1));
        CtEvaluation ct = evaluate(leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED)),
                list(A.usable(), B.in(CtLogState.RETIRED, retired)));

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.counted()).isEqualTo(2);
    }

    @Test
    void retiredLog_sctAtOrAfterRetirement_doesNotCount() {
        Instant retired = ISSUED;
        CtEvaluation ct = evaluate(leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED)),
                list(A.usable(), B.in(CtLogState.RETIRED, retired)));

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.counted()).isEqualTo(1);
        assertThat(ct.outcomes().get(1).verdict()).isEqualTo(SctVerdict.VALID); // valid, but not counted
        assertThat(ct.outcomes().get(1).counted()).isFalse();
    }

    @Test
    void retiredLog_issuanceTimeAfterRetirement_doesNotCount_evenIfItsSctIsOlder() {
        // B's SCT predates B's retirement, but T (earliest SCT of a current log = A's) is after it
        Instant retired = ISSUED.minus(Duration.ofDays(1));
        CtEvaluation ct = evaluate(leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, retired.minusSeconds(10)),
                        new EmbeddedSct(C, ISSUED)),
                list(A.usable(), B.in(CtLogState.RETIRED, retired), C.usable()));

        assertThat(ct.issuanceTime()).contains(ISSUED);
        assertThat(ct.counted()).isEqualTo(2);
        assertThat(ct.outcomes().get(1).counted()).isFalse();
    }

    @Test
    void onlyRetiredLogsEmbedded_isNoPath() {
        Instant retired = ISSUED.plus(Duration.ofDays(1));
        CtEvaluation ct = evaluate(leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED)),
                list(A.in(CtLogState.RETIRED, retired), B.in(CtLogState.RETIRED, retired)));

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.NONE);
    }

    @Test
    void readOnlyLog_countsSctsUpToItsFreeze_andRejectsLaterOnes() {
        Minted m = leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED));

        CtEvaluation frozenAfter = evaluate(m, list(A.usable(), B.in(CtLogState.READONLY, ISSUED)));
        CtEvaluation frozenBefore = evaluate(m, list(A.usable(), B.in(CtLogState.READONLY, ISSUED.minusSeconds(1))));

        assertThat(frozenAfter.qualified()).isTrue();
        assertThat(frozenBefore.qualified()).isFalse();
        assertThat(frozenBefore.outcomes().get(1).verdict()).isEqualTo(SctVerdict.AFTER_READ_ONLY);
    }

    @Test
    void readOnlyFreeze_comparesWholeSeconds() {
        // an SCT 999 ms after the freeze second truncates to the freeze second: still accepted
        Minted m = leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED.plusMillis(999)));

        CtEvaluation ct = evaluate(m, list(A.usable(), B.in(CtLogState.READONLY, ISSUED)));

        assertThat(ct.outcomes().get(1).verdict()).isEqualTo(SctVerdict.VALID);
    }

    @Test
    void shardedLog_checksTheLeafNotAfter_startInclusiveEndExclusive() {
        Minted m = leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED));

        CtEvaluation inside = evaluate(m, list(A.usable(), B.usable().withShard(NOT_AFTER, NOT_AFTER.plusSeconds(1))));
        CtEvaluation atEnd = evaluate(m, list(A.usable(), B.usable().withShard(NOT_AFTER.minusSeconds(10), NOT_AFTER)));

        assertThat(inside.qualified()).isTrue();
        assertThat(atEnd.qualified()).isFalse();
        assertThat(atEnd.outcomes().get(1).verdict()).isEqualTo(SctVerdict.OUTSIDE_SHARD);
    }

    @Test
    void futureTimestamp_isRejected_relativeToTheVerifyTime() {
        Instant future = VERIFY.plusMillis(1);
        Minted m = leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, future));

        CtEvaluation ct = evaluate(m, list(A.usable(), B.usable()));
        CtEvaluation nextSecond = CtEvaluator.evaluate(CtRequest.builder(m.der(), VERIFY.plusSeconds(1))
                .issuerSpki(ISSUER.spki()).build(), list(A.usable(), B.usable()), IOS_17);

        assertThat(ct.outcomes().get(1).verdict()).isEqualTo(SctVerdict.FUTURE_TIMESTAMP);
        assertThat(ct.qualified()).isFalse();
        assertThat(nextSecond.qualified()).isTrue();
    }

    @Test
    void verifyTime_isTruncatedToWholeSeconds_beforeComparingSctMilliseconds() {
        // iOS turns the verify time into whole seconds × 1000: an SCT 300 ms into the verify second is
        // "in the future" even when the verify time is 900 ms into that second
        Minted m = leaf(new EmbeddedSct(A, VERIFY), new EmbeddedSct(B, VERIFY.plusMillis(300)));

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(m.der(), VERIFY.plusMillis(900))
                .issuerSpki(ISSUER.spki()).build(), list(A.usable(), B.usable()), IOS_17);

        assertThat(ct.outcomes()).extracting(SctOutcome::verdict)
                .containsExactly(SctVerdict.VALID, SctVerdict.FUTURE_TIMESTAMP);
    }

    @Test
    void absurdVerifyTimes_doNotThrow() {
        Minted m = leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED));
        CtLogList logs = list(A.usable(), B.usable());

        CtEvaluation far = CtEvaluator.evaluate(CtRequest.builder(m.der(), Instant.MAX).issuerSpki(ISSUER.spki()).build(),
                logs, IOS_17);
        CtEvaluation before1970 = CtEvaluator.evaluate(CtRequest.builder(m.der(), Instant.parse("1960-01-01T00:00:00Z"))
                .issuerSpki(ISSUER.spki()).build(), logs, IOS_17);

        assertThat(far.qualified()).isTrue();
        assertThat(before1970.outcomes()).extracting(SctOutcome::verdict).containsOnly(SctVerdict.FUTURE_TIMESTAMP);
    }

    @Test
    void brokenSignature_isInvalidSignature() {
        Minted m = leaf(new EmbeddedSct(A, ISSUED));
        byte[] bad = B.precertSct(ISSUED.toEpochMilli(), ISSUER.spki(), m.loggedTbs());
        bad[bad.length - 5] ^= 0x01;
        byte[] extValue = CtTestPki.encode(new org.bouncycastle.asn1.DEROctetString(
                CtTestPki.tlsList(List.of(m.scts().get(0), bad))));
        byte[] leaf = CtTestPki.leafWithSctExtensionValue(ISSUER, NOT_BEFORE, NOT_AFTER, extValue);

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(leaf, VERIFY).issuerSpki(ISSUER.spki()).build(),
                list(A.usable(), B.usable()), IOS_17);

        // A's SCT was signed for another TBS, B's signature is corrupt: neither verifies here
        assertThat(ct.outcomes()).extracting(SctOutcome::verdict).containsOnly(SctVerdict.INVALID_SIGNATURE);
    }

    @Test
    void sameLogTwice_countsOnce_earliestKept() {
        Minted m = leaf(new EmbeddedSct(A, ISSUED.plusSeconds(30)), new EmbeddedSct(A, ISSUED));

        CtEvaluation ct = evaluate(m, list(A.usable(), B.usable()));

        assertThat(ct.outcomes()).extracting(SctOutcome::verdict).containsOnly(SctVerdict.VALID);
        assertThat(ct.counted()).isEqualTo(1);
        assertThat(ct.qualified()).isFalse();
        assertThat(ct.outcomes().get(1).counted()).isTrue();
        assertThat(ct.outcomes().get(0).counted()).isFalse();
    }

    @Test
    void rsaLog_signaturesVerify() {
        CtEvaluation ct = evaluate(leaf(new EmbeddedSct(RSA, ISSUED), new EmbeddedSct(A, ISSUED)),
                list(A.usable(), RSA.usable()));

        assertThat(ct.qualified()).isTrue();
    }

    @Test
    void externalSctPlusEmbeddedFromAnotherLog_qualifiesViaPathA() {
        Minted m = leaf(new EmbeddedSct(A, ISSUED));
        byte[] tls = B.x509Sct(ISSUED.toEpochMilli(), m.der());

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(m.der(), VERIFY).issuerSpki(ISSUER.spki())
                .tlsSct(tls).build(), list(A.usable(), B.usable()), IOS_17);

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.EXTERNAL);
        assertThat(ct.countedOutcomes()).extracting(SctOutcome::origin)
                .containsExactly(SctOrigin.EMBEDDED, SctOrigin.TLS_EXTENSION);
        // a valid embedded SCT from a current log sets the issuance time even when path A decides
        assertThat(ct.issuanceTime()).contains(ISSUED);
    }

    @Test
    void twoTlsSctsInOneSerializedList_qualifyAOneCertificateChain() {
        byte[] leaf = CtTestPki.plainLeaf(ISSUER, NOT_BEFORE, NOT_AFTER);
        byte[] list = CtTestPki.tlsList(List.of(A.x509Sct(ISSUED.toEpochMilli(), leaf), B.x509Sct(ISSUED.toEpochMilli(), leaf)));

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(leaf, VERIFY).tlsSctList(list).build(),
                list(A.usable(), B.usable()), IOS_17);

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.EXTERNAL);
        assertThat(ct.issuanceTime()).isEmpty();
    }

    @Test
    void oneTlsSctAlone_isNotEnough() {
        byte[] leaf = CtTestPki.plainLeaf(ISSUER, NOT_BEFORE, NOT_AFTER);

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(leaf, VERIFY)
                .tlsSct(A.x509Sct(ISSUED.toEpochMilli(), leaf)).build(), list(A.usable(), B.usable()), IOS_17);

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.NONE);
    }

    @Test
    void tlsSctFromRetiredLog_isInvalid_evenBeforeRetirement() {
        byte[] leaf = CtTestPki.plainLeaf(ISSUER, NOT_BEFORE, NOT_AFTER);

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(leaf, VERIFY)
                        .tlsSct(A.x509Sct(ISSUED.toEpochMilli(), leaf)).tlsSct(B.x509Sct(ISSUED.toEpochMilli(), leaf)).build(),
                list(A.usable(), B.in(CtLogState.RETIRED, VERIFY)), IOS_17);

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.outcomes().get(1).verdict()).isEqualTo(SctVerdict.RETIRED_LOG_EXTERNAL);
    }

    @Test
    void tlsSctSignedOverAnotherCertificate_isInvalidSignature() {
        byte[] leaf = CtTestPki.plainLeaf(ISSUER, NOT_BEFORE, NOT_AFTER);
        byte[] other = CtTestPki.plainLeaf(ISSUER, NOT_BEFORE, NOT_AFTER);

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(leaf, VERIFY)
                .tlsSct(A.x509Sct(ISSUED.toEpochMilli(), other)).build(), list(A.usable()), IOS_17);

        assertThat(ct.outcomes().get(0).verdict()).isEqualTo(SctVerdict.INVALID_SIGNATURE);
    }

    @Test
    void ocspSctList_countsAsExternal() {
        byte[] leaf = CtTestPki.plainLeaf(ISSUER, NOT_BEFORE, NOT_AFTER);
        byte[] list = CtTestPki.tlsList(List.of(A.x509Sct(ISSUED.toEpochMilli(), leaf), B.x509Sct(ISSUED.toEpochMilli(), leaf)));

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(leaf, VERIFY).issuerSpki(ISSUER.spki())
                .ocspSctList(list).build(), list(A.usable(), B.usable()), IOS_17);

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.outcomes()).extracting(SctOutcome::origin).containsOnly(SctOrigin.OCSP_RESPONSE);
    }

    @Test
    void ocspSctExtensionValue_isUnwrappedAndCounts() {
        byte[] leaf = CtTestPki.plainLeaf(ISSUER, NOT_BEFORE, NOT_AFTER);
        byte[] list = CtTestPki.tlsList(List.of(A.x509Sct(ISSUED.toEpochMilli(), leaf), B.x509Sct(ISSUED.toEpochMilli(), leaf)));

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(leaf, VERIFY).issuerSpki(ISSUER.spki())
                .ocspSctExtensionValue(CtTestPki.encode(new org.bouncycastle.asn1.DEROctetString(list)))
                .ocspSctExtensionValue(list) // not wrapped: malformed
                .build(), list(A.usable(), B.usable()), IOS_17);

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.lifetimeRule()).isEmpty();
        assertThat(ct.outcomes()).extracting(SctOutcome::verdict)
                .containsExactly(SctVerdict.VALID, SctVerdict.VALID, SctVerdict.MALFORMED);
    }

    @Test
    void malformedTlsSct_isReported_andOthersStillCount() {
        Minted m = leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED));

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(m.der(), VERIFY).issuerSpki(ISSUER.spki())
                .tlsSct(new byte[] {1, 2, 3}).tlsSctList(new byte[] {0, 9, 0}).build(), list(A.usable(), B.usable()), IOS_17);

        assertThat(ct.qualified()).isTrue();
        assertThat(ct.rejectedOutcomes()).extracting(SctOutcome::verdict).containsOnly(SctVerdict.MALFORMED);
        assertThat(ct.rejectedOutcomes()).hasSize(2);
    }

    @Test
    void malformedEmbeddedList_isOneMalformedOutcome() {
        byte[] leaf = CtTestPki.leafWithSctExtensionValue(ISSUER, NOT_BEFORE, NOT_AFTER, new byte[] {4, 2, 0, 7});

        CtEvaluation ct = evaluate(new Minted(leaf, leaf, leaf, List.of()), list(A.usable()));

        assertThat(ct.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.origin()).isEqualTo(SctOrigin.EMBEDDED);
            assertThat(o.verdict()).isEqualTo(SctVerdict.MALFORMED);
        });
    }

    @Test
    void garbageLeaf_isANote_notAnException() {
        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(new byte[] {0x30, 0x03, 1, 2, 3}, VERIFY).build(),
                list(A.usable()), IOS_17);

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.notes()).singleElement().asString().contains("cannot be decoded");
    }

    @Test
    void ios8_hasNoCtComputation() {
        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(B, ISSUED)).der(),
                VERIFY).issuerSpki(ISSUER.spki()).build(), list(A.usable(), B.usable()), IosRelease.parse("8.4"));

        assertThat(ct.computed()).isFalse();
        assertThat(ct.qualified()).isFalse();
    }

    @Test
    void ios9_countsDistinctOperators_notLogs() {
        TestLog a2 = TestLog.ec("Op A", "A2 log");
        Minted m = leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(a2, ISSUED));
        CtLogList logs = list(A.usable(), a2.usable(), B.usable());
        CtRequest req = CtRequest.builder(m.der(), VERIFY).issuerSpki(ISSUER.spki()).build();

        CtEvaluation ios9 = CtEvaluator.evaluate(req, logs, IosRelease.parse("9.3"));
        CtEvaluation ios10 = CtEvaluator.evaluate(req, logs, IosRelease.parse("10.0"));

        assertThat(ios9.countBasis()).isEqualTo(CtEvaluation.CountBasis.OPERATORS);
        assertThat(ios9.counted()).isEqualTo(1);
        assertThat(ios9.qualified()).isFalse();
        assertThat(ios10.countBasis()).isEqualTo(CtEvaluation.CountBasis.LOGS);
        assertThat(ios10.qualified()).isTrue();
    }

    @Test
    void evidence_namesEveryScTWithItsVerdict_inStableOrder() {
        Minted m = leaf(new EmbeddedSct(A, ISSUED), new EmbeddedSct(C, ISSUED));

        Map<String, Object> ev = evaluate(m, list(A.usable())).evidence();

        assertThat(ev.keySet()).containsExactly("iosRelease", "qualified", "path", "issuanceTime", "countBasis",
                "required", "counted", "lifetimePolicy", "lifetime", "scts");
        assertThat(ev).containsEntry("qualified", false).containsEntry("required", 2).containsEntry("counted", 1)
                .containsEntry("lifetime", "90 days");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> scts = (List<Map<String, Object>>) ev.get("scts");
        assertThat(scts.get(0)).containsEntry("verdict", "VALID").containsEntry("log", "A log")
                .containsEntry("operator", "Op A").containsEntry("counted", true);
        assertThat(scts.get(1)).containsEntry("verdict", "UNKNOWN_LOG").containsEntry("logId", C.id().base64());
    }

    @Test
    void manyScts_fromFiveLogs_allCountOnce() {
        List<TestLog> logs = List.of(A, B, C, RSA, TestLog.ec("Op E", "E log"));
        List<EmbeddedSct> scts = new ArrayList<>();
        List<CtLog> entries = new ArrayList<>();
        for (TestLog l : logs) {
            scts.add(new EmbeddedSct(l, ISSUED));
            entries.add(l.usable());
        }
        Minted m = CtTestPki.mint(ISSUER, NOT_BEFORE, NOT_BEFORE.plus(Duration.ofDays(900)), scts);

        CtEvaluation ct = evaluate(m, CtLogList.of(entries));

        assertThat(ct.required()).isEqualTo(4);
        assertThat(ct.counted()).isEqualTo(5);
        assertThat(ct.qualified()).isTrue();
    }
}
