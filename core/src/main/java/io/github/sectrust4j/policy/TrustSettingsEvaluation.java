package io.github.sectrust4j.policy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.path.TrustSettingsMatch;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import java.util.Optional;

/** Matching trust-settings constraints against the evaluation (§7.2, §7.3). */
final class TrustSettingsEvaluation {
    private TrustSettingsEvaluation() {}

    /**
     * The §7.3 result of the constraints of the certificate at path index {@code index}: empty list →
     * TrustRoot; no match → empty ("Invalid").
     */
    static Optional<TrustSetting.Result> result(List<TrustSetting> constraints, int index, EvaluationRequest request) {
        if (constraints.isEmpty()) {
            return Optional.of(TrustSetting.Result.TRUST_ROOT);
        }
        return TrustSettingsMatch.firstMatch(
                constraints,
                request.policy(),
                request.referenceHost(),
                TrustSettingsMatch.derivedKeyUse(index != 0, request.requiredKeyUsage()));
    }

    /** All present keys of the constraint match the evaluation for the certificate at {@code index} (§7.2). */
    static boolean matches(TrustSetting c, int index, EvaluationRequest request) {
        return TrustSettingsMatch.matches(
                c,
                request.policy(),
                request.referenceHost(),
                TrustSettingsMatch.derivedKeyUse(index != 0, request.requiredKeyUsage()));
    }

    /**
     * Whether a Recoverable failure of {@code code} is an allowed error of these constraints (§7.2,
     * §12.4): a matching constraint whose allowed error is the CSSM host-name-mismatch code allows
     * SSLHostname; the CSSM expired code allows TemporalValidity/ValidLeaf. Other codes are not mappable.
     */
    static Optional<Integer> allowedError(
            List<TrustSetting> constraints, int index, FindingCode code, EvaluationRequest request) {
        for (TrustSetting c : constraints) {
            if (c.allowedError().isEmpty() || !matches(c, index, request)) {
                continue;
            }
            int e = c.allowedError().get();
            if (e == TrustSetting.CSSM_HOSTNAME_MISMATCH && code == FindingCode.SSL_HOSTNAME) {
                return Optional.of(e);
            }
            if (e == TrustSetting.CSSM_CERT_EXPIRED
                    && (code == FindingCode.TEMPORAL_VALIDITY || code == FindingCode.VALID_LEAF)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
