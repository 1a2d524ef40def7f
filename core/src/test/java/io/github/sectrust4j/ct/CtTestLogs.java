package io.github.sectrust4j.ct;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.KeyAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Glue between the test-fixtures CT logs ({@code io.github.sectrust4j.fixtures.ct}) and this package's
 * log model (public: the tests of {@code ct.internal} use it too); minting itself is the fixtures' job.
 */
public final class CtTestLogs {
    /** One seeded PKI for the CT tests: keys come from the fixtures' deterministic key pool. */
    public static final TestPki PKI = TestPki.seeded(6962);

    private CtTestLogs() {}

    /** An EC P-256 log with its own operator (TestPki.ctLog gives every log the same operator). */
    public static TestCtLog log(String operator, String description) {
        return new TestCtLog(description, operator, PKI.nextKeyPair(KeyAlgorithm.ecP256()), KeyAlgorithm.ecP256());
    }

    public static TestCtLog rsaLog(String operator, String description) {
        return new TestCtLog(description, operator, PKI.nextKeyPair(KeyAlgorithm.rsa(2048)), KeyAlgorithm.rsa(2048));
    }

    public static byte[] spki(TestCtLog log) {
        return log.keyPair().getPublic().getEncoded();
    }

    public static byte[] spki(HeldCertificate certificate) {
        return certificate.keyPair().getPublic().getEncoded();
    }

    public static LogId id(TestCtLog log) {
        return LogId.of(log.logId());
    }

    public static CtLog usable(TestCtLog log) {
        return CtLog.usable(spki(log), log.operator(), log.description());
    }

    public static CtLog in(TestCtLog log, CtLogState state, Instant at) {
        return CtLog.of(spki(log), log.operator(), log.description(), state, at);
    }

    /** TLS framing (2-byte lengths) around arbitrary items, for lists whose items need not be SCTs. */
    public static byte[] tlsList(byte[]... items) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] item : items) {
            body.write(item.length >>> 8);
            body.write(item.length & 0xff);
            body.writeBytes(item);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body.size() >>> 8);
        out.write(body.size() & 0xff);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** Converts an Apple log_list_schema_v5 file as iOS does (§8.4), keeping rejected logs as such. */
    public static CtLogList appleLogList(JsonNode root) {
        List<CtLog> logs = new ArrayList<>();
        for (JsonNode op : root.get("operators")) {
            String operator = op.get("name").asText();
            for (String group : List.of("logs", "tiled_logs")) {
                JsonNode arr = op.get(group);
                if (arr == null) {
                    continue;
                }
                for (JsonNode l : arr) {
                    byte[] key = Base64.getDecoder().decode(l.get("key").asText());
                    Iterator<Map.Entry<String, JsonNode>> st = l.get("state").fields();
                    Map.Entry<String, JsonNode> state = st.next();
                    Instant ts = Instant.parse(state.getValue().get("timestamp").asText());
                    CtLog log = CtLog.of(
                            key, operator, l.get("description").asText(), CtLogState.fromName(state.getKey()), ts);
                    assertThat(log.logId())
                            .isEqualTo(LogId.fromBase64(l.get("log_id").asText()));
                    JsonNode shard = l.get("temporal_interval");
                    if (shard != null) {
                        log = log.withShard(
                                Instant.parse(shard.get("start_inclusive").asText()),
                                Instant.parse(shard.get("end_exclusive").asText()));
                    }
                    logs.add(log.withFlags(
                            group.equals("tiled_logs"), l.path("tls_only").asBoolean(false)));
                }
            }
        }
        return CtLogList.of(logs);
    }
}
