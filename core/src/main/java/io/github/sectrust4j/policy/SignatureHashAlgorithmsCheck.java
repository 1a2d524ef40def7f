package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code SignatureHashAlgorithms} (§2.2, §4.2, iOS 13+): no certificate that is not self-signed may be
 * signed with MD2/MD4/MD5/SHA-1 (unrecognized hashes such as RSA-PSS pass); the top is exempt only
 * when the path is anchored at a user-trust-store anchor (app anchors are not exempt).
 */
final class SignatureHashAlgorithmsCheck implements PathCheck {
    static final SignatureHashAlgorithmsCheck INSTANCE = new SignatureHashAlgorithmsCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            Certificate c = path.get(i);
            if (!c.signatureHash().isWeak() || path.selfSignedAt(i)) {
                continue;
            }
            if (i == path.topIndex() && path.userAnchored()) {
                continue;
            }
            out.add(Failure.of(FindingCode.SIGNATURE_HASH_ALGORITHMS, i, Evidence.of(
                    "signatureHash", c.signatureHash().name(), "signatureAlgorithmOid", c.tbsSignatureAlgorithm().oid(),
                    "disallowed", List.of("MD2", "MD4", "MD5", "SHA1"))));
        }
        return out;
    }
}
