package io.github.sectrust4j.path;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only policy: leaf checks = leaf validity; parent checks = validity and cA; a path is accepted
 * iff it is anchored, every certificate is valid at the verify time and no user setting denies it.
 * Counts its calls.
 */
public final class SimpleValidator implements PathValidator {
    public final AtomicInteger validations = new AtomicInteger();
    public final AtomicInteger parentCheckCalls = new AtomicInteger();

    @Override
    public List<Failure> leafChecks(Certificate leaf, EvaluationRequest request) {
        return leaf.isValidAt(request.verifyTime())
                ? List.of()
                : List.of(Failure.of(FindingCode.TEMPORAL_VALIDITY, 0, Evidence.none()));
    }

    @Override
    public List<Failure> parentChecks(CandidatePath path, int index, EvaluationRequest request) {
        parentCheckCalls.incrementAndGet();
        Certificate c = path.get(index);
        List<Failure> out = new ArrayList<>();
        if (!c.isValidAt(request.verifyTime())) {
            out.add(Failure.of(FindingCode.TEMPORAL_VALIDITY, index, Evidence.none()));
        }
        if (c.version() == 3 && !c.isV3Ca()) {
            out.add(Failure.of(FindingCode.BASIC_CONSTRAINTS_CA, index, Evidence.none()));
        }
        return out;
    }

    @Override
    public PathValidation validate(CandidatePath path, EvaluationRequest request) {
        validations.incrementAndGet();
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            if (!path.get(i).isValidAt(request.verifyTime())) {
                failures.add(Failure.of(FindingCode.TEMPORAL_VALIDITY, i, Evidence.none()));
            }
        }
        if (!path.anchored()) {
            failures.add(Failure.of(
                    path.topSelfSigned() ? FindingCode.ANCHOR_TRUSTED : FindingCode.MISSING_INTERMEDIATE,
                    path.topIndex(),
                    Evidence.none()));
        }
        boolean deny = false;
        for (Map.Entry<Integer, List<TrustSetting>> e : path.userTrustSettings().entrySet()) {
            if (TrustSettingsMatch.firstMatch(
                            e.getValue(),
                            request.policy(),
                            request.referenceHost(),
                            TrustSettingsMatch.derivedKeyUse(e.getKey() != 0, request.requiredKeyUsage()))
                    .filter(r -> r == TrustSetting.Result.DENY)
                    .isPresent()) {
                failures.add(Failure.of(FindingCode.USAGE_CONSTRAINTS, e.getKey(), Evidence.none()));
                deny = true;
            }
        }
        SecTrustResult result = failures.isEmpty()
                ? SecTrustResult.UNSPECIFIED
                : deny ? SecTrustResult.DENY : SecTrustResult.RECOVERABLE_TRUST_FAILURE;
        return new PathValidation(result, failures, List.of());
    }
}
