package io.github.sectrust4j.ct;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.SharedData;
import io.github.sectrust4j.truststores.AppleTrustStore;
import io.github.sectrust4j.truststores.AppleTrustStores;
import io.github.sectrust4j.truststores.TrustStoreVersionInfo;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The adapter from the trust-stores module's log records to this package's log list (§8.4). */
class TrustStoreLogListAdapterTest {

    @Test
    void everyBundledLogList_convertsWithTheSameIdsAndStates() {
        int converted = 0;
        for (TrustStoreVersionInfo v : AppleTrustStores.versions()) {
            AppleTrustStore store = AppleTrustStores.version(v.trustStoreVersion());
            CtLogList list = CtLogList.of(store);
            assertThat(list.size()).isEqualTo(store.ctLogs().size());
            for (io.github.sectrust4j.truststores.CtLog l : store.ctLogs()) {
                CtLog mine = list.find(LogId.of(l.logId())).orElseThrow();
                assertThat(mine.state().isTrusted())
                        .as(l.toString())
                        .isEqualTo(l.state().onDevice());
                converted++;
            }
        }
        assertThat(converted).isGreaterThan(1000);
    }

    @Test
    void store2023071300_matchesTheListReadFromAppleJson() throws Exception {
        CtLogList fromStore = CtLogList.of(AppleTrustStores.version(2023071300));
        CtLogList fromJson = CtTestLogs.appleLogList(new ObjectMapper()
                .readTree(SharedData.appleTrustStore()
                        .resolve("releases/2023071300/ct-log-list.json")
                        .toFile()));

        assertThat(fromStore.size()).isEqualTo(fromJson.size());
        for (CtLog expected : fromJson.logs()) {
            CtLog actual = fromStore.find(expected.logId()).orElseThrow();
            assertThat(actual.state()).isEqualTo(expected.state());
            assertThat(actual.stateTimestamp()).isEqualTo(expected.stateTimestamp());
            assertThat(actual.shardStartInclusive()).isEqualTo(expected.shardStartInclusive());
            assertThat(actual.shardEndExclusive()).isEqualTo(expected.shardEndExclusive());
            assertThat(Arrays.equals(actual.spki(), expected.spki())).isTrue();
        }
    }

    @Test
    void oneSidedShard_keepsTheBoundItHas() {
        byte[] key = CtTestLogs.PKI
                .nextKeyPair(io.github.sectrust4j.fixtures.KeyAlgorithm.ecP256())
                .getPublic()
                .getEncoded();
        Instant end = Instant.parse("2025-01-01T00:00:00Z");
        var record = new io.github.sectrust4j.truststores.CtLog(
                LogId.ofSpki(key).bytes(),
                key,
                "Op",
                "Half shard",
                "https://x",
                io.github.sectrust4j.truststores.CtLogState.USABLE,
                null,
                null,
                end,
                false,
                false,
                "1");

        CtLog log = CtLogList.fromTrustStoreLog(record);

        assertThat(log.acceptsNotAfter(end.minusSeconds(1))).isTrue();
        assertThat(log.acceptsNotAfter(end)).isFalse();
        assertThat(log.acceptsNotAfter(Instant.parse("1990-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void retiredLogWithoutDate_countsForNothing() {
        byte[] key = CtTestLogs.PKI
                .nextKeyPair(io.github.sectrust4j.fixtures.KeyAlgorithm.ecP256())
                .getPublic()
                .getEncoded();
        var record = new io.github.sectrust4j.truststores.CtLog(
                LogId.ofSpki(key).bytes(),
                key,
                "Op",
                "Undated",
                "https://x",
                io.github.sectrust4j.truststores.CtLogState.RETIRED,
                null,
                null,
                null,
                false,
                false,
                "1");

        CtLog log = CtLogList.fromTrustStoreLog(record);

        assertThat(log.retiredAt()).contains(Instant.MIN);
    }
}
