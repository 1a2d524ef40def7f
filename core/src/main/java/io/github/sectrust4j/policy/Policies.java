package io.github.sectrust4j.policy;

import io.github.sectrust4j.path.PathValidator;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;

/** Chooses the policy checks for an evaluation (SSL server or basic X.509, per iOS release). */
public final class Policies {
    private Policies() {}

    /** The validator for this request's policy and release, with RFC 5280 processing from {@code policy.rfc5280}. */
    public static PathValidator validatorFor(EvaluationRequest request) {
        return validatorFor(request, List.of(), List.of());
    }

    /**
     * The validator with extension points for the integration: {@code revocationChecks} run before the
     * path checks (§1.6 "revocation is run before the path checks"), {@code trailingChecks} after the
     * blocked/gray key lists (EV, CT, Valid constraints, §1.6 steps 7–10).
     */
    public static PathValidator validatorFor(
            EvaluationRequest request, List<PathCheck> revocationChecks, List<PathCheck> trailingChecks) {
        return validatorFor(request, Rfc5280Processing.INSTANCE, revocationChecks, trailingChecks);
    }

    /**
     * As above, with the Valid allow-listing exemption: when {@code listedKeysExempt} holds for a path
     * (decided by the revocation checks, which run first), BlackListedKey and GrayListedKey are not checked.
     */
    public static PathValidator validatorFor(
            EvaluationRequest request,
            List<PathCheck> revocationChecks,
            List<PathCheck> trailingChecks,
            java.util.function.Predicate<io.github.sectrust4j.path.CandidatePath> listedKeysExempt) {
        return new PolicyValidator(
                RuleSet.forRelease(request.release()),
                request.policy(),
                Rfc5280Processing.INSTANCE,
                revocationChecks,
                trailingChecks,
                listedKeysExempt);
    }

    /** As above with an explicit RFC 5280 processor (tests, alternative implementations). */
    public static PolicyValidator validatorFor(
            EvaluationRequest request,
            CertificateProcessing processing,
            List<PathCheck> revocationChecks,
            List<PathCheck> trailingChecks) {
        return new PolicyValidator(
                RuleSet.forRelease(request.release()), request.policy(), processing, revocationChecks, trailingChecks);
    }
}
