package io.github.sectrust4j.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.fixtures.ct.TestCtLog;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log-list model (§8.4) and the request's ctLogs shape (BATCH-CONTRACT.md). */
class CtLogListTest {
    static final TestCtLog A = CtTestLogs.log("Op A", "A log");
    static final TestCtLog B = CtTestLogs.log("Op B", "B log");

    static String key(TestCtLog l) {
        return l.publicKeyBase64();
    }

    @Test
    void requestJson_buildsLogsWithDefaults() {
        CtLogList list = CtLogList.fromRequestJson("[{\"key\":\"" + key(A) + "\",\"operator\":\"Op A\"},"
                + "{\"key\":\"" + key(B) + "\",\"operator\":\"Op B\",\"description\":\"B log\",\"state\":\"retired\","
                + "\"stateTimestamp\":\"2024-01-01T00:00:00Z\"}]");

        assertThat(list.size()).isEqualTo(2);
        CtLog a = list.trusted(CtTestLogs.id(A)).orElseThrow();
        assertThat(a.state()).isEqualTo(CtLogState.USABLE);
        assertThat(a.operator()).isEqualTo("Op A");
        assertThat(a.description()).contains("Op A");
        CtLog b = list.trusted(CtTestLogs.id(B)).orElseThrow();
        assertThat(b.retiredAt()).contains(Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(b.isCurrent()).isFalse();
    }

    @Test
    void rejectedLog_isFoundButNotTrusted() {
        CtLogList list = CtLogList.fromRequestJson(
                "[{\"key\":\"" + key(A) + "\",\"operator\":\"Op A\",\"state\":\"rejected\"}]");

        assertThat(list.find(CtTestLogs.id(A))).isPresent();
        assertThat(list.trusted(CtTestLogs.id(A))).isEmpty();
        assertThat(list.hasNoTrustedLog()).isTrue();
    }

    @Test
    void duplicateLogId_trustedEntryWins() {
        CtLogList list = CtLogList.of(List.of(CtTestLogs.in(A, CtLogState.REJECTED, null), CtTestLogs.usable(A)));

        assertThat(list.trusted(CtTestLogs.id(A)))
                .hasValueSatisfying(l -> assertThat(l.state()).isEqualTo(CtLogState.USABLE));
    }

    @Test
    void requestJson_errorsNameTheEntry() {
        assertThatThrownBy(() -> CtLogList.fromRequestJson("[{\"operator\":\"x\"}]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ctLogs[0].key");
        assertThatThrownBy(() -> CtLogList.fromRequestJson("[{\"key\":\"" + key(A) + "\"}]"))
                .hasMessageContaining("ctLogs[0].operator");
        assertThatThrownBy(() -> CtLogList.fromRequestJson(
                        "[{\"key\":\"" + key(A) + "\",\"operator\":\"x\",\"state\":\"frozen\"}]"))
                .hasMessageContaining("ctLogs[0].state");
        assertThatThrownBy(() -> CtLogList.fromRequestJson(
                        "[{\"key\":\"" + key(A) + "\",\"operator\":\"x\",\"state\":\"readonly\"}]"))
                .hasMessageContaining("needs a stateTimestamp");
        assertThatThrownBy(() -> CtLogList.fromRequestJson(
                        "[{\"key\":\"" + key(A) + "\",\"operator\":\"x\",\"stateTimestamp\":\"yesterday\"}]"))
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> CtLogList.fromRequestJson("{}")).hasMessageContaining("array");
        assertThatThrownBy(() -> CtLogList.fromRequestJson("[{")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> CtLogList.fromRequestJson("[{\"key\":\"%%%\",\"operator\":\"x\"}]"))
                .hasMessageContaining("ctLogs[0].key");
    }

    @Test
    void logIdMustMatchItsKey() {
        assertThatThrownBy(() -> new CtLog(
                        CtTestLogs.id(B),
                        CtTestLogs.spki(A),
                        "o",
                        "d",
                        CtLogState.USABLE,
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        false,
                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SHA-256");
    }

    @Test
    void logId_roundTripsBase64_andRejectsWrongLengths() {
        assertThat(LogId.fromBase64(CtTestLogs.id(A).base64())).isEqualTo(CtTestLogs.id(A));
        assertThatThrownBy(() -> LogId.fromBase64("AAAA")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> LogId.fromBase64("!!")).hasMessageContaining("base64");
    }
}
