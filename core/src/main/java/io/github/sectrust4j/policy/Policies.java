package io.github.sectrust4j.policy;

import io.github.sectrust4j.engine.EvaluationRequest;

/** Chooses the policy checks for an evaluation (SSL server or basic X.509, per iOS release). */
public final class Policies {
    private Policies() {}

    /** The validator for this request's policy and release. */
    public static PathValidator validatorFor(EvaluationRequest request) {
        // TEMPORARY (phase 2 in progress): the policy helper replaces this with the SSL/basic policies
        throw new UnsupportedOperationException("policy checks not yet integrated");
    }
}
