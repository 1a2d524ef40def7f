package io.github.sectrust4j.engine;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.ct.CtEvaluation;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.ct.SctOutcome;
import io.github.sectrust4j.ct.SctVerdict;
import io.github.sectrust4j.check.Failure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The age of the CT log list as part of the answer (§8.4): logs are added to Apple's list all the time,
 * so an SCT from a log the list in use does not know, evaluated after that list's date, may come from a
 * log a current device trusts. The evaluation still does not count it (never a guessed "trusted"); the
 * report says the list may be out of date and how to supply a current one, and CT failures say they are
 * uncertain.
 */
final class LogListAge {
    /** Evidence key marking a CT result judged with a list that may be out of date. */
    static final String EVIDENCE_KEY = "logListMayBeOutdated";
    static final String HOW_TO_UPDATE = "download Apple's current list with `sectrust4j stores update --allow-network`"
            + " (the CLI then uses it), or pass Apple's published list (https://valid.apple.com/ct/log_list/"
            + "current_log_list.json) with --ct-logs, the batch field ctLogs or SecTrust.withCtLogs.";

    private LogListAge() {
    }

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
        Instant date = logs.date().orElseThrow();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("summary", unknown.size() + (unknown.size() == 1 ? " SCT log is" : " SCT logs are") + " unknown to the "
                + logs.source() + ", dated " + date + ", and the evaluation is later (" + verifyTime + "): logs added"
                + " to Apple's list since then are not counted, so the CT result may differ on a current device");
        e.put("logListSource", logs.source());
        e.put("logListDate", date.toString());
        e.put("unknownLogIds", unknown);
        e.put("remedy", "To judge with a current list, " + HOW_TO_UPDATE);
        return Optional.of(new Failure(FindingCode.CT_LOG_LIST_MAY_BE_OUTDATED, 0, Severity.INFO, e));
    }
}
