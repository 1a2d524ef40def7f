package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.text.StableOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code CTLogListMayBeOutdated} (§8.4, library note): an SCT names a log the list in use does not know and the
 * evaluation is later than the list's date, so a current device (whose list Apple updates over the air) may
 * count it. The evaluation still does not; the note says how to judge with a current list.
 */
public final class CtLogListAgeNote implements CheckDescriptor {
    public static final CtLogListAgeNote INSTANCE = new CtLogListAgeNote();

    private CtLogListAgeNote() {}

    /**
     * The logs the list does not know.
     *
     * @param logListSource the list, in words
     * @param logListDate   its date
     * @param verifyTime    the evaluation's time (later than the list)
     * @param unknownLogIds the unknown logs' IDs (base64), each once, in SCT order
     */
    public record UnknownLogs(String logListSource, Instant logListDate, Instant verifyTime, List<String> unknownLogIds)
            implements Evidence {
        public UnknownLogs {
            unknownLogIds = List.copyOf(unknownLogIds);
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("summary", summary());
            e.put("logListSource", logListSource);
            e.put("logListDate", logListDate.toString());
            e.put("unknownLogIds", unknownLogIds);
            return StableOrder.evidence(e);
        }

        String summary() {
            int n = unknownLogIds.size();
            return n + (n == 1 ? " SCT log is" : " SCT logs are") + " unknown to the " + logListSource + ", dated "
                    + logListDate + ", and the evaluation is later (" + verifyTime + "): logs added to Apple's list"
                    + " since then are not counted, so the CT result may differ on a current device";
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.CT_LOG_LIST_MAY_BE_OUTDATED;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.TRAILING;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return failure.code().code() + ": "
                + failure.evidence(UnknownLogs.class).summary();
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                "§8.4",
                "SCTs count only from logs in the device's CT log list, which Apple updates over"
                        + " the air; a list older than the evaluation may lack logs a current device trusts",
                Confidence.INFERRED);
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "To judge with a current list, " + CtEvidence.HOW_TO_UPDATE;
    }
}
