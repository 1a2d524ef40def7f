package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import io.github.sectrust4j.policy.rfc5280.WeakSignatureHash;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code WeakSignature} on the leaf in the leaf phase (§1.6, §2.2, iOS 11.3+): MD2/MD4/MD5 unless self-signed.
 * RFC 5280 processing records the same code above the leaf; this check explains those failures too.
 */
final class LeafWeakSignatureCheck implements AppleCheck {
    static final LeafWeakSignatureCheck INSTANCE = new LeafWeakSignatureCheck();

    /** A certificate signed with a hash iOS refuses: the hash and the signature algorithm's OID. */
    record WeakHash(String signatureHash, String signatureAlgorithmOid) implements Evidence {
        static WeakHash of(Certificate c) {
            return new WeakHash(
                    c.signatureHash().name(), c.tbsSignatureAlgorithm().oid());
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("signatureHash", signatureHash);
            m.put("signatureAlgorithmOid", signatureAlgorithmOid);
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.WEAK_SIGNATURE;
    }

    /** The record RFC 5280 processing and the parent checks give this code above the leaf. */
    @Override
    public Set<Class<? extends Evidence>> evidenceTypes() {
        return Set.of(WeakSignatureHash.class);
    }

    @Override
    public CheckStage stage() {
        return CheckStage.LEAF;
    }

    /** The MD2/4/5 check of every certificate above the leaf (parent checks, processing). */
    @Override
    public Set<Rfc5280Check> rfc5280Checks(RuleSet rules) {
        return rules.weakSignatureCheck() ? Set.of(Rfc5280Check.WEAK_SIGNATURE) : Set.of();
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return rules.weakSignatureCheck();
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        if (!path.leaf().signatureHash().failsWeakSignature() || path.selfSignedAt(0)) {
            return List.of();
        }
        return List.of(Failure.of(FindingCode.WEAK_SIGNATURE, 0, WeakHash.of(path.leaf())));
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return signedWith(failure, context);
    }

    /** "… is signed with SHA1.", for the three weak-hash checks. */
    static String signedWith(Failure failure, FailureContext context) {
        return failure.code().code() + ": " + context.position() + " is signed with "
                + context.certificate().signatureHash() + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                        "§2.2",
                        "no certificate that is not self-signed may be signed with MD2/MD4/MD5",
                        Confidence.APPLE_CODE)
                .since("11.3");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return reissueWithSha256(context);
    }

    /** The remedy of the three weak-hash checks. */
    static String reissueWithSha256(FailureContext context) {
        return "Reissue '" + context.displayName() + "' signed with SHA-256 (or stronger); it is signed with "
                + context.certificate().signatureHash() + ".";
    }
}
