package io.github.sectrust4j.policy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import java.util.Set;

/**
 * One Apple policy check as a self-describing unit (zlint's shape: a check is a file with its metadata, its
 * applicability, its evidence record and its test): the code iOS records it under, the releases and policies
 * that carry it, where in Apple's order it runs, the check itself, and how a failure of it is explained — a
 * message, the rule with its source, and a remedy in the admin's language.
 *
 * <p>The catalogue ({@link AppleChecks}) lists every check; which checks run for a (release, policy) and which
 * codes a validation records both derive from it, so a check cannot run without counting or count without
 * running. Implementations are immutable singletons.
 */
public interface AppleCheck extends PathCheck {

    /** The check's name in Apple's code (the key in {@code TrustResultDetails}), as of the newest release. */
    FindingCode code();

    /**
     * Every code this check's failures are recorded under: its own and the names older releases used (e.g.
     * {@code ValidLeaf} before {@code TemporalValidity}). Findings with these codes are explained by this check.
     */
    default Set<FindingCode> recordedAs() {
        return Set.of(code());
    }

    /**
     * The codes this check's failures are recorded under in one release (the policy's option keys it adds):
     * {@link #recordedAs()} unless older releases used other names.
     */
    default Set<FindingCode> recordedIn(RuleSet rules) {
        return recordedAs();
    }

    /** Where in Apple's order of a validation (§1.6) the check runs. */
    CheckStage stage();

    /** Whether the policy carries this check in this release (Apple: the policy's option is set). */
    boolean appliesTo(RuleSet rules, Policy policy);

    /** Runs the check on a candidate path; failures at the chain index iOS records them (§12.2). */
    @Override
    List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules);

    /** One sentence naming the certificate and the values, starting with the code. */
    String message(Failure failure, FailureContext context);

    /** The iOS rule behind a failure: spec section, summary, confidence, since-release. */
    Rule rule(Failure failure, RuleSet rules);

    /** What the admin should change. */
    String remedy(Failure failure, FailureContext context);
}
