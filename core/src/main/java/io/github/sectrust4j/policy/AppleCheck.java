package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;

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
public interface AppleCheck extends CheckDescriptor, PathCheck {

    /** Runs the check on a candidate path; failures at the chain index iOS records them (§12.2). */
    @Override
    List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules);
}
