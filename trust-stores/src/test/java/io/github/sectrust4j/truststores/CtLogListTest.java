package io.github.sectrust4j.truststores;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** CT log list facts per version (spec §8.4). */
class CtLogListTest {

    @Test
    void currentListHasTheSpecsStateCounts() {
        AppleTrustStore store = AppleTrustStores.latest();
        assertThat(store.ctLogListVersion()).isEqualTo("375");
        assertThat(store.ctLogs()).hasSize(132);
        Map<CtLogState, Long> byState =
                store.ctLogs().stream().collect(Collectors.groupingBy(CtLog::state, Collectors.counting()));
        assertThat(byState)
                .containsEntry(CtLogState.REJECTED, 81L)
                .containsEntry(CtLogState.USABLE, 32L)
                .containsEntry(CtLogState.QUALIFIED, 13L)
                .containsEntry(CtLogState.RETIRED, 4L)
                .containsEntry(CtLogState.PENDING, 2L);
    }

    @Test
    void everyLogIdIsTheSha256OfItsKey_inEveryVersion() throws Exception {
        for (TrustStoreVersionInfo info : AppleTrustStores.versions()) {
            for (CtLog log : AppleTrustStores.version(info.trustStoreVersion()).ctLogs()) {
                assertThat(log.logId())
                        .as(log.toString())
                        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(log.key()));
            }
        }
    }

    @Test
    void tiledTlsOnlyLogsCarryTheirShardWindow() {
        CtLog tuscolo = AppleTrustStores.latest().ctLogs().stream()
                .filter(l -> l.description().equals("Tuscolo2025h2"))
                .findFirst()
                .orElseThrow();
        assertThat(tuscolo.tiled()).isTrue();
        assertThat(tuscolo.tlsOnly()).isTrue();
        assertThat(tuscolo.operator()).isNotBlank();
        assertThat(tuscolo.state()).isEqualTo(CtLogState.QUALIFIED);
        assertThat(tuscolo.stateTimestamp()).isEqualTo(Instant.parse("2025-06-13T02:40:00Z"));
        assertThat(tuscolo.intervalStart()).isEqualTo(Instant.parse("2025-07-01T00:00:00Z"));
        assertThat(tuscolo.intervalEnd()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void retiredLogsCarryTheirRetirementTime() {
        assertThat(AppleTrustStores.version(2018121000).ctLogs())
                .filteredOn(l -> l.state() == CtLogState.RETIRED)
                .isNotEmpty()
                .allSatisfy(l -> assertThat(l.stateTimestamp()).isNotNull());
    }

    @Test
    void legacyLists_disqualifiedLogsBecomeRetiredAtTheirDisqualificationTime() {
        AppleTrustStore store = AppleTrustStores.version(2017081600);
        assertThat(store.ctLogs()).hasSize(39);
        assertThat(store.ctLogs())
                .filteredOn(l -> l.state() == CtLogState.RETIRED)
                .extracting(CtLog::stateTimestamp)
                .contains(Instant.ofEpochMilli(1460678400000L));
        assertThat(store.ctLogs()).allSatisfy(l -> assertThat(l.operator()).isNotBlank());
    }

    @Test
    void earliestStoresShippedNoLogList() {
        assertThat(AppleTrustStores.version(2015032000).ctLogs()).isEmpty();
        assertThat(AppleTrustStores.version(2015111600).ctLogs()).hasSize(8);
    }
}
