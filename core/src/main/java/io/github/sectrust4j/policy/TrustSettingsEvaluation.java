package io.github.sectrust4j.policy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.engine.EvaluationRequest;
import io.github.sectrust4j.policy.names.AsciiCase;
import java.util.List;
import java.util.Optional;

/** Matching trust-settings constraints against the evaluation (§7.2, §7.3). */
final class TrustSettingsEvaluation {
    private TrustSettingsEvaluation() {
    }

    /** The §7.3 result of a certificate's constraints: empty list → TrustRoot; no match → empty ("Invalid"). */
    static Optional<TrustSetting.Result> result(List<TrustSetting> constraints, EvaluationRequest request) {
        if (constraints.isEmpty()) {
            return Optional.of(TrustSetting.Result.TRUST_ROOT);
        }
        for (TrustSetting c : constraints) {
            if (matches(c, request)) {
                return Optional.of(c.result());
            }
        }
        return Optional.empty();
    }

    /** All present keys of the constraint match the evaluation (absent keys match anything). */
    static boolean matches(TrustSetting c, EvaluationRequest request) {
        if (c.policyOid().isPresent() && !c.policyOid().get().equals(request.policy().compatibilityOid())) {
            return false;
        }
        if (c.policyString().isPresent()) {
            String s = c.policyString().get();
            if (s.endsWith("\0")) {
                s = s.substring(0, s.length() - 1);
            }
            if (request.host().isEmpty()
                    || !AsciiCase.equals(s, request.host().get())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a Recoverable failure of {@code code} is an allowed error of these constraints (§7.2,
     * §12.4): a matching constraint whose allowed error is the CSSM host-name-mismatch code allows
     * SSLHostname; the CSSM expired code allows TemporalValidity/ValidLeaf. Other codes are not mappable.
     */
    static Optional<Integer> allowedError(List<TrustSetting> constraints, FindingCode code, EvaluationRequest request) {
        for (TrustSetting c : constraints) {
            if (c.allowedError().isEmpty() || !matches(c, request)) {
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
