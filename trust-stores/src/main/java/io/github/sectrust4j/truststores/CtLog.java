package io.github.sectrust4j.truststores;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One log of the CT log list shipped with a trust-store version (spec §8.4).
 *
 * @param logId          SHA-256 of the key (RFC 6962 LogID), 32 bytes
 * @param key            the log's subjectPublicKeyInfo, DER
 * @param operator       operator name (not used by evaluation on device)
 * @param description    Apple's description string
 * @param url            submission / log URL as listed
 * @param state          state after mapping onto the v3+ vocabulary
 * @param stateTimestamp when the state was entered (readonly freeze / retirement time), or null
 * @param intervalStart  temporal shard window start (inclusive), or null
 * @param intervalEnd    temporal shard window end (exclusive), or null
 * @param tiled          listed under {@code tiled_logs} (static CT API)
 * @param tlsOnly        {@code tls_only} flag (excluded from the non-TLS list)
 * @param listVersion    the log list's own version string ("" if the list has none)
 */
public record CtLog(
        byte[] logId,
        byte[] key,
        String operator,
        String description,
        String url,
        CtLogState state,
        Instant stateTimestamp,
        Instant intervalStart,
        Instant intervalEnd,
        boolean tiled,
        boolean tlsOnly,
        String listVersion) {

    public CtLog {
        logId = logId.clone();
        key = key.clone();
        Objects.requireNonNull(state, "state");
    }

    @Override
    public byte[] logId() {
        return logId.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    /** The log id as upper-case hex. */
    public String logIdHex() {
        return Hex.encode(logId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CtLog
                && Arrays.equals(((CtLog) o).logId, logId)
                && ((CtLog) o).state == state
                && Objects.equals(((CtLog) o).listVersion, listVersion)
                && Objects.equals(((CtLog) o).stateTimestamp, stateTimestamp);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(logId);
    }

    @Override
    public String toString() {
        return "CtLog[" + description + ", " + operator + ", " + state
                + (stateTimestamp == null ? "" : " @" + stateTimestamp) + ", id=" + logIdHex() + "]";
    }
}
