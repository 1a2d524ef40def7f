package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.text.StableOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code PathBudgetExceeded} (library check, §1.4): path building stopped at one of its limits before a path
 * was accepted, so the best path found so far is reported and not trusted. The engine records it on the best
 * path's top after its validation.
 */
public final class PathBudgetCheck implements CheckDescriptor {
    public static final PathBudgetCheck INSTANCE = new PathBudgetCheck();

    private PathBudgetCheck() {}

    /**
     * The limits and what path building used of them.
     *
     * @param limitReached which limit stopped the search ("maxPaths", "maxSignatureChecks", "maxDepth", …)
     */
    public record Exhausted(
            String limitReached,
            int pathsCreated,
            int maxPaths,
            int signatureChecks,
            int maxSignatureChecks,
            int maxDepth)
            implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("limitReached", limitReached);
            e.put("pathsCreated", pathsCreated);
            e.put("maxPaths", maxPaths);
            e.put("signatureChecks", signatureChecks);
            e.put("maxSignatureChecks", maxSignatureChecks);
            e.put("maxDepth", maxDepth);
            return StableOrder.evidence(e);
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.PATH_BUDGET_EXCEEDED;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.EVALUATION;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        Exhausted e = failure.evidence(Exhausted.class);
        return failure.code().code() + ": path building stopped at its limit " + e.limitReached() + " after "
                + e.pathsCreated() + " paths (maxPaths = " + e.maxPaths() + ") and " + e.signatureChecks()
                + " signature checks (maxSignatureChecks = " + e.maxSignatureChecks() + ", maxDepth = " + e.maxDepth()
                + "); the best path so far ends at " + context.position() + " and is not trusted.";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of("§1.4", "path building is bounded (iOS stops after 100 paths)", Confidence.INFERRED);
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "Send only the server certificate and the intermediates of one chain (extra cross-signed or duplicate"
                + " CA certificates multiply the paths to try), or raise the limit with SecTrust.withBudget(new"
                + " PathBudget(maxPaths, maxSignatureChecks, maxDepth)).";
    }
}
