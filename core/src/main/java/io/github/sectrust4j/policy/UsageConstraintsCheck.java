package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code UsageConstraints} (§7.3, forced, Deny): after path validation, a certificate whose trust settings evaluate
 * to Deny for this policy records the check at its index. Apple's hard-coded roots have no constraints, so a user
 * Deny on them has no effect. (The other half of Apple's usage-constraints pass, the Proceed upgrade for user-store
 * anchors, changes the result, not the failures: {@link FailureRecorder#proceedForUserStore}.)
 */
final class UsageConstraintsCheck implements AppleCheck {
    static final UsageConstraintsCheck INSTANCE = new UsageConstraintsCheck();

    /** A Deny trust setting on the named certificate. */
    record DenySetting(String certificate) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trustSettingResult", "deny");
            m.put("certificate", certificate);
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.USAGE_CONSTRAINTS;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.USAGE_CONSTRAINTS;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            Optional<List<TrustSetting>> constraints = PathFacts.constraints(path, i);
            if (constraints.isEmpty()) {
                continue; // no constraints: TrustRoot
            }
            Optional<TrustSetting.Result> r = TrustSettingsEvaluation.result(constraints.get(), i, request);
            if (r.isPresent() && r.get() == TrustSetting.Result.DENY) {
                out.add(Failure.of(
                        FindingCode.USAGE_CONSTRAINTS, i, new DenySetting(PathFacts.displayName(path.get(i)))));
            }
        }
        return out;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return failure.code().code() + ": " + context.position() + " carries a Deny trust setting.";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                        "§7.3",
                        "a certificate whose trust setting is Deny makes the chain denied",
                        Confidence.APPLE_CODE)
                .since("10.0");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "'" + failure.evidence(DenySetting.class).certificate()
                + "' has a Deny trust setting on the device: remove the "
                + "profile or MDM payload that distrusts it (Settings > General > VPN & Device Management).";
    }
}
