package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The OCSP state of one chain position as responses arrive (stapled first, then cached, then
 * fetched): each response is checked with {@link OcspResponseValidator} and kept only if it is
 * fresher — a strictly later thisUpdate — than the one already held (§9.4 item 2). Immutable:
 * {@link #consider} returns a new state.
 *
 * <p>A revoked response, once held, is never displaced: iOS records the Revocation failure the
 * moment it consumes a revoked response, so a later "good" cannot undo it.
 */
public final class OcspPosition {
    private final OcspTarget target;
    private final Optional<OcspResponseCheck> held;
    private final List<OcspResponseCheck> ignored;

    private OcspPosition(OcspTarget target, Optional<OcspResponseCheck> held, List<OcspResponseCheck> ignored) {
        this.target = target;
        this.held = held;
        this.ignored = List.copyOf(ignored);
    }

    public static OcspPosition of(OcspTarget target) {
        return new OcspPosition(requireNonNull(target, "target"), Optional.empty(), List.of());
    }

    /** Checks {@code responseDer} against the current clock {@code now} and folds it in. */
    public OcspPosition consider(byte[] responseDer, Instant now) {
        return consider(OcspResponseValidator.check(target, responseDer, now));
    }

    /** Checks a response parsed once ({@link OcspResponse#parse}) against the current clock and folds it in. */
    public OcspPosition consider(OcspResponse response, Instant now) {
        return consider(OcspResponseValidator.check(target, response, now));
    }

    /** Folds in an already checked response. */
    public OcspPosition consider(OcspResponseCheck check) {
        requireNonNull(check, "check");
        if (!check.isDecisive()) {
            return withIgnored(check);
        }
        if (held.isPresent()) {
            OcspResponseCheck current = held.get();
            boolean currentRevoked = current.status().orElseThrow() == OcspStatus.REVOKED;
            boolean fresher = check.thisUpdate()
                    .orElseThrow()
                    .isAfter(current.thisUpdate().orElseThrow());
            if (currentRevoked || !fresher) {
                return withIgnored(check.withVerdict(
                        OcspVerdict.NOT_FRESHER,
                        currentRevoked
                                ? "a revoked response is already held for this certificate"
                                : "thisUpdate " + check.thisUpdate().orElseThrow()
                                        + " is not later than the held response's "
                                        + current.thisUpdate().orElseThrow()));
            }
            List<OcspResponseCheck> list = new ArrayList<>(ignored);
            list.add(current.withVerdict(OcspVerdict.NOT_FRESHER, "superseded by a fresher response"));
            return new OcspPosition(target, Optional.of(check), list);
        }
        return new OcspPosition(target, Optional.of(check), ignored);
    }

    private OcspPosition withIgnored(OcspResponseCheck check) {
        List<OcspResponseCheck> list = new ArrayList<>(ignored);
        list.add(check);
        return new OcspPosition(target, held, list);
    }

    public OcspTarget target() {
        return target;
    }

    /** The decisive (good or revoked) response in force, if any. */
    public Optional<OcspResponseCheck> held() {
        return held;
    }

    /** Responses that were ignored, with their verdicts, in arrival order. */
    public List<OcspResponseCheck> ignored() {
        return ignored;
    }
}
