package io.github.sectrust4j.engine;

import static io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.publicChain;
import static io.github.sectrust4j.engine.RevocationCtEvIntegrationTest.usable;
import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.fixtures.ct.PublishedLogList;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CT log list's age is part of the answer (§8.4): an SCT from a log the list does not know, judged
 * after the list's date, yields an informational CTLogListMayBeOutdated finding and an uncertain CT
 * failure — never a guessed "trusted"; a current list in Apple's published format can be dropped in.
 */
@ExtendWith(TestPkiExtension.class)
class CtLogListAgeTest {
    private static final String HOST = RevocationCtEvIntegrationTest.HOST;
    private static final Instant LIST_DATE = Instant.parse("2025-03-01T00:00:00Z");

    private record Setup(RevocationCtEvIntegrationTest.Chain chain, TestCtLog known, TestCtLog newer, Instant at) {
        SecTrust trust(String release) {
            return SecTrust.ios(release).forServer(HOST).at(at).withExtraSystemRoots(certs(chain.root()));
        }
    }

    /** A leaf issued after the list's date with SCTs from a listed log and a log added since. */
    private static Setup setup(TestPki pki, Instant notBefore) {
        TestPki at = pki.at(notBefore.minus(Duration.ofDays(1)));
        TestCtLog known = at.ctLog("Listed Log");
        TestCtLog newer = at.ctLog("Log Added Later");
        return new Setup(
                publicChain(at, notBefore, 90, List.of(known, newer)),
                known,
                newer,
                notBefore.plus(Duration.ofDays(10)));
    }

    private static Finding finding(TrustReport r, FindingCode code) {
        return r.findings().stream()
                .filter(f -> f.code() == code)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + ": " + r.explain()));
    }

    @Test
    void unknownLog_afterTheListsDate_saysTheListMayBeOutdated_andTheCtFailureIsUncertain_butNotTrusted(TestPki pki) {
        Setup s = setup(pki, LIST_DATE.plus(Duration.ofDays(30)));
        CtLogList old = CtLogList.of(List.of(usable(s.known()))).withSource("test list v1", LIST_DATE);

        TrustReport r = s.trust("18.0").withCtLogs(old).evaluate(s.chain().served());

        assertThat(r.trusted()).as("never trusted on a guess").isFalse();
        Finding note = finding(r, FindingCode.CT_LOG_LIST_MAY_BE_OUTDATED);
        assertThat(note.isFailure()).isFalse();
        assertThat(note.message()).contains("test list v1").contains(LIST_DATE.toString());
        assertThat(note.evidence())
                .containsEntry(
                        "unknownLogIds",
                        List.of(Base64.getEncoder().encodeToString(s.newer().logId())));
        assertThat(note.remedy()).contains("stores update --allow-network").contains("current_log_list.json");
        assertThat(note.rule().source()).isEqualTo(Confidence.INFERRED);
        Finding ct = finding(r, FindingCode.SYSTEM_TRUSTED_CT_REQUIRED);
        assertThat(ct.rule().source()).isEqualTo(Confidence.INFERRED);
        assertThat(ct.message()).contains("may be out of date");
        assertThat(ct.remedy()).startsWith("First check with a current log list");
        assertThat(ct.evidence())
                .containsEntry("logListMayBeOutdated", true)
                .containsEntry("logListSource", "test list v1");
    }

    @Test
    void unknownLog_beforeTheListsDate_orWithAnUndatedList_isJustNotCounted(TestPki pki) {
        Setup s = setup(pki, LIST_DATE.minus(Duration.ofDays(60)));
        CtLogList dated = CtLogList.of(List.of(usable(s.known()))).withSource("test list v1", LIST_DATE);
        CtLogList undated = CtLogList.of(List.of(usable(s.known())));

        for (CtLogList list : List.of(dated, undated)) {
            TrustReport r = s.trust("18.0").withCtLogs(list).evaluate(s.chain().served());

            assertThat(r.has(FindingCode.CT_LOG_LIST_MAY_BE_OUTDATED))
                    .as(r.explain())
                    .isFalse();
            Finding ct = finding(r, FindingCode.SYSTEM_TRUSTED_CT_REQUIRED);
            assertThat(ct.rule().source()).isEqualTo(Confidence.APPLE_CODE);
            assertThat(ct.evidence()).doesNotContainKey("logListMayBeOutdated");
        }
    }

    @Test
    void theReleaseList_isDatedByItsTrustStore_andNamedInTheEvidence(TestPki pki) {
        var store = AppleTrustStores.version(2025072000);
        Instant storeDate =
                store.sourceDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Setup after = setup(pki, storeDate.plus(Duration.ofDays(60)));
        Setup before = setup(pki, storeDate.minus(Duration.ofDays(30)));

        TrustReport late = after.trust("26.0")
                .withTrustStoreVersion(2025072000)
                .evaluate(after.chain().served());
        TrustReport early = before.trust("26.0")
                .withTrustStoreVersion(2025072000)
                .evaluate(before.chain().served());

        assertThat(late.trusted()).isFalse();
        Finding note = finding(late, FindingCode.CT_LOG_LIST_MAY_BE_OUTDATED);
        assertThat(note.evidence()).containsEntry("logListDate", storeDate.toString());
        assertThat((String) note.evidence().get("logListSource")).startsWith("Apple trust store 2025072000");
        assertThat((List<?>) note.evidence().get("unknownLogIds")).hasSize(2);
        assertThat(early.has(FindingCode.CT_LOG_LIST_MAY_BE_OUTDATED))
                .as(early.explain())
                .isFalse();
        assertThat(finding(early, FindingCode.CERTIFICATE_TRANSPARENCY).evidence())
                .containsEntry("logListDate", storeDate.toString());
    }

    @Test
    void appleFormatList_droppedIn_countsItsLogs_andIsNamedAndDatedInTheReport(TestPki pki) {
        Setup s = setup(pki, LIST_DATE.plus(Duration.ofDays(30)));
        TestCtLog rejected = pki.ctLog("Rejected Log");
        String json = new PublishedLogList()
                .version("412")
                .assetVersion(31)
                .timestamp(LIST_DATE.plus(Duration.ofDays(35)))
                .usable(s.known())
                .usable(s.newer())
                .log(rejected, "rejected", LIST_DATE)
                .toJson();

        TrustReport viaJson =
                s.trust("18.0").withCtLogs(json).evaluate(s.chain().served());
        TrustReport viaApi =
                s.trust("18.0").withCtLogs(json.toString()).evaluate(s.chain().served());

        assertThat(viaJson.trusted()).as(viaJson.explain()).isTrue();
        assertThat(viaJson.certificateTransparency()).isTrue();
        Map<String, Object> ct =
                finding(viaJson, FindingCode.CERTIFICATE_TRANSPARENCY).evidence();
        assertThat(ct)
                .containsEntry("logListSource", "Apple-format log list version 412 (asset version 31)")
                .containsEntry(
                        "logListDate", LIST_DATE.plus(Duration.ofDays(35)).toString())
                .containsEntry("logListSize", 3);
        assertThat(viaApi.toJson()).isEqualTo(viaJson.toJson());
    }

    @Test
    void appleFormatList_withoutTheNewLog_isNotTrustedEither(TestPki pki) {
        Setup s = setup(pki, LIST_DATE.plus(Duration.ofDays(30)));
        TestCtLog rejectedLater = s.newer();
        String json = new PublishedLogList()
                .usable(s.known())
                .log(rejectedLater, "rejected", LIST_DATE)
                .toJson();

        TrustReport r = s.trust("18.0").withCtLogs(json).evaluate(s.chain().served());

        assertThat(r.trusted()).as(r.explain()).isFalse();
        assertThat(r.has(FindingCode.CT_LOG_LIST_MAY_BE_OUTDATED))
                .as("a known, rejected log is not unknown")
                .isFalse();
    }
}
