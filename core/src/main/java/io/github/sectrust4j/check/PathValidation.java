package io.github.sectrust4j.check;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.SecTrustResult;
import java.util.List;

/**
 * The outcome of validating one candidate path (§1.6, §1.7): the result and the recorded failures
 * (after trust-settings allowed errors were applied; suppressed failures are not listed).
 *
 * @param result   Unspecified or Proceed when the path is accepted
 * @param failures recorded failures in recording order
 * @param notes    informational findings (e.g. EV, uncertain rules) that never affect the result
 */
public record PathValidation(SecTrustResult result, List<Failure> failures, List<Failure> notes) {
    public PathValidation {
        requireNonNull(result, "result");
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
    }

    /** True if the path is accepted by the policy (§1.7). */
    public boolean accepted() {
        return result.isTrusted();
    }
}
