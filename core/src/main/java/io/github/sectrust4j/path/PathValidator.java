package io.github.sectrust4j.path;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;

/**
 * The policy side of path building (§1.4, §1.6): the path builder calls it to decide which paths
 * are rejected early and which candidate is accepted. Implementations are immutable and thread-safe.
 */
public interface PathValidator {

    /** Leaf checks (§1.6), run once on the leaf alone; any failure puts the builder in "consider rejected" mode. */
    List<Failure> leafChecks(Certificate leaf, EvaluationRequest request);

    /**
     * Parent checks (§1.6) on the certificate at {@code index} of {@code path} (a CA position,
     * index ≥ 1), run when it is appended during building; a failure rejects the path.
     */
    List<Failure> parentChecks(CandidatePath path, int index, EvaluationRequest request);

    /** Full validation of a candidate (§1.6 revocation pass, path checks; §1.7 result). */
    PathValidation validate(CandidatePath path, EvaluationRequest request);

    /**
     * EV hook (§1.5 upgrade rule, §10 leaf test): whether the leaf could qualify as Extended Validation,
     * asked once per evaluation. The builder owns this callback so that it never reaches into the policy.
     */
    default boolean leafCouldBeExtendedValidation(Certificate leaf, EvaluationRequest request) {
        return false;
    }
}
