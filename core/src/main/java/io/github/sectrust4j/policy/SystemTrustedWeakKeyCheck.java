package io.github.sectrust4j.policy;

import io.github.sectrust4j.AnchorSource;
import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.KeySizeCheck.WeakKey;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SystemTrustedWeakKey} (§4.3, iOS 11–12): on chains anchored by the system anchor source,
 * every non-anchor certificate must be "strong" (RSA ≥ 2048, EC ≥ 224). App anchors and user roots
 * are exempt (the rule travels as a usage constraint of system roots, §7.4).
 */
final class SystemTrustedWeakKeyCheck implements AppleCheck {
    static final SystemTrustedWeakKeyCheck INSTANCE = new SystemTrustedWeakKeyCheck();
    static final String MINIMUM = "RSA ≥ 2048 bits or EC ≥ 224 bits";

    @Override
    public FindingCode code() {
        return FindingCode.SYSTEM_TRUSTED_WEAK_KEY;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.PATH;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return policy == Policy.SSL_SERVER && rules.systemTrustedWeakChecks();
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        if (!anchoredBySystemSource(path)) {
            return List.of();
        }
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < path.topIndex(); i++) {
            if (!path.get(i).publicKey().isStrong()) {
                out.add(Failure.of(
                        FindingCode.SYSTEM_TRUSTED_WEAK_KEY,
                        i,
                        new WeakKey(path.get(i).publicKey(), MINIMUM)));
            }
        }
        return out;
    }

    static boolean anchoredBySystemSource(CandidatePath path) {
        return path.anchor().map(a -> a.source() == AnchorSource.SYSTEM).orElse(false);
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return LeafWeakKeyCheck.message(failure, context, MINIMUM);
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                        "§4.3",
                        "chains ending in an Apple-store root: every non-anchor key RSA ≥ 2048 or EC ≥ 224 "
                                + "(all apps; the iOS 10.3 Safari-only variant is not modelled: the caller is not Safari)",
                        Confidence.APPLE_CODE)
                .since("11.0");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return Remedies.strongerKey(
                context.displayName(), failure.evidence(WeakKey.class).key());
    }
}
