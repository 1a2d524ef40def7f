package io.github.sectrust4j.policy;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.text.DeferredEvidence;
import java.util.Map;

/**
 * {@code CertificateTransparency} (§8.3, information only): the path's CT qualification from the SCTs of the
 * three sources, noted whenever the request carried SCTs. The trailing checks record it.
 */
public final class CertificateTransparencyNote implements CheckDescriptor {
    public static final CertificateTransparencyNote INSTANCE = new CertificateTransparencyNote();

    private CertificateTransparencyNote() {}

    /**
     * The path's CT evaluation, led by its one-line summary (worked out once: the message repeats it).
     *
     * @param ct      the evaluation and its log list
     * @param summary {@code ct.evaluation().summary()}
     */
    public record CtResult(CtEvidence ct, String summary) implements Evidence {
        public CtResult(CtEvidence ct) {
            this(ct, ct.evaluation().summary());
        }

        /** Every name {@link #fields} can hold: the summary, the log list's and the evaluation's. */
        static final ImmutableSet<String> NAMES = ImmutableSet.<String>builder()
                .add("summary")
                .addAll(CtEvidence.NAMES)
                .build();

        /**
         * Built when first read (a few KB: one record per SCT): the report of every CT-qualified chain carries
         * it, most API callers never read it; {@code batch} prints it, with the same values.
         */
        @Override
        public Map<String, Object> fields() {
            return DeferredEvidence.ofOrdered(this::build, NAMES);
        }

        @Override
        public boolean isEmpty() {
            return false; // the summary at least
        }

        /**
         * The evidence in its final form (no intermediate map, nothing for {@link
         * io.github.sectrust4j.text.StableOrder} to copy or check): immutable maps and lists of strings, numbers and
         * booleans, in the order reported.
         */
        ImmutableMap<String, Object> build() {
            ImmutableMap.Builder<String, Object> e = ImmutableMap.builderWithExpectedSize(20);
            e.put("summary", summary);
            ct.addTo(e::put, summary);
            return e.buildKeepingLast(); // a repeated name keeps its last value, as the map it replaced did
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.CERTIFICATE_TRANSPARENCY;
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
        String code = failure.code().code();
        String summary = failure.evidence(CtResult.class).summary();
        // sized once: a concatenation grows its builder several times (every CT-qualified report has this line)
        return new StringBuilder(code.length() + 2 + summary.length())
                .append(code)
                .append(": ")
                .append(summary)
                .toString();
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                        "§8.3",
                        "CT qualification from the SCTs of the three sources (information only)",
                        Confidence.APPLE_CODE)
                .since("9.0");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "None: informational.";
    }
}
