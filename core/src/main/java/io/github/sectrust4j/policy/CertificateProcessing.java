package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Rules;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;

/**
 * The RFC 5280 side of validation, implemented in {@code policy.rfc5280} (§2.3 basic certificate
 * processing: anchor trust, AnchorTrusted/MissingIntermediate, name constraints, policy tree, path
 * length, per-certificate validity/weak key/weak signature/critical extensions; and the §1.6
 * CA-position parent checks). This package never re-implements it; it hands down the release's facts
 * ({@link RuleSet#rfc5280Rules()}).
 */
public interface CertificateProcessing {

    /** §1.6 parent checks on the CA at {@code index} (≥ 1). */
    List<Failure> parentChecks(CandidatePath path, int index, EvaluationRequest request, Rfc5280Rules rules);

    /** §2.3 basic certificate processing of the whole path. */
    List<Failure> process(CandidatePath path, EvaluationRequest request, Rfc5280Rules rules);
}
