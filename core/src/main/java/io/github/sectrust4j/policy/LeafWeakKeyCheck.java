package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.List;

/**
 * {@code WeakKeySize} on the leaf in the leaf phase (§1.6, §2.2: RSA &lt; 1024, EC &lt; 160, DSA/other).
 * The whole-path version belongs to RFC 5280 processing (§2.3 step 6).
 */
final class LeafWeakKeyCheck implements PathCheck {
    static final LeafWeakKeyCheck INSTANCE = new LeafWeakKeyCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        if (!rules.weakKeyCheck() || !path.leaf().publicKey().isWeak()) {
            return List.of();
        }
        return List.of(Failure.of(FindingCode.WEAK_KEY_SIZE, 0, new KeySizeCheck.WeakKey(path.leaf().publicKey(), "RSA ≥ 1024 bits or EC ≥ 160 bits")));
    }
}
