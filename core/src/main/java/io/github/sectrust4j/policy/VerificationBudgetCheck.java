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
 * {@code VerificationBudgetExceeded} (library check, §1.4): the evaluation's public-key verifications
 * (certificate, SCT and OCSP signatures) reached {@code PathBudget.maxVerifications}; what could not be verified
 * counted as failed, so the evaluation is Fatal. The engine records it on the best path's top.
 */
public final class VerificationBudgetCheck implements CheckDescriptor {
    public static final VerificationBudgetCheck INSTANCE = new VerificationBudgetCheck();
    private static final String RAISE_WITH = "SecTrust.withBudget(PathBudget.DEFAULT.withMaxVerifications(n))";

    private VerificationBudgetCheck() {}

    /** The limit and the distinct verifications made, by kind. */
    public record Exhausted(
            int maxVerifications, int verifications, int certificateSignatures, int sctSignatures, int ocspSignatures)
            implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("limitReached", "maxVerifications");
            e.put("maxVerifications", maxVerifications);
            e.put("verifications", verifications);
            e.put("certificateSignatures", certificateSignatures);
            e.put("sctSignatures", sctSignatures);
            e.put("ocspSignatures", ocspSignatures);
            e.put("raiseWith", RAISE_WITH);
            return StableOrder.evidence(e);
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.VERIFICATION_BUDGET_EXCEEDED;
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
        return failure.code().code() + ": the verification budget of this evaluation was exhausted after "
                + e.verifications() + " public-key verifications (limit maxVerifications = " + e.maxVerifications()
                + ": " + e.certificateSignatures() + " certificate, " + e.sctSignatures() + " SCT, "
                + e.ocspSignatures() + " OCSP signatures); what could not be verified counts as failed.";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                "§1.4",
                "the library bounds the public-key verifications of one evaluation (certificate,"
                        + " SCT and OCSP signatures); what it could not verify counts as failed. Raise the limit with"
                        + " SecTrust.withBudget(PathBudget.withMaxVerifications(...))",
                Confidence.INFERRED);
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "The request needs more verifications than the limit (a server sends a few certificates, SCTs "
                + "and OCSP responses): remove the surplus, or raise the limit with " + RAISE_WITH + ".";
    }
}
