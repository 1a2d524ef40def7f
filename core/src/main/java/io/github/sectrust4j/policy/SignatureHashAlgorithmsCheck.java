package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code SignatureHashAlgorithms} (§2.2, §4.2, iOS 13+): no certificate that is not self-signed may be
 * signed with MD2/MD4/MD5/SHA-1 (unrecognized hashes such as RSA-PSS pass); the top is exempt only
 * when the path is anchored at a user-trust-store anchor (app anchors are not exempt).
 */
final class SignatureHashAlgorithmsCheck implements AppleCheck {
    static final SignatureHashAlgorithmsCheck INSTANCE = new SignatureHashAlgorithmsCheck();
    static final List<String> DISALLOWED = List.of("MD2", "MD4", "MD5", "SHA1");

    /** A certificate signed with a disallowed hash. */
    record DisallowedHash(String signatureHash, String signatureAlgorithmOid, List<String> disallowed)
            implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("signatureHash", signatureHash);
            m.put("signatureAlgorithmOid", signatureAlgorithmOid);
            m.put("disallowed", disallowed);
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.SIGNATURE_HASH_ALGORITHMS;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.PATH;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return policy == Policy.SSL_SERVER && rules.keySizeAndHashChecks();
    }

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
            out.add(Failure.of(
                    FindingCode.SIGNATURE_HASH_ALGORITHMS,
                    i,
                    new DisallowedHash(
                            c.signatureHash().name(), c.tbsSignatureAlgorithm().oid(), DISALLOWED)));
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
                        "§4.2",
                        "TLS chains: no certificate that is not self-signed may be signed with MD5 or SHA-1 "
                                + "(a user-installed anchor at the top is exempt)",
                        Confidence.APPLE_CODE)
                .since("13.0");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return LeafWeakSignatureCheck.reissueWithSha256(context);
    }
}
