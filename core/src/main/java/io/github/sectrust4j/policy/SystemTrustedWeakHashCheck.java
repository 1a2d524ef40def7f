package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SystemTrustedWeakHash} (§4.3, iOS 11–12 for all apps): on chains anchored by the system
 * anchor source, no non-anchor certificate may be MD2/MD4/MD5/SHA-1 or unknown-hash signed. The two
 * hard-coded legacy leaves Apple exempted are not identified in the data and are not exempted here.
 */
final class SystemTrustedWeakHashCheck implements PathCheck {
    static final SystemTrustedWeakHashCheck INSTANCE = new SystemTrustedWeakHashCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        if (!SystemTrustedWeakKeyCheck.anchoredBySystemSource(path)) {
            return List.of();
        }
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < path.topIndex(); i++) {
            Certificate c = path.get(i);
            if (c.signatureHash().isWeakForScoring()) {
                out.add(Failure.of(FindingCode.SYSTEM_TRUSTED_WEAK_HASH, i, Evidence.of(
                        "signatureHash", c.signatureHash().name(), "signatureAlgorithmOid", c.tbsSignatureAlgorithm().oid())));
            }
        }
        return out;
    }
}
