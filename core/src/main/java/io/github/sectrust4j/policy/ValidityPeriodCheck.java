package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The maximum leaf validity checks of §5.2, recorded at index 0: {@code ValidityPeriodMaximums}
 * (iOS 13–15: system table if system-trusted, otherwise the other-trust rule unless the leaf itself is
 * a user-store anchor), {@code SystemTrustValidityPeriod} (16+, system-trusted chains) and
 * {@code OtherTrustValidityPeriod} (16+, every chain except a user-store leaf anchor). Length =
 * notAfter − notBefore in seconds, no +1 s; a limit fails when {@code notBefore ≥ E and length > M}.
 */
final class ValidityPeriodCheck implements PathCheck {
    private final FindingCode code;

    ValidityPeriodCheck(FindingCode code) {
        this.code = code;
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<ValidityLimit> limits;
        String table;
        switch (code) {
            case VALIDITY_PERIOD_MAXIMUMS:
                if (path.systemTrusted()) {
                    limits = rules.systemTrustLimits();
                    table = "system";
                } else if (path.leafIsUserStoreAnchor()) {
                    return List.of();
                } else {
                    limits = rules.otherTrustLimits();
                    table = "other";
                }
                break;
            case SYSTEM_TRUST_VALIDITY_PERIOD:
                if (!path.systemTrusted()) {
                    return List.of();
                }
                limits = rules.systemTrustLimits();
                table = "system";
                break;
            case OTHER_TRUST_VALIDITY_PERIOD:
                if (path.leafIsUserStoreAnchor()) {
                    return List.of();
                }
                limits = rules.otherTrustLimits();
                table = "other";
                break;
            default:
                throw new IllegalStateException("not a validity-period check: " + code);
        }
        Certificate leaf = path.leaf();
        long length = leaf.validityLengthSeconds();
        Optional<ValidityLimit> violated = limits.stream().filter(l -> l.violatedBy(leaf.notBefore(), length))
                .min(Comparator.comparingLong(ValidityLimit::maxSeconds));
        if (violated.isEmpty()) {
            return List.of();
        }
        ValidityLimit l = violated.get();
        return List.of(Failure.of(code, 0, Evidence.of("table", table,
                "notBefore", leaf.notBefore().toString(), "notAfter", leaf.notAfter().toString(),
                "lengthSeconds", length, "lengthDays", length / 86_400.0,
                "limitSeconds", l.maxSeconds(), "limit", l.label(),
                "effective", l.from().toString(), "effectiveStrictlyAfter", l.strictlyAfter())));
    }
}
