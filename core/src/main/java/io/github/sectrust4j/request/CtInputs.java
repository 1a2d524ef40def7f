package io.github.sectrust4j.request;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.ct.CtExceptions;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.ct.internal.LogListProvenance;
import java.util.Optional;

/**
 * The Certificate Transparency inputs of one evaluation (§8.1, §8.4, §8.6).
 *
 * @param logs           the caller's trusted logs ({@code SecTrustSetTrustedLogs}, a request's {@code ctLogs}):
 *                       replace the release's list and force enforcement; empty = the release's list
 * @param releaseListFresh whether the device's own log list is fresh (checked in within 60 days); default true.
 *                       A stale list switches CT enforcement off (and EV no longer needs CT)
 * @param killSwitchOn   the trust-supplementals CT kill switch; default off
 * @param exceptions     MDM CT exceptions (§8.6); default none
 */
public record CtInputs(
        Optional<CtLogList> logs, boolean releaseListFresh, boolean killSwitchOn, CtExceptions exceptions) {
    /** The release's fresh list, kill switch off, no exceptions. */
    public static final CtInputs DEFAULT = new CtInputs(Optional.empty(), true, false, CtExceptions.none());

    public CtInputs {
        requireNonNull(logs, "logs");
        requireNonNull(exceptions, "exceptions");
    }

    /** Where the trusted-log set comes from, which decides enforcement (§8.1 condition 3). */
    public LogListProvenance provenance() {
        if (logs.isPresent()) {
            return LogListProvenance.CALLER_SUPPLIED;
        }
        return releaseListFresh ? LogListProvenance.RELEASE_LIST_FRESH : LogListProvenance.RELEASE_LIST_STALE;
    }

    public CtInputs withLogs(CtLogList list) {
        return new CtInputs(Optional.of(requireNonNull(list, "list")), releaseListFresh, killSwitchOn, exceptions);
    }

    public CtInputs withReleaseListFresh(boolean fresh) {
        return new CtInputs(logs, fresh, killSwitchOn, exceptions);
    }

    public CtInputs withKillSwitch(boolean on) {
        return new CtInputs(logs, releaseListFresh, on, exceptions);
    }

    public CtInputs withExceptions(CtExceptions value) {
        return new CtInputs(logs, releaseListFresh, killSwitchOn, value);
    }
}
