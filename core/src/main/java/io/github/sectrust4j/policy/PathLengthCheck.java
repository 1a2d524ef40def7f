package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.policy.rfc5280.PathTooLong;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import java.util.Set;

/**
 * {@code BasicConstraintsPathLen} (§2.3, RFC 5280 §6.1.4 (l), (m); {@code BasicConstraints} before iOS 11.3):
 * no more non-self-issued intermediates below a CA than its pathLenConstraint allows. Computed by RFC 5280
 * processing ({@code policy.rfc5280.BasicCertificateProcessing}).
 */
public final class PathLengthCheck implements CheckDescriptor {
    public static final PathLengthCheck INSTANCE = new PathLengthCheck();

    private PathLengthCheck() {}

    @Override
    public FindingCode code() {
        return FindingCode.BASIC_CONSTRAINTS_PATH_LEN;
    }

    @Override
    public Set<Class<? extends Evidence>> evidenceTypes() {
        return Set.of(PathTooLong.class);
    }

    @Override
    public CheckStage stage() {
        return CheckStage.RFC5280;
    }

    /** Computed by RFC 5280 processing. */
    @Override
    public Set<Rfc5280Check> rfc5280Checks(RuleSet rules) {
        return Set.of(Rfc5280Check.PATH_LENGTH);
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return failure.code().code() + ": " + context.position() + " is one intermediate too many: "
                + failure.evidence(PathTooLong.class)
                        .constraint()
                        .map(c -> "certificate " + c.constrainedBy()
                                + " has pathLenConstraint " + c.pathLenConstraint() + " and " + c.intermediatesBelow()
                                + " non-self-issued intermediates follow it")
                        .orElse("the path is longer than RFC 5280 allows")
                + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                "§2.3",
                "no more non-self-issued intermediates may follow a CA than its pathLenConstraint"
                        + " allows (RFC 5280 §6.1.4 (l), (m); recorded as BasicConstraints before iOS 11.3)",
                Confidence.APPLE_CODE);
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "The chain is longer than a CA's pathLenConstraint allows at '" + context.displayName()
                + "': use a shorter chain or reissue the CA.";
    }
}
