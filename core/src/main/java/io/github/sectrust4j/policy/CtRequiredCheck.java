package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.text.StableOrder;
import java.util.Map;

/**
 * {@code CTRequired} (§9.2, iOS 11.3+): a Valid group of the path (require-ct, or a date-constraint notAfter
 * already past) requires CT, CT is enforced (log list current, kill switch off) and the path is not
 * CT-qualified. Recoverable if every requiring group is overridable, else Fatal. The trailing checks decide it.
 */
public final class CtRequiredCheck implements CheckDescriptor {
    public static final CtRequiredCheck INSTANCE = new CtRequiredCheck();

    private CtRequiredCheck() {}

    /**
     * A path that is not CT-qualified although Valid requires CT of it.
     *
     * @param ct                the path's CT evaluation
     * @param requiringPosition the chain position whose Valid group requires CT
     * @param overridable       every requiring group is overridable (Recoverable)
     */
    public record RequiredByValid(CtEvidence ct, int requiringPosition, boolean overridable) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> e = ct.map();
            e.put("requiredBy", requiredBy());
            e.put("overridable", overridable);
            return StableOrder.evidence(e);
        }

        String requiredBy() {
            return "Valid database group of certificate " + (requiringPosition + 1);
        }
    }

    /** Valid's require-ct is enforced from iOS 11.3. */
    public static boolean applies(RuleSet rules) {
        return rules.validRequiresCt();
    }

    @Override
    public FindingCode code() {
        return FindingCode.CT_REQUIRED;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.TRAILING;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return applies(rules);
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        RequiredByValid e = failure.evidence(RequiredByValid.class);
        return failure.code().code() + ": " + e.ct().evaluation().summary() + "; CT required by the " + e.requiredBy()
                + e.ct().uncertainty() + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        boolean uncertain = failure.evidence(RequiredByValid.class).ct().logListMayBeOutdated();
        return Rule.of(
                        uncertain ? "§9.2, §8.4" : "§9.2",
                        "a certificate whose Valid group requires CT must be"
                                + " CT-qualified"
                                + (uncertain
                                        ? "; judged with a log list that may be out of date (an SCT names a log"
                                                + " it does not know), so a current device may decide otherwise"
                                        : ""),
                        uncertain ? Confidence.INFERRED : Confidence.APPLE_CODE)
                .since("11.3");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "Apple requires CT for certificates of this CA: "
                + failure.evidence(RequiredByValid.class).ct().remedy();
    }
}
