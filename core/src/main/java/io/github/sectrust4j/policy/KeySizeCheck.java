package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.PublicKeyInfo;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code KeySize} (§4.1, §4.2, iOS 13+): every certificate including the top must be RSA ≥ 2048 bits
 * (modulus ≥ 256 bytes, so 2047 bits pass) or EC ≥ 256 bits; Ed25519/Ed448 and others fail. Skipped
 * entirely when the leaf itself is a user-trust-store anchor.
 */
final class KeySizeCheck implements PathCheck {
    static final KeySizeCheck INSTANCE = new KeySizeCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        if (path.leafIsUserStoreAnchor()) {
            return List.of();
        }
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            if (!path.get(i).publicKey().meetsSslMinimum()) {
                out.add(Failure.of(FindingCode.KEY_SIZE, i, keyEvidence(path.get(i), "RSA ≥ 2048 bits or EC ≥ 256 bits")));
            }
        }
        return out;
    }

    static Map<String, Object> keyEvidence(Certificate c, String minimum) {
        PublicKeyInfo k = c.publicKey();
        return Evidence.of("keyAlgorithm", k.algorithm().name(), "keyBits", k.bits(), "keySizeBytes", k.sizeBytes(),
                "curve", k.curveName().orElse(null), "minimum", minimum, "key", k.toString());
    }
}
