package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.List;

/** {@code WeakSignature} on the leaf in the leaf phase (§1.6, §2.2): MD2/MD4/MD5 unless self-signed. */
final class LeafWeakSignatureCheck implements PathCheck {
    static final LeafWeakSignatureCheck INSTANCE = new LeafWeakSignatureCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        if (!rules.weakSignatureCheck() || !path.leaf().signatureHash().failsWeakSignature()
                || path.selfSignedAt(0)) {
            return List.of();
        }
        return List.of(Failure.of(FindingCode.WEAK_SIGNATURE, 0,
                Evidence.of("signatureHash", path.leaf().signatureHash().name(),
                        "signatureAlgorithmOid", path.leaf().tbsSignatureAlgorithm().oid())));
    }
}
