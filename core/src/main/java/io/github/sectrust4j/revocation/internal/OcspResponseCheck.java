package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of checking one OCSP response against one chain position (spec §9.4).
 *
 * @param verdict        {@link OcspVerdict#ACCEPTED} or why the response is ignored
 * @param status         the certificate status of the matching SingleResponse, when one was found
 * @param producedAt     the response's producedAt, when parseable
 * @param thisUpdate     the matching SingleResponse's thisUpdate
 * @param nextUpdate     its nextUpdate, if present
 * @param revocationTime for a revoked status
 * @param reason         CRL reason code (RFC 5280 §5.3.1) of a revoked status, if the response gives one
 * @param detail         one line in plain words (why it was ignored, or what it says)
 */
public record OcspResponseCheck(
        OcspVerdict verdict,
        Optional<OcspStatus> status,
        Optional<Instant> producedAt,
        Optional<Instant> thisUpdate,
        Optional<Instant> nextUpdate,
        Optional<Instant> revocationTime,
        OptionalInt reason,
        String detail) {

    /** Lifetime iOS gives a response without nextUpdate (§9.4 item 4). */
    public static final Duration DEFAULT_RESPONSE_LIFETIME = Duration.ofHours(24);

    public OcspResponseCheck {
        requireNonNull(verdict, "verdict");
        requireNonNull(status, "status");
        requireNonNull(producedAt, "producedAt");
        requireNonNull(thisUpdate, "thisUpdate");
        requireNonNull(nextUpdate, "nextUpdate");
        requireNonNull(revocationTime, "revocationTime");
        requireNonNull(reason, "reason");
        requireNonNull(detail, "detail");
    }

    static OcspResponseCheck ignored(OcspVerdict verdict, String detail) {
        return new OcspResponseCheck(
                verdict,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                detail);
    }

    OcspResponseCheck withVerdict(OcspVerdict newVerdict, String newDetail) {
        return new OcspResponseCheck(
                newVerdict, status, producedAt, thisUpdate, nextUpdate, revocationTime, reason, newDetail);
    }

    /** True if iOS acts on this response: accepted and good or revoked ({@code unknown} is ignored). */
    public boolean isDecisive() {
        return verdict == OcspVerdict.ACCEPTED && status.isPresent() && status.get() != OcspStatus.UNKNOWN;
    }

    /** nextUpdate, or thisUpdate + 24 h when absent (§9.4 item 4). */
    public Optional<Instant> effectiveNextUpdate() {
        return nextUpdate.isPresent() ? nextUpdate : thisUpdate.map(t -> t.plus(DEFAULT_RESPONSE_LIFETIME));
    }

    /** Evidence for a finding, in a stable order. */
    public Map<String, Object> evidence() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("verdict", verdict.name());
        status.ifPresent(s -> map.put("status", s.name()));
        producedAt.ifPresent(t -> map.put("producedAt", t.toString()));
        thisUpdate.ifPresent(t -> map.put("thisUpdate", t.toString()));
        nextUpdate.ifPresent(t -> map.put("nextUpdate", t.toString()));
        revocationTime.ifPresent(t -> map.put("revocationTime", t.toString()));
        reason.ifPresent(r -> map.put("reason", r));
        map.put("detail", detail);
        return map;
    }
}
