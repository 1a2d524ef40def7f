package io.github.sectrust4j.engine;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.ct.internal.CtEvaluation;
import io.github.sectrust4j.ct.internal.SctOutcome;
import io.github.sectrust4j.ct.internal.SctVerdict;
import io.github.sectrust4j.policy.CtLogListAgeNote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The age of the CT log list as part of the answer (§8.4): logs are added to Apple's list all the time,
 * so an SCT from a log the list in use does not know, evaluated after that list's date, may come from a
 * log a current device trusts. The evaluation still does not count it (never a guessed "trusted"); the
 * report says the list may be out of date and how to supply a current one, and CT failures say they are
 * uncertain.
 */
final class LogListAge {
    private LogListAge() {}

    /** True if an SCT names a log unknown to {@code logs} and {@code verifyTime} is after the list's date. */
    static boolean mayBeOutdated(CtEvaluation ct, CtLogList logs, Instant verifyTime) {
        return logs.date().map(verifyTime::isAfter).orElse(false)
                && ct.outcomes().stream().anyMatch(o -> o.verdict() == SctVerdict.UNKNOWN_LOG);
    }

    /** The informational finding, when {@link #mayBeOutdated}. */
    static Optional<Failure> note(CtEvaluation ct, CtLogList logs, Instant verifyTime) {
        if (!mayBeOutdated(ct, logs, verifyTime)) {
            return Optional.empty();
        }
        List<String> unknown = new ArrayList<>();
        for (SctOutcome o : ct.outcomes()) {
            if (o.verdict() == SctVerdict.UNKNOWN_LOG) {
                o.logId().ifPresent(id -> {
                    if (!unknown.contains(id.base64())) {
                        unknown.add(id.base64());
                    }
                });
            }
        }
        return Optional.of(new Failure(
                FindingCode.CT_LOG_LIST_MAY_BE_OUTDATED,
                0,
                Severity.INFO,
                new CtLogListAgeNote.UnknownLogs(logs.source(), logs.date().orElseThrow(), verifyTime, unknown)));
    }
}
