package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.policy.rfc5280.NameConstraintFailure;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import java.util.Set;

/**
 * {@code NameConstraints} (§2.3, iOS 11.3+; {@code BasicCertificateProcessing} before): every name of a certificate
 * must lie inside the permitted and outside the excluded subtrees of every CA above, and a critical
 * nameConstraints extension may only use forms iOS checks. Computed by RFC 5280 processing
 * ({@code policy.rfc5280.BasicCertificateProcessing}); the old name also covers the policy tree, whose failures
 * {@link PolicyConstraintsCheck} explains by their evidence.
 */
public final class NameConstraintsCheck implements CheckDescriptor {
    public static final NameConstraintsCheck INSTANCE = new NameConstraintsCheck();

    private NameConstraintsCheck() {}

    @Override
    public FindingCode code() {
        return FindingCode.NAME_CONSTRAINTS;
    }

    @Override
    public Set<FindingCode> recordedAs() {
        return Set.of(FindingCode.NAME_CONSTRAINTS, FindingCode.BASIC_CERTIFICATE_PROCESSING);
    }

    @Override
    public Set<Class<? extends Evidence>> evidenceTypes() {
        return Set.of(
                NameConstraintFailure.NameOutsideSubtrees.class,
                NameConstraintFailure.UnsupportedForms.class,
                NameConstraintFailure.TooManySubtrees.class);
    }

    @Override
    public CheckStage stage() {
        return CheckStage.RFC5280;
    }

    /** Computed by RFC 5280 processing. */
    @Override
    public Set<Rfc5280Check> rfc5280Checks(RuleSet rules) {
        return Set.of(Rfc5280Check.NAME_CONSTRAINTS);
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        NameConstraintFailure e = failure.evidence(NameConstraintFailure.class);
        String what;
        if (e instanceof NameConstraintFailure.NameOutsideSubtrees n) {
            what = n.explanation();
        } else if (e instanceof NameConstraintFailure.UnsupportedForms u) {
            what = "its critical nameConstraints extension has " + u.unsupportedSubtrees() + " subtree(s) in forms iOS"
                    + " cannot check (only DNS, IP, e-mail, URI and directory names)";
        } else {
            NameConstraintFailure.TooManySubtrees t = (NameConstraintFailure.TooManySubtrees) e;
            what = "the CAs' name constraints add up to " + t.combinedSubtrees() + " subtrees, more than the "
                    + t.limit() + " checked";
        }
        return failure.code().code() + ": " + context.position() + ": " + what + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        if (failure.code() == FindingCode.BASIC_CERTIFICATE_PROCESSING) {
            return Rule.of(
                    "§2.3",
                    "RFC 5280 name and policy constraints (recorded under this name before iOS 11.3)",
                    Confidence.APPLE_CODE);
        }
        return Rule.of(
                        "§2.3",
                        "names must lie inside the permitted and outside the excluded subtrees of every CA above",
                        Confidence.APPLE_CODE)
                .since("11.3");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        String cn = context.displayName();
        NameConstraintFailure e = failure.evidence(NameConstraintFailure.class);
        if (e instanceof NameConstraintFailure.UnsupportedForms) {
            return "Reissue the CA '" + cn + "' with name constraints in DNS, IP, e-mail, URI or directory-name form"
                    + " only, or issue from another CA.";
        }
        if (e instanceof NameConstraintFailure.TooManySubtrees t) {
            return "Issue from CAs with fewer name-constraint subtrees (at '" + cn + "' they add up to "
                    + t.combinedSubtrees() + ").";
        }
        return "'" + cn + "' violates an issuing CA's name constraints: reissue it with names inside the CA's"
                + " permitted subtrees, or issue from an unconstrained CA.";
    }
}
