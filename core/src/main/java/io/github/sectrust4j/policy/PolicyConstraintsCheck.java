package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.policy.rfc5280.PolicyTreeInvalid;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import java.util.Set;

/**
 * {@code PolicyConstraints} (§2.3, iOS 11.3+; {@code BasicCertificateProcessing} before): the RFC 5280
 * certificate-policy tree must satisfy requireExplicitPolicy / inhibitPolicyMapping / inhibitAnyPolicy. Computed
 * by RFC 5280 processing ({@code policy.rfc5280.PolicyTree}); recorded at the leaf.
 */
public final class PolicyConstraintsCheck implements CheckDescriptor {
    public static final PolicyConstraintsCheck INSTANCE = new PolicyConstraintsCheck();

    private PolicyConstraintsCheck() {}

    @Override
    public FindingCode code() {
        return FindingCode.POLICY_CONSTRAINTS;
    }

    @Override
    public Set<Class<? extends Evidence>> evidenceTypes() {
        return Set.of(PolicyTreeInvalid.class);
    }

    @Override
    public CheckStage stage() {
        return CheckStage.RFC5280;
    }

    /** Computed by RFC 5280 processing. */
    @Override
    public Set<Rfc5280Check> rfc5280Checks(RuleSet rules) {
        return Set.of(Rfc5280Check.POLICY_CONSTRAINTS);
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return failure.code().code() + ": the chain's certificate policies fail RFC 5280 policy processing: "
                + failure.evidence(PolicyTreeInvalid.class).reason() + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                        "§2.3",
                        "the RFC 5280 certificate-policy tree must satisfy requireExplicitPolicy/inhibit constraints",
                        Confidence.APPLE_CODE)
                .since("11.3");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "The chain's certificate policies do not satisfy a CA's policy constraints: reissue with the required"
                + " policy OIDs.";
    }
}
