package io.github.sectrust4j.policy;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.ct.internal.CtEvaluation;
import io.github.sectrust4j.ct.internal.LogListProvenance;
import io.github.sectrust4j.text.IsoInstant;
import io.github.sectrust4j.text.StableOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A path's CT evaluation (§8.3) as the CT checks report it: the evaluation and the log list it was judged with
 * (where it came from, its size and date, and whether it may be out of date, §8.4).
 *
 * @param evaluation           the CT evaluation of the path
 * @param provenance           where the trusted-log set came from (§8.1 condition 3)
 * @param logListSize          logs in the list
 * @param logListSource        the list, in words
 * @param logListDate          the list's date, if known
 * @param logListMayBeOutdated an SCT names a log unknown to the list and the evaluation is later than its date
 */
public record CtEvidence(
        CtEvaluation evaluation,
        LogListProvenance provenance,
        int logListSize,
        String logListSource,
        Optional<Instant> logListDate,
        boolean logListMayBeOutdated)
        implements Evidence {
    /** How to judge with a current log list. */
    public static final String HOW_TO_UPDATE = "download Apple's current list with `sectrust4j stores update"
            + " --allow-network` (the CLI then uses it), or pass Apple's published list (https://valid.apple.com/ct/"
            + "log_list/current_log_list.json) with --ct-logs, the batch field ctLogs or SecTrust.withCtLogs.";

    /** Every name {@link #addTo} can put: the log list's and the evaluation's ({@link CtEvaluation#NAMES}). */
    static final ImmutableSet<String> NAMES = ImmutableSet.<String>builder()
            .add("ctSummary", "logList", "logListSize", "logListSource", "logListDate", "logListMayBeOutdated")
            .addAll(CtEvaluation.NAMES)
            .build();

    public CtEvidence {
        requireNonNull(evaluation, "evaluation");
        requireNonNull(provenance, "provenance");
        requireNonNull(logListSource, "logListSource");
        requireNonNull(logListDate, "logListDate");
    }

    @Override
    public Map<String, Object> fields() {
        return StableOrder.evidence(map());
    }

    /** The fields before {@link StableOrder}: a check's evidence that embeds them extends this map. */
    Map<String, Object> map() {
        Map<String, Object> e = new LinkedHashMap<>();
        addTo(e::put, evaluation.summary());
        return e;
    }

    /**
     * Puts the fields of {@link #map()}, {@code summary} being the evaluation's (worked out once). Every name is
     * put once: the evaluation's names differ from the list's.
     */
    void addTo(BiConsumer<String, Object> e, String summary) {
        e.accept("ctSummary", summary);
        e.accept("logList", provenance.name());
        e.accept("logListSize", logListSize);
        e.accept("logListSource", logListSource);
        if (logListDate.isPresent()) {
            e.accept("logListDate", IsoInstant.format(logListDate.get()));
        }
        if (logListMayBeOutdated) {
            e.accept("logListMayBeOutdated", true);
        }
        evaluation.putEvidence(e);
    }

    /** "; uncertain: …" when the list may be out of date, else "". */
    String uncertainty() {
        return logListMayBeOutdated
                ? "; uncertain: an SCT names a log unknown to the " + logListSource + " (dated "
                        + logListDate.map(Instant::toString).orElse("null") + "), which may be out of date"
                : "";
    }

    /** What makes the path CT-qualified; first, when the list may be out of date, how to judge with a current one. */
    String remedy() {
        String r = evaluation.remedy();
        String base = "Reissue the certificate from a CA whose certificates are CT-logged, or ask the CA for a"
                + " certificate with embedded SCTs from " + Math.max(evaluation.required(), 2)
                + " logs in Apple's CT log list.";
        String remedy = r.isEmpty() ? base : base + " " + r;
        if (logListMayBeOutdated) {
            remedy = "First check with a current log list: " + HOW_TO_UPDATE + " Only if the SCTs still do not count: "
                    + remedy;
        }
        return remedy;
    }
}
