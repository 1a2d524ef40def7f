package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.revocation.internal.RevocationResult;
import io.github.sectrust4j.text.StableOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code RevocationResponseRequired} (§9.5, iOS 9+): the app asked for a positive revocation response
 * ({@code kSecRevocationRequirePositiveResponse}) and a position has no usable OCSP response. The revocation
 * pass decides it ({@code revocation.ResponseRequirement}).
 */
public final class RevocationResponseRequiredCheck implements CheckDescriptor {
    public static final RevocationResponseRequiredCheck INSTANCE = new RevocationResponseRequiredCheck();
    /** The revocation flag that asks for it. */
    public static final String REQUIREMENT = "kSecRevocationRequirePositiveResponse";

    private RevocationResponseRequiredCheck() {}

    /** A position without a usable response: its revocation result and the flag that required one. */
    public record NoPositiveResponse(RevocationResult result, String requirement) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>(result.evidence());
            m.put("requirement", requirement);
            return StableOrder.evidence(m);
        }
    }

    /** The check's policy option exists from iOS 9 on. */
    public static boolean applies(RuleSet rules) {
        return rules.revocationResponseRequiredCheck();
    }

    @Override
    public FindingCode code() {
        return FindingCode.REVOCATION_RESPONSE_REQUIRED;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.REVOCATION;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return applies(rules);
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        NoPositiveResponse e = failure.evidence(NoPositiveResponse.class);
        return failure.code().code() + ": " + context.position() + " has no valid OCSP response (state "
                + e.result().state().name() + ") although the app requires a positive revocation response.";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of("§9.5", "a positive revocation response was required", Confidence.APPLE_CODE)
                .since("9.0");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "The server should staple a fresh OCSP response for '" + context.displayName() + "' (and the CA's"
                + " responder must answer): the app requires a positive revocation response.";
    }
}
