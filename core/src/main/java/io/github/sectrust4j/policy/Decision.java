package io.github.sectrust4j.policy;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.github.sectrust4j.ErrorSubtype;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The verdict on the chosen path (§1.7, §12.3): result, the single reported error, and the
 * findings with messages and remedies.
 *
 * @param result   the result type
 * @param error    the OSStatus {@code SecTrustEvaluateWithError} reports; empty when trusted
 * @param findings failures first in the order iOS ranks them, then informational findings
 */
public record Decision(SecTrustResult result, Optional<TrustError> error, List<Finding> findings) {
    public Decision {
        requireNonNull(result, "result");
        requireNonNull(error, "error");
        findings = List.copyOf(findings);
    }

    /**
     * Decides on the best path and its full validation. The error is the failure with the lowest
     * subtype rank for the release ({@link FindingCode#subtype}), scanning certificates from index 0
     * (a lower index wins a tie); within one certificate, equal ranks with different OSStatus are
     * ordered by the §2.1 catalogue (enum order) — Apple's order is unknown (§15.1), so an
     * {@code UncertainRule} finding reports the tie.
     */
    public static Decision decide(CandidatePath path, PathValidation validation, EvaluationRequest request) {
        RuleSet rules = RuleSet.forRelease(request.release());
        validation = Exceptions.applyInClient(path, validation, request, rules);
        List<Failure> failures = validation.failures().isEmpty() ? List.of() : ranked(validation.failures(), rules);

        List<Finding> findings =
                new ArrayList<>(failures.size() + validation.notes().size() + 2);
        for (Failure f : failures) {
            findings.add(toFinding(f, path, request, rules));
        }
        Optional<TrustError> error = Optional.empty();
        List<Finding> info = new ArrayList<>();
        if (!validation.result().isTrusted()) {
            if (failures.isEmpty()) {
                error = Optional.of(TrustError.INTERNAL_ERROR);
            } else {
                Failure winner = failures.get(0);
                error = winner.code().error();
                List<Failure> ties = failures.stream()
                        .filter(f -> f.index() == winner.index()
                                && rank(f, rules) == rank(winner, rules)
                                && !f.code().error().equals(winner.code().error()))
                        .collect(Collectors.toList());
                if (!ties.isEmpty()) {
                    info.add(tie(winner, ties, path, request, rules));
                }
            }
            if (!rules.evaluateWithError()) {
                info.add(new Finding(
                        FindingCode.UNCERTAIN_RULE,
                        Severity.INFO,
                        -1,
                        "",
                        "SecTrustEvaluateWithError does not exist before iOS 12; the error shown applies the iOS 12 ranking "
                                + "to iOS " + rules.release() + " (apps there read only the result value).",
                        ImmutableMap.of("release", rules.release().toString()),
                        FindingRules.rule(FindingCode.UNCERTAIN_RULE, rules).since("12.0"),
                        "None: informational."));
            }
        }
        for (Failure n : validation.notes()) {
            findings.add(toNote(n, path, request, rules));
        }
        Exceptions.notKept(request).ifPresent(info::add);
        findings.addAll(info);
        return new Decision(validation.result(), error, findings);
    }

    /**
     * True if the user's exceptions (§12.4) suppressed at least one failure: the only way a path that
     * is not anchored, or that the path builder did not accept, can be trusted.
     */
    public boolean usesExceptions() {
        return findings.stream().anyMatch(Finding::exceptedByUser);
    }

    /** True if the user's exceptions suppressed the "not anchored" failure (AnchorTrusted or MissingIntermediate). */
    public boolean anchorExcepted() {
        return findings.stream()
                .anyMatch(f -> f.exceptedByUser()
                        && (f.code() == FindingCode.ANCHOR_TRUSTED || f.code() == FindingCode.MISSING_INTERMEDIATE));
    }

    /** The failures (not notes) best first; skipped entirely for a validation without failures (the trusted case). */
    private static List<Failure> ranked(List<Failure> all, RuleSet rules) {
        Comparator<Failure> ranking = Comparator.<Failure>comparingInt(f -> rank(f, rules))
                .thenComparingInt(Failure::index)
                .thenComparing(f -> f.code().ordinal());
        return all.stream()
                .filter(f -> f.severity().isFailure())
                .sorted(ranking)
                .collect(Collectors.toList());
    }

    private static int rank(Failure f, RuleSet rules) {
        return f.code().subtype(rules.release()).map(ErrorSubtype::rank).orElse(ErrorSubtype.INVALID.rank());
    }

    private static Finding toFinding(Failure f, CandidatePath path, EvaluationRequest request, RuleSet rules) {
        return new Finding(
                f.code(),
                f.severity(),
                f.index(),
                subject(path, f.index()),
                Messages.message(f, path, request, rules),
                f.evidence().fields(),
                FindingRules.rule(f, rules),
                Remedies.remedy(f, path, request, rules));
    }

    private static Finding toNote(Failure n, CandidatePath path, EvaluationRequest request, RuleSet rules) {
        if (n.annotation(Exceptions.SUPPRESSED).isPresent()) {
            return new Finding(
                    n.code(),
                    Severity.INFO,
                    n.index(),
                    subject(path, n.index()),
                    Messages.message(n, path, request, rules)
                            + " Not counted: the user's exception for this certificate"
                            + " (SecTrustSetExceptions, \"Trust\" / \"Continue\" on the device) covers this check.",
                    n.evidence().fields(),
                    Exceptions.RULE,
                    "None while the exception stays on the device; other devices still" + " fail: "
                            + Remedies.remedy(n, path, request, rules));
        }
        Optional<Object> allowedError = n.annotation(FailureRecorder.SUPPRESSED_BY_ALLOWED_ERROR);
        if (allowedError.isPresent()) {
            return new Finding(
                    n.code(),
                    Severity.INFO,
                    n.index(),
                    subject(path, n.index()),
                    Messages.message(n, path, request, rules)
                            + " Not counted: the certificate's trust setting allows this error (CSSM "
                            + allowedError.get() + ").",
                    n.evidence().fields(),
                    Rule7.allowedErrors(),
                    "None needed while that trust setting stays installed.");
        }
        Optional<CheckDescriptor> check = AppleChecks.explaining(n);
        if (check.isPresent()) {
            // a note the catalogue explains (CT, EV, the log list's age) carries its check's message and advice
            FailureContext context = new FailureContext(n, path, request, rules);
            return new Finding(
                    n.code(),
                    Severity.INFO,
                    n.index(),
                    subject(path, n.index()),
                    check.get().message(n, context),
                    n.evidence().fields(),
                    check.get().rule(n, rules),
                    check.get().remedy(n, context));
        }
        return new Finding(
                n.code(),
                Severity.INFO,
                n.index(),
                subject(path, n.index()),
                n.code().code() + ": " + Messages.position(path, n.index())
                        + (n.evidence().isEmpty() ? "" : " " + n.evidence()),
                n.evidence().fields(),
                FindingRules.rule(n, rules),
                "None: informational.");
    }

    private static Finding tie(
            Failure winner, List<Failure> ties, CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<String> codes = new ArrayList<>();
        codes.add(winner.code().code());
        ties.forEach(t -> codes.add(t.code().code()));
        return new Finding(
                FindingCode.UNCERTAIN_RULE,
                Severity.INFO,
                winner.index(),
                subject(path, winner.index()),
                "Error choice uncertain: " + Messages.position(path, winner.index())
                        + " has failures of equal rank with "
                        + "different OSStatus " + codes
                        + "; iOS picks one by dictionary order (unknown, §15.1). Reported: "
                        + winner.code().code() + " ("
                        + winner.code().error().map(TrustError::toString).orElse("") + ").",
                ImmutableMap.of(
                        "checks", List.copyOf(codes), "reported", winner.code().code()),
                FindingRules.rule(FindingCode.UNCERTAIN_RULE, rules),
                "Fix every listed failure; then the choice does not matter.");
    }

    private static String subject(CandidatePath path, int index) {
        return index >= 0 && index < path.size() ? PathFacts.displayName(path.get(index)) : "";
    }

    /** The rule of trust-settings allowed errors (§7.2, §12.4). */
    private static final class Rule7 {
        static io.github.sectrust4j.Rule allowedErrors() {
            return io.github.sectrust4j.Rule.of(
                    "§7.2",
                    "a matching trust-settings constraint's allowed error suppresses a "
                            + "Recoverable host-name or expiry failure for that certificate",
                    io.github.sectrust4j.Confidence.APPLE_CODE);
        }
    }
}
