package io.github.sectrust4j.engine;

import io.github.sectrust4j.CertificateRole;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.PathCertificate;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.TrustResultInfo;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.SignatureBackends;
import io.github.sectrust4j.cert.TotalVerificationBudget;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.path.AnchorInfo;
import io.github.sectrust4j.path.BuildOutcome;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.path.PathBuilder;
import io.github.sectrust4j.path.PathValidator;
import io.github.sectrust4j.policy.Decision;
import io.github.sectrust4j.policy.PathBudgetCheck;
import io.github.sectrust4j.policy.Policies;
import io.github.sectrust4j.policy.VerificationBudgetCheck;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.revocation.internal.RevocationResult;
import io.github.sectrust4j.revocation.internal.RevocationSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Runs one evaluation (§14.2): sources and path building ({@link PathBuilder}, with the policy's
 * {@link PathValidator}), the best path (accepted, or the highest-scoring rejected or partial path,
 * §12.1), its full re-validation (§1.4 step 3), the policy's {@link Decision}, and the
 * {@link TrustReport}. Stateless and thread-safe: the only shared state is the bounded cache of
 * per-store synthetic anchors.
 */
public final class Evaluator {
    private Evaluator() {}

    /** The policy's final verdict on a path (normally {@link Decision#decide}). */
    @FunctionalInterface
    interface Decider {
        Decision decide(CandidatePath path, PathValidation validation, EvaluationRequest request);
    }

    public static TrustReport evaluate(EvaluationRequest request) {
        return evaluateWithPath(request).report();
    }

    /** A report and the certificates of the path it describes (leaf first). */
    public record Evaluation(TrustReport report, List<Certificate> path) {
        public Evaluation {
            path = List.copyOf(path);
        }
    }

    /** As {@link #evaluate(EvaluationRequest)}, also returning the chosen path's certificates. */
    public static Evaluation evaluateWithPath(EvaluationRequest request) {
        PathExtensions extensions = new PathExtensions(request);
        PathValidator validator = Policies.validatorFor(
                request,
                List.of(extensions.revocationCheck()),
                List.of(extensions.trailingCheck()),
                extensions::listedKeysExempt);
        return evaluation(request, validator, Decision::decide, Optional.of(extensions));
    }

    static TrustReport evaluate(EvaluationRequest request, PathValidator validator, Decider decider) {
        return evaluation(request, validator, decider, Optional.empty()).report();
    }

    private static Evaluation evaluation(
            EvaluationRequest request, PathValidator validator, Decider decider, Optional<PathExtensions> extensions) {
        // a wrong -Dsectrust4j.verifier is an error before anything is evaluated: never findings, never
        // "trusted" (a path that needs no signature would otherwise be decided without a verifier)
        SignatureBackends.current();
        try (TotalVerificationBudget verifications =
                TotalVerificationBudget.open(request.budget().maxVerifications())) {
            return evaluation(request, validator, decider, extensions, verifications);
        }
    }

    private static Evaluation evaluation(
            EvaluationRequest request,
            PathValidator validator,
            Decider decider,
            Optional<PathExtensions> extensions,
            TotalVerificationBudget verifications) {
        BuildOutcome outcome = PathBuilder.build(request, validator);
        CandidatePath best = outcome.bestPath();
        // the builder's own validation of the best path when it validated it (validation is a pure function
        // of path and request), so it is not validated twice; a best path the builder never validated
        // (a partial path, or one scored before validation) is validated here
        PathValidation validation = outcome.bestValidation().orElseGet(() -> validator.validate(best, request));
        if (outcome.budgetExceeded() && !outcome.limitReached().equals(Optional.of("maxVerifications"))) {
            validation = withBudgetFailure(validation, outcome, request.budget(), best.topIndex());
        }
        if (verifications.exhausted()) {
            validation = withVerificationBudgetFailure(validation, verifications, best.topIndex());
        }
        Decision decision = decider.decide(best, validation, request);
        if ((outcome.budgetExceeded() || verifications.exhausted())
                && decision.result().isTrusted()) {
            // never "trusted" on a partial search, whatever the Decider made of the failure
            decision = new Decision(
                    SecTrustResult.RECOVERABLE_TRUST_FAILURE,
                    Optional.of(TrustError.CREATE_CHAIN_FAILED),
                    decision.findings());
        }
        boolean trusted = decision.result().isTrusted();
        if (trusted) {
            checkTrustInvariant(outcome, best, decision);
        }
        TrustResultInfo info =
                extensions.map(x -> resultInfo(x, best, trusted, request)).orElse(TrustResultInfo.NONE);
        TrustReport report = new TrustReport(
                decision.result(),
                decision.error(),
                pathCertificates(best, request),
                decision.findings(),
                request.release(),
                request.systemStore().map(s -> OptionalInt.of(s.version())).orElse(OptionalInt.empty()),
                request.policy(),
                request.host(),
                request.verifyTime(),
                info);
        return new Evaluation(report, best.certificates());
    }

    /**
     * Defence in depth against a policy or decision bug turning into a false "trusted" (the worst bug this
     * library can have): a trusted verdict needs the path builder to have accepted this path, the path
     * to be anchored, and every link's signature verified. The user's exceptions (§12.4) stand in for the
     * first two only where they suppressed a failure: a rejected path the user accepted, an unanchored
     * one only if the "not anchored" failure itself was excepted. Anything else is a bug, reported loudly
     * as an internal error, never as a verdict.
     */
    private static void checkTrustInvariant(BuildOutcome outcome, CandidatePath best, Decision decision) {
        String problem = !best.signaturesVerified()
                ? "not every signature on the path was verified"
                : !best.anchored() && !decision.anchorExcepted()
                        ? "the path is not anchored"
                        : !outcome.accepted() && !decision.usesExceptions()
                                ? "the path builder did not accept the path"
                                : null;
        if (problem != null) {
            throw new IllegalStateException("internal error: the policy reported a trusted result but " + problem + " ("
                    + best.size() + " certificates, top " + best.top().subject() + "); this is a bug");
        }
    }

    /**
     * §12.2: CT and revocation-checked only for a successful evaluation; EV when the path is EV, the
     * evaluation succeeded and revocation produced a "valid until" — or, offline (no OCSP fetcher, where
     * the simulator cannot fetch what a device would), EV is reported without revocation, as Apple does
     * for trust daemons without network (§10 "Reporting"). A revocation reason whenever a certificate is revoked.
     */
    static TrustResultInfo resultInfo(
            PathExtensions extensions, CandidatePath best, boolean trusted, EvaluationRequest request) {
        PathExtensions.PathState state = extensions.state(best);
        RevocationSummary revocation = extensions.revocationSummary(best, trusted);
        boolean ct = trusted && state.ct != null && state.ct.qualified();
        boolean ev = trusted
                && state.evQualified
                && (revocation.revocationChecked() || !request.revocation().networkAvailable());
        Optional<String> organization =
                ev ? best.leaf().subject().organizations().stream().findFirst() : Optional.empty();
        OptionalInt reason = OptionalInt.empty(); // the first revoked position's reason (a loop: every evaluation)
        for (int i = 0, n = state.revocation.size(); i < n && reason.isEmpty(); i++) {
            RevocationResult r = state.revocation.get(i);
            if (r.isRevoked()) {
                reason = r.reason();
            }
        }
        return new TrustResultInfo(
                ct, ev, organization, revocation.revocationChecked(), revocation.expirationDate(), reason);
    }

    /** Adds {@code PATH_BUDGET_EXCEEDED} on the best path's top, with the limits and counts as evidence. */
    static PathValidation withBudgetFailure(
            PathValidation validation, BuildOutcome outcome, PathBudget budget, int index) {
        PathBudgetCheck.Exhausted evidence = new PathBudgetCheck.Exhausted(
                outcome.limitReached().orElse("unknown"),
                outcome.pathsCreated(),
                budget.maxPaths(),
                outcome.signatureChecks(),
                budget.maxSignatureChecks(),
                budget.maxDepth());
        List<Failure> failures = new ArrayList<>(validation.failures());
        failures.add(Failure.of(FindingCode.PATH_BUDGET_EXCEEDED, index, evidence));
        SecTrustResult result = validation.result();
        if (result.isTrusted()) {
            result = SecTrustResult.RECOVERABLE_TRUST_FAILURE;
        }
        return new PathValidation(result, failures, validation.notes());
    }

    /**
     * Adds {@code VERIFICATION_BUDGET_EXCEEDED} on the best path's top: some verification was refused, so
     * something that may decide the verdict (a link, an SCT, an OCSP response) counted as failed. Evidence:
     * the limit, the distinct verifications made by kind, and where to raise it.
     */
    static PathValidation withVerificationBudgetFailure(
            PathValidation validation, TotalVerificationBudget budget, int index) {
        VerificationBudgetCheck.Exhausted evidence = new VerificationBudgetCheck.Exhausted(
                budget.limit(),
                budget.used(),
                budget.used(TotalVerificationBudget.Kind.CERTIFICATE),
                budget.used(TotalVerificationBudget.Kind.SCT),
                budget.used(TotalVerificationBudget.Kind.OCSP));
        List<Failure> failures = new ArrayList<>(validation.failures());
        failures.add(Failure.of(FindingCode.VERIFICATION_BUDGET_EXCEEDED, index, evidence));
        return new PathValidation(SecTrustResult.FATAL_TRUST_FAILURE, failures, validation.notes());
    }

    static List<PathCertificate> pathCertificates(CandidatePath path, EvaluationRequest request) {
        int top = path.topIndex();
        List<PathCertificate> out = new ArrayList<>(top + 1);
        for (int i = 0; i <= top; i++) {
            Certificate c = path.get(i);
            CertificateRole role;
            if (i == top && path.anchored()) {
                role = CertificateRole.ANCHOR;
            } else if (i == 0) {
                role = CertificateRole.LEAF;
            } else if (i == top) {
                role = CertificateRole.UNTRUSTED_TOP;
            } else {
                role = CertificateRole.INTERMEDIATE;
            }
            out.add(new PathCertificate(
                    c.sha256HexUpperCase(),
                    c.subject().toString(),
                    c.issuer().toString(),
                    c.notBefore(),
                    c.notAfter(),
                    role,
                    role == CertificateRole.ANCHOR ? path.anchor().map(AnchorInfo::source) : Optional.empty(),
                    request.presented().contains(c),
                    path.selfSignedAt(i)));
        }
        return out;
    }
}
