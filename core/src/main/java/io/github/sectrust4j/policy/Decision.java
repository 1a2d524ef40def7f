package io.github.sectrust4j.policy;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.engine.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on the chosen path (§1.7, §12.3): result, the single reported error, and the
 * findings with messages and remedies.
 *
 * @param result   the result type
 * @param error    the OSStatus {@code SecTrustEvaluateWithError} reports; empty when trusted
 * @param findings failures first in the order iOS ranks them, then informational findings
 */
public record Decision(SecTrustResult result, Optional<TrustError> error, List<Finding> findings) {
    public Decision {
        requireNonNull(result, "result");
        requireNonNull(error, "error");
        findings = List.copyOf(findings);
    }

    /** Decides on the best path and its full validation. */
    public static Decision decide(CandidatePath path, PathValidation validation, EvaluationRequest request) {
        // TEMPORARY (phase 2 in progress): the policy helper implements §12.3 ranking and findings
        throw new UnsupportedOperationException("decision not yet integrated");
    }
}
