package io.github.sectrust4j.ct.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.github.sectrust4j.ct.CtLog;
import io.github.sectrust4j.ct.LogId;
import io.github.sectrust4j.text.IsoInstant;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What happened to one SCT.
 *
 * @param origin    where it came from
 * @param index     its position among the SCTs of that origin, lists flattened: for TLS the single SCTs
 *                  first, then the lists; for OCSP the lists, then extension values, then stapled responses;
 *                  a malformed list takes one position
 * @param logId     the log it names, if it parsed
 * @param log       that log's entry in the log list, if any (also for rejected logs)
 * @param timestamp its timestamp (millisecond precision), if it parsed
 * @param verdict   why it did or did not count
 * @param detail    the concrete reason in words ("" for valid SCTs)
 * @param counted   true if this SCT is the one kept for its log (earliest, §8.2) in the count that
 *                  decided qualification
 */
public record SctOutcome(
        SctOrigin origin,
        int index,
        Optional<LogId> logId,
        Optional<CtLog> log,
        Optional<Instant> timestamp,
        SctVerdict verdict,
        String detail,
        boolean counted) {
    public SctOutcome {
        requireNonNull(origin, "origin");
        requireNonNull(logId, "logId");
        requireNonNull(log, "log");
        requireNonNull(timestamp, "timestamp");
        requireNonNull(verdict, "verdict");
        requireNonNull(detail, "detail");
    }

    /** An SCT (or SCT list) that could not be read: no log, no timestamp. */
    static SctOutcome malformed(SctOrigin origin, int index, String detail) {
        return new SctOutcome(
                origin,
                index,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                SctVerdict.MALFORMED,
                detail,
                false);
    }

    /** The verdict on a parsed SCT, {@code known} being its log in the list if any; not counted yet. */
    static SctOutcome judged(
            SctOrigin origin,
            int index,
            SignedCertificateTimestamp sct,
            Optional<CtLog> known,
            SctVerdict verdict,
            String detail) {
        return new SctOutcome(
                origin, index, Optional.of(sct.logId()), known, Optional.of(sct.timestamp()), verdict, detail, false);
    }

    SctOutcome withCounted(boolean value) {
        return new SctOutcome(origin, index, logId, log, timestamp, verdict, detail, value);
    }

    /** The evidence of this SCT as plain values, in a stable order. */
    public Map<String, Object> evidence() {
        ImmutableMap.Builder<String, Object> m = ImmutableMap.builderWithExpectedSize(10);
        m.put("origin", origin.name());
        m.put("index", index);
        if (logId.isPresent()) {
            m.put("logId", logIdText());
        }
        if (log.isPresent()) {
            CtLog l = log.get();
            m.put("log", l.description());
            m.put("operator", l.operator());
            m.put("logState", l.state().name());
        }
        if (timestamp.isPresent()) {
            m.put("timestamp", IsoInstant.format(timestamp.get()));
        }
        m.put("verdict", verdict.name());
        m.put("counted", counted);
        if (!detail.isEmpty()) {
            m.put("detail", detail);
        }
        return m.build();
    }

    /**
     * The SCT's log id in base64: the log list's entry keeps that text once made, the id parsed from each SCT would
     * encode it anew (the same characters for the same id).
     */
    private String logIdText() {
        LogId id = logId.get();
        if (log.isPresent() && log.get().logId().equals(id)) {
            return log.get().logId().base64();
        }
        return id.base64();
    }
}
