package io.github.sectrust4j.policy;

import io.github.sectrust4j.engine.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.List;

/**
 * Adapter to the {@code policy.rfc5280} processor (§2.3). TEMPORARY until that package lands on main:
 * it fails closed (throws) rather than pretending a path passed basic certificate processing.
 */
final class Rfc5280Processing implements CertificateProcessing {
    static final Rfc5280Processing INSTANCE = new Rfc5280Processing();

    @Override
    public List<Failure> parentChecks(CandidatePath path, int index, EvaluationRequest request) {
        throw new UnsupportedOperationException("RFC 5280 parent checks (policy.rfc5280) not yet integrated");
    }

    @Override
    public List<Failure> process(CandidatePath path, EvaluationRequest request) {
        throw new UnsupportedOperationException("RFC 5280 processing (policy.rfc5280) not yet integrated");
    }
}
