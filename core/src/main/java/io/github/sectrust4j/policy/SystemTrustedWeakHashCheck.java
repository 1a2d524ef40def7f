package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.LeafWeakSignatureCheck.WeakHash;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SystemTrustedWeakHash} (§4.3, iOS 11–12 for all apps): on chains anchored by the system
 * anchor source, no non-anchor certificate may be MD2/MD4/MD5/SHA-1 or unknown-hash signed. The two
 * hard-coded legacy leaves Apple exempted are not identified in the data and are not exempted here.
 */
final class SystemTrustedWeakHashCheck implements AppleCheck {
    static final SystemTrustedWeakHashCheck INSTANCE = new SystemTrustedWeakHashCheck();

    @Override
    public FindingCode code() {
        return FindingCode.SYSTEM_TRUSTED_WEAK_HASH;
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
        if (!SystemTrustedWeakKeyCheck.anchoredBySystemSource(path)) {
            return List.of();
        }
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < path.topIndex(); i++) {
            Certificate c = path.get(i);
            if (c.signatureHash().isWeakForScoring()) {
                out.add(Failure.of(FindingCode.SYSTEM_TRUSTED_WEAK_HASH, i, WeakHash.of(c)));
            }
        }
        return out;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return LeafWeakSignatureCheck.signedWith(failure, context);
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                        "§4.3",
                        "chains ending in an Apple-store root: no SHA-1/MD5 or unknown-hash signature below the anchor "
                                + "(all apps from iOS 11; iOS 10.3 enforced it in Safari only, and the modelled caller is not Safari)",
                        Confidence.APPLE_CODE)
                .since("11.0");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return LeafWeakSignatureCheck.reissueWithSha256(context);
    }
}
