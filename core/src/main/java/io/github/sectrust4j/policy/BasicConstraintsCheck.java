package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.policy.rfc5280.NotACa;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import java.util.Set;

/**
 * {@code BasicConstraintsCA} / {@code BasicConstraints} (§1.6 parent check 4): a CA position must be marked as a
 * CA — a v3 certificate needs basicConstraints cA=true ({@code BasicConstraints} when absent, and for cA=false
 * before iOS 11.3), and a v1/v2 intermediate is accepted only under a v1/v2 top. Computed by
 * {@code policy.rfc5280.ParentChecks} on every CA position.
 */
public final class BasicConstraintsCheck implements CheckDescriptor {
    public static final BasicConstraintsCheck INSTANCE = new BasicConstraintsCheck();

    private BasicConstraintsCheck() {}

    @Override
    public FindingCode code() {
        return FindingCode.BASIC_CONSTRAINTS_CA;
    }

    @Override
    public Set<FindingCode> recordedAs() {
        return Set.of(FindingCode.BASIC_CONSTRAINTS_CA, FindingCode.BASIC_CONSTRAINTS);
    }

    @Override
    public Set<Class<? extends Evidence>> evidenceTypes() {
        return Set.of(NotACa.class);
    }

    @Override
    public CheckStage stage() {
        return CheckStage.PARENT;
    }

    /** Computed by the parent checks. */
    @Override
    public Set<Rfc5280Check> rfc5280Checks(RuleSet rules) {
        return Set.of(Rfc5280Check.BASIC_CONSTRAINTS);
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        NotACa e = failure.evidence(NotACa.class);
        String why = switch (e.problem()) {
            case ABSENT -> "has no basicConstraints extension";
            case CA_FALSE -> "has basicConstraints cA=false";
            case OLD_VERSION_INTERMEDIATE ->
                "is a v" + e.version() + " certificate (no basicConstraints) under a v"
                        + e.topVersion().orElse(3) + " top";
        };
        return failure.code().code() + ": " + context.position() + " is used as a CA but " + why + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                "§1.6",
                "a CA position needs basicConstraints cA=true (a v1/v2 certificate only under a v1/v2"
                        + " top; cA=false was recorded as BasicConstraints before iOS 11.3)",
                Confidence.APPLE_CODE);
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "'" + context.displayName()
                + "' is used as a CA but is not marked as one: reissue it with basicConstraints" + " cA=true.";
    }
}
