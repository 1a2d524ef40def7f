package io.github.sectrust4j.path;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.check.PathValidation;
import java.util.Optional;

/**
 * What path building produced (§1.4, §1.5).
 *
 * @param bestPath          the accepted path, or else the highest-scoring rejected or partial path (§12.1)
 * @param accepted          the best path was accepted by the policy during building
 * @param bestValidation    the validation of the best path during building, if it was a validated candidate
 * @param score             the best path's score (§1.5)
 * @param budgetExceeded    a limit stopped the search before a path was accepted
 * @param pathsCreated      distinct paths created (Apple caps at 100)
 * @param signatureChecks   signature verifications charged to the budget
 * @param limitReached      which limit stopped the search: "maxPaths", "maxSignatureChecks", "maxDepth",
 *                          "maxVerifications" (the evaluation's total); empty if none
 */
public record BuildOutcome(
        CandidatePath bestPath,
        boolean accepted,
        Optional<PathValidation> bestValidation,
        long score,
        boolean budgetExceeded,
        int pathsCreated,
        int signatureChecks,
        Optional<String> limitReached) {
    public BuildOutcome {
        requireNonNull(bestPath, "bestPath");
        requireNonNull(bestValidation, "bestValidation");
        requireNonNull(limitReached, "limitReached");
    }
}
