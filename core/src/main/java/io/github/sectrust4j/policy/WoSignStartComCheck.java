package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.path.HardCodedRoots;
import io.github.sectrust4j.truststores.HardCodedTrust;
import java.util.ArrayList;
import java.util.List;

/**
 * The hard-coded WoSign/StartCom issuance-date block (§11.5, from iOS 10.2 / trust store 2016102100):
 * if one of the seven roots (by SHA-256, anywhere in the chain) has a certificate below it with
 * notBefore ≥ 2016-12-01T00:00:00Z, {@code BlackListedKey} (Fatal) at the root's index.
 */
final class WoSignStartComCheck implements PathCheck {
    static final WoSignStartComCheck INSTANCE = new WoSignStartComCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        if (!rules.woSignStartComRule()) {
            return List.of();
        }
        List<Failure> out = new ArrayList<>();
        for (int root = 1; root < path.size(); root++) {
            if (!HardCodedRoots.isWoSignStartComRoot(path.get(root))) {
                continue;
            }
            for (int below = 0; below < root; below++) {
                if (!path.get(below).notBefore().isBefore(HardCodedTrust.WOSIGN_STARTCOM_CUTOFF)) {
                    out.add(Failure.of(FindingCode.BLACK_LISTED_KEY, root, Evidence.of(
                            "rule", "WoSign/StartCom issuance-date block",
                            "cutoff", HardCodedTrust.WOSIGN_STARTCOM_CUTOFF.toString(),
                            "offendingIndex", below, "offendingNotBefore", path.get(below).notBefore().toString())));
                    break;
                }
            }
        }
        return out;
    }
}
