package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.List;

/**
 * {@code TemporalValidity}, leaf part (§2.2, §5.1): {@code notBefore ≤ verifyTime ≤ notAfter},
 * inclusive, whole seconds. Positions above the leaf are checked by RFC 5280 processing.
 */
final class TemporalValidityLeafCheck implements PathCheck {
    static final TemporalValidityLeafCheck INSTANCE = new TemporalValidityLeafCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        Certificate leaf = path.leaf();
        if (leaf.isValidAt(request.verifyTime())) {
            return List.of();
        }
        if (rules.appleRootsNeverExpire() && path.size() == 1 && path.appleRoot()) {
            return List.of();
        }
        boolean notYet = request.verifyTime().isBefore(leaf.notBefore());
        return List.of(Failure.of(FindingCode.TEMPORAL_VALIDITY, 0, Evidence.of(
                "verifyTime", request.verifyTime().toString(),
                "notBefore", leaf.notBefore().toString(),
                "notAfter", leaf.notAfter().toString(),
                "state", notYet ? "not yet valid" : "expired")));
    }
}
