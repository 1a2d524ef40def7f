package io.github.sectrust4j.engine;

import io.github.sectrust4j.TrustReport;

/** Runs one evaluation: sources, path building, policy checks, decision, report. */
public final class Evaluator {
    private Evaluator() {}

    public static TrustReport evaluate(EvaluationRequest request) {
        // TEMPORARY (phase 2 in progress): replaced by the path builder + policy integration
        throw new UnsupportedOperationException("evaluator not yet integrated");
    }
}
