package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.UnparseableExtensionCheck.Extensions;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;

/** {@code DuplicateExtension} (§2.2, iOS 15+): the same extension OID occurs twice. */
final class DuplicateExtensionCheck implements AppleCheck {
    static final DuplicateExtensionCheck INSTANCE = new DuplicateExtensionCheck();

    @Override
    public FindingCode code() {
        return FindingCode.DUPLICATE_EXTENSION;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.PATH;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return rules.duplicateExtension();
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        return Extensions.perCertificate(path, FindingCode.DUPLICATE_EXTENSION, Certificate::duplicateExtensions);
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return Messages.generic(failure, context.path());
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of("§2.2", "an extension may occur only once", Confidence.APPLE_CODE)
                .since("15.0");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "Reissue '" + context.displayName() + "' with each extension only once (duplicated: "
                + failure.evidence(Extensions.class).extensions() + ").";
    }
}
