package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.FindingCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The revocation outcome of one chain position.
 *
 * @param position       index in the path (0 = leaf)
 * @param state          what is known
 * @param source         where a GOOD/REVOKED state came from
 * @param validUntil     for GOOD by OCSP: the effective nextUpdate ("revocation valid until", §9.4 Outcomes)
 * @param revocationTime for REVOKED by OCSP
 * @param reason         CRL reason code for REVOKED (0, unspecified, when Valid decided)
 * @param skipped        why the position was not checked (state NOT_CHECKED)
 * @param ignored        ignored OCSP responses with their verdicts (evidence of soft fail)
 */
public record RevocationResult(
        int position,
        State state,
        Optional<RevocationSource> source,
        Optional<Instant> validUntil,
        Optional<Instant> revocationTime,
        OptionalInt reason,
        Optional<SkipReason> skipped,
        List<OcspResponseCheck> ignored) {

    /** What is known about a position. */
    public enum State {
        /** Checked: a valid good response, or the Valid allow list. */
        GOOD,
        /** Revoked by a valid OCSP response or by definitive Valid information. */
        REVOKED,
        /** Checked but nothing usable (soft fail). */
        NO_INFORMATION,
        /** Not checked at all (see {@link RevocationResult#skipped()}). */
        NOT_CHECKED
    }

    public RevocationResult {
        requireNonNull(state, "state");
        requireNonNull(source, "source");
        requireNonNull(validUntil, "validUntil");
        requireNonNull(revocationTime, "revocationTime");
        requireNonNull(reason, "reason");
        requireNonNull(skipped, "skipped");
        ignored = List.copyOf(ignored);
    }

    /** The result of an {@link OcspPosition} after all responses were considered. */
    public static RevocationResult fromOcsp(int position, OcspPosition ocsp) {
        List<OcspResponseCheck> ignored = ocsp.ignored();
        if (ocsp.held().isEmpty()) {
            return new RevocationResult(
                    position,
                    State.NO_INFORMATION,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    OptionalInt.empty(),
                    Optional.empty(),
                    ignored);
        }
        OcspResponseCheck held = ocsp.held().get();
        if (held.status().orElseThrow() == OcspStatus.REVOKED) {
            return new RevocationResult(
                    position,
                    State.REVOKED,
                    Optional.of(RevocationSource.OCSP),
                    Optional.empty(),
                    held.revocationTime(),
                    held.reason().isPresent() ? held.reason() : OptionalInt.of(0),
                    Optional.empty(),
                    ignored);
        }
        return new RevocationResult(
                position,
                State.GOOD,
                Optional.of(RevocationSource.OCSP),
                held.effectiveNextUpdate(),
                Optional.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                ignored);
    }

    /**
     * The position's result from both sources. A decisive OCSP "revoked" wins; then a Valid date
     * constraint (an immediate {@code Revocation}, reason 0, that OCSP cannot lift); then a decisive
     * OCSP "good" — which overrides a definitive Valid "revoked" (§9.2 "Consequence"); then the
     * Valid determined {@code Revocation} (reason 0) or a no-ca-v2 allow-list hit (GOOD, checked);
     * anything else is NO_INFORMATION with the ignored responses as evidence.
     */
    public static RevocationResult of(int position, OcspPosition ocsp, Optional<ValidDecision> valid) {
        requireNonNull(ocsp, "ocsp");
        requireNonNull(valid, "valid");
        boolean ocspRevoked = ocsp.held()
                .map(h -> h.status().orElseThrow() == OcspStatus.REVOKED)
                .orElse(false);
        if (ocspRevoked || valid.isEmpty()) {
            return fromOcsp(position, ocsp);
        }
        ValidDecision decision = valid.get();
        if (hasRevocation(decision.immediate()) || (ocsp.held().isEmpty() && hasRevocation(decision.failures(false)))) {
            return revokedByValid(position, ocsp.ignored());
        }
        if (ocsp.held().isEmpty() && decision.allowListed()) {
            return allowListedByValid(position);
        }
        return fromOcsp(position, ocsp);
    }

    private static boolean hasRevocation(List<ValidFailure> failures) {
        return failures.stream().anyMatch(f -> f.code() == FindingCode.REVOCATION);
    }

    /** Definitive Valid "revoked" with no usable OCSP response (§9.2 "Determined error"): reason 0. */
    public static RevocationResult revokedByValid(int position, List<OcspResponseCheck> ignored) {
        return new RevocationResult(
                position,
                State.REVOKED,
                Optional.of(RevocationSource.VALID),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.of(0),
                Optional.empty(),
                ignored);
    }

    /** Valid allow-listed the position (no-ca-v2 allow list): counts as checked (§9.2 Processing). */
    public static RevocationResult allowListedByValid(int position) {
        return new RevocationResult(
                position,
                State.GOOD,
                Optional.of(RevocationSource.VALID),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                List.of());
    }

    public static RevocationResult notChecked(int position, SkipReason reason) {
        return new RevocationResult(
                position,
                State.NOT_CHECKED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                Optional.of(reason),
                List.of());
    }

    public boolean isRevoked() {
        return state == State.REVOKED;
    }

    /** Evidence for a {@code Finding}, in a stable order (strings, numbers, lists of maps). */
    public Map<String, Object> evidence() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("position", position);
        map.put("revocationState", state.name());
        source.ifPresent(s -> map.put("source", s.name()));
        validUntil.ifPresent(t -> map.put("validUntil", t.toString()));
        revocationTime.ifPresent(t -> map.put("revocationTime", t.toString()));
        reason.ifPresent(r -> map.put("reason", r));
        skipped.ifPresent(s -> map.put("skipped", s.name()));
        if (!ignored.isEmpty()) {
            List<Object> list = new ArrayList<>();
            for (OcspResponseCheck check : ignored) {
                list.add(check.evidence());
            }
            map.put("ignoredResponses", list);
        }
        return map;
    }
}
