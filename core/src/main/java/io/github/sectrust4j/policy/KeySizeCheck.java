package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.cert.PublicKeyInfo;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code KeySize} (§4.1, §4.2, iOS 13+): every certificate including the top must be RSA ≥ 2048 bits
 * (modulus ≥ 256 bytes, so 2047 bits pass) or EC ≥ 256 bits; Ed25519/Ed448 and others fail. Skipped
 * entirely when the leaf itself is a user-trust-store anchor.
 */
final class KeySizeCheck implements AppleCheck {
    static final KeySizeCheck INSTANCE = new KeySizeCheck();
    static final String MINIMUM = "RSA ≥ 2048 bits or EC ≥ 256 bits";

    /** A key below a minimum: the key and the minimum it misses. */
    record WeakKey(PublicKeyInfo key, String minimum) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("keyAlgorithm", key.algorithm().name());
            m.put("keyBits", key.bits());
            m.put("keySizeBytes", key.sizeBytes());
            key.curveName().ifPresent(c -> m.put("curve", c));
            m.put("minimum", minimum);
            m.put("key", key.toString());
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.KEY_SIZE;
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
        if (path.leafIsUserStoreAnchor()) {
            return List.of();
        }
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            PublicKeyInfo key = path.get(i).publicKey();
            if (!key.meetsSslMinimum()) {
                out.add(Failure.of(FindingCode.KEY_SIZE, i, new WeakKey(key, MINIMUM)));
            }
        }
        return out;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        WeakKey e = failure.evidence(WeakKey.class);
        return failure.code().code() + ": " + context.position() + " has a " + e.key() + " key; required: "
                + e.minimum() + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                        "§4.2",
                        "TLS chains: every certificate RSA ≥ 2048 bits or EC ≥ 256 bits (Ed25519 fails), "
                                + "unless the leaf itself is a user-installed anchor",
                        Confidence.APPLE_CODE)
                .since("13.0");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return Remedies.strongerKey(
                context.displayName(), failure.evidence(WeakKey.class).key());
    }
}
