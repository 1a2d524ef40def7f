package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;

/**
 * One policy check run on a candidate path (§1.6 "path checks"). Implementations are immutable and
 * return failures at the chain index iOS records them (§12.2); the recorder (§1.7) decides whether
 * and how they count. The integration adds further checks (revocation §9, CT §8, EV §10) through
 * {@link Policies#validatorFor(EvaluationRequest, List, List)}.
 */
@FunctionalInterface
public interface PathCheck {
    List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules);
}
