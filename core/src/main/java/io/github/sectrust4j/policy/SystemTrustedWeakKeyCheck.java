package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SystemTrustedWeakKey} (§4.3, iOS 11–12): on chains anchored by the system anchor source,
 * every non-anchor certificate must be "strong" (RSA ≥ 2048, EC ≥ 224). App anchors and user roots
 * are exempt (the rule travels as a usage constraint of system roots, §7.4).
 */
final class SystemTrustedWeakKeyCheck implements PathCheck {
    static final SystemTrustedWeakKeyCheck INSTANCE = new SystemTrustedWeakKeyCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        if (!anchoredBySystemSource(path)) {
            return List.of();
        }
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < path.topIndex(); i++) {
            if (!path.get(i).publicKey().isStrong()) {
                out.add(Failure.of(FindingCode.SYSTEM_TRUSTED_WEAK_KEY, i,
                        new KeySizeCheck.WeakKey(path.get(i).publicKey(), "RSA ≥ 2048 bits or EC ≥ 224 bits")));
            }
        }
        return out;
    }

    static boolean anchoredBySystemSource(CandidatePath path) {
        return path.anchor().map(a -> a.source() == AnchorSource.SYSTEM).orElse(false);
    }
}
