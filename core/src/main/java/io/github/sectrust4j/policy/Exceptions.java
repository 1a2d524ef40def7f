package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustExceptions;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's exceptions (§12.4): the note an excepted failure leaves, and how iOS 10 and earlier applied
 * exceptions in the client, to the daemon's finished result. (From iOS 11 the daemon applies them while
 * recording each failure: {@link FailureRecorder}.)
 */
final class Exceptions {
    /** Evidence key of a failure the user's exception suppressed. */
    static final String SUPPRESSED = Finding.SUPPRESSED_BY_EXCEPTION;

    private Exceptions() {}

    static final Rule RULE = Rule.of(
            "§12.4",
            "a user exception (SecTrustSetExceptions) for the certificate at this "
                    + "position suppresses the Recoverable failures it names; Fatal and Deny failures are never excepted",
            Confidence.APPLE_CODE);

    /**
     * The finding for exceptions that were set but that {@code SecTrustSetExceptions} would not keep
     * (another leaf, another epoch); empty when none were set or they were kept.
     */
    static Optional<Finding> notKept(EvaluationRequest request) {
        Optional<TrustExceptions> set = request.exceptions().exceptions();
        if (set.isEmpty() || request.exceptions().installedFor(request.leaf()).isPresent()) {
            return Optional.empty();
        }
        TrustExceptions e = set.get();
        String leafSha1 = request.leaf().sha1Fingerprint().hexUpperCase();
        String first = e.entries().isEmpty() ? "" : e.entries().get(0).sha1Hex();
        boolean otherLeaf = !first.equals(leafSha1);
        String why = e.entries().isEmpty()
                ? "they hold no entry"
                : otherLeaf
                        ? "they were made for another leaf (SHA-1 " + (first.isEmpty() ? "none" : first)
                                + ", this leaf " + leafSha1 + ")"
                        : "they were made in exception epoch "
                                + e.entries().get(0).resetCount().orElse(0) + ", the device is in epoch "
                                + request.exceptions().epoch();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("kept", false);
        evidence.put("reason", otherLeaf ? "otherLeaf" : "otherEpoch");
        evidence.put("leafSha1", leafSha1);
        evidence.put("exceptionLeafSha1", first);
        evidence.put("epoch", request.exceptions().epoch());
        return Optional.of(new Finding(
                FindingCode.USER_EXCEPTIONS,
                Severity.INFO,
                0,
                PathFacts.displayName(request.leaf()),
                "UserExceptions: the exceptions set for this evaluation are ignored: " + why + ". iOS discards them"
                        + " (SecTrustSetExceptions returns false), so every failure counts.",
                evidence,
                FindingRules.rule(FindingCode.USER_EXCEPTIONS, RuleSet.forRelease(request.release())),
                otherLeaf
                        ? "The server's certificate changed since the user accepted it: the user must accept the new"
                                + " certificate again (better: fix the failures so no exception is needed)."
                        : "Exceptions were reset on the device: the user must accept the certificate again."));
    }

    /** The informational note a suppressed failure becomes. */
    static Failure note(FindingCode code, Failure f) {
        return new Failure(code, f.index(), Severity.INFO, f.evidence().with(SUPPRESSED, true));
    }

    /**
     * iOS 10 and earlier: with exceptions installed for the leaf, an Unspecified result became Proceed,
     * and a Recoverable one became Proceed only if every recorded failure had a matching exception
     * entry; anything else is left as the daemon returned it. From iOS 11 {@code validation} is returned as is.
     */
    static PathValidation applyInClient(
            CandidatePath path, PathValidation validation, EvaluationRequest request, RuleSet rules) {
        if (rules.exceptionsInDaemon()) {
            return validation;
        }
        Optional<TrustExceptions> installed = request.exceptions().installedFor(request.leaf());
        if (installed.isEmpty()) {
            return validation;
        }
        if (validation.result() == SecTrustResult.UNSPECIFIED) {
            return new PathValidation(SecTrustResult.PROCEED, validation.failures(), validation.notes());
        }
        if (validation.result() != SecTrustResult.RECOVERABLE_TRUST_FAILURE) {
            return validation;
        }
        List<Failure> notes = new ArrayList<>(validation.notes());
        List<Failure> kept = new ArrayList<>();
        for (Failure f : validation.failures()) {
            if (!f.severity().isFailure()) {
                kept.add(f);
                continue;
            }
            boolean matched = f.index() >= 0
                    && f.index() < path.size()
                    && installed
                            .get()
                            .excepts(f.index(), path.get(f.index()), f.code().code());
            if (!matched) {
                return validation; // one failure without a matching entry: nothing is excepted
            }
            notes.add(note(f.code(), f));
        }
        return new PathValidation(SecTrustResult.PROCEED, kept, notes);
    }
}
