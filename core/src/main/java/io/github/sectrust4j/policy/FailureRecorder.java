package io.github.sectrust4j.policy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustExceptions;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One validation context (§1.7): starts Unspecified; records failures in order, skipping non-forced
 * checks the policy does not carry, renaming keys for the release, applying trust-settings allowed
 * errors to Recoverable failures, and updating the result (Fatal sticky, Deny beats Recoverable).
 * The same key at the same index is stored once (last value wins). Not thread-safe; one per validation.
 */
final class FailureRecorder {
    /** The note field naming the CSSM code a trust setting allows (§7.2): the failure is not counted. */
    static final String SUPPRESSED_BY_ALLOWED_ERROR = "suppressedByAllowedError";

    private record Key(FindingCode code, int index) {}

    private final CandidatePath path;
    private final EvaluationRequest request;
    private final RuleSet rules;
    /** The policy's options, fetched on the first recorded failure (most validations record none). */
    private Set<FindingCode> options;

    /** Made on the first recorded failure: most recorders (a parent check per candidate) record none. */
    private Map<Key, Failure> details;

    private final List<Failure> notes = new ArrayList<>();
    private SecTrustResult result = SecTrustResult.UNSPECIFIED;
    /** The (check, index) pairs the user's exceptions suppressed; null until the first. */
    private Set<Key> excepted;
    /** The exceptions {@code SecTrustSetExceptions} kept for this leaf; null until first needed. */
    private Optional<TrustExceptions> installed;

    FailureRecorder(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        this.path = path;
        this.request = request;
        this.rules = rules;
    }

    void recordAll(List<Failure> failures) {
        // by index: most checks return an empty or one-element list, and an iterator per check adds up
        for (int i = 0, n = failures.size(); i < n; i++) {
            record(failures.get(i));
        }
    }

    void record(Failure f) {
        FindingCode code = rules.recordedCode(f.code(), f.index(), path.topIndex());
        if (f.severity() == Severity.INFO) {
            notes.add(f);
            return;
        }
        if (!rules.isForced(code) && !options().contains(code)) {
            return;
        }
        Severity severity = rules.severity(code, f.index(), f.severity());
        if (severity == Severity.RECOVERABLE && excepted(code, f.index())) {
            // §12.4: the user's exception covers it; the first suppression of a clean path makes it Proceed
            if (excepted == null) {
                excepted = new java.util.HashSet<>();
            }
            if (excepted.add(new Key(code, f.index()))) {
                notes.add(Exceptions.note(code, f)); // once per check and certificate, like a recorded failure
            }
            if (result == SecTrustResult.UNSPECIFIED) {
                result = SecTrustResult.PROCEED;
            }
            return;
        }
        if (severity == Severity.RECOVERABLE && f.index() >= 0 && f.index() < path.size()) {
            Optional<List<TrustSetting>> constraints = PathFacts.constraints(path, f.index());
            Optional<Integer> allowed =
                    constraints.flatMap(c -> TrustSettingsEvaluation.allowedError(c, f.index(), code, request));
            if (allowed.isPresent()) {
                notes.add(new Failure(
                        code, f.index(), Severity.INFO, f.evidence().with(SUPPRESSED_BY_ALLOWED_ERROR, allowed.get())));
                return;
            }
        }
        if (isOk() || severity == Severity.FATAL) {
            result = resultFor(severity);
        } else if (severity == Severity.DENY && result == SecTrustResult.RECOVERABLE_TRUST_FAILURE) {
            result = SecTrustResult.DENY;
        }
        Key key = new Key(code, f.index());
        if (details == null) {
            details = new LinkedHashMap<>();
        }
        details.remove(key);
        details.put(key, new Failure(code, f.index(), severity, f.evidence()));
    }

    /**
     * §7.3 after path validation, after {@link UsageConstraintsCheck} recorded any Deny: TrustRoot/TrustAsRoot/no-match
     * on a user-store certificate upgrades an OK result to Proceed (iOS 11+; the user store must be an active anchor
     * source). Apple's hard-coded roots have no constraints.
     */
    void proceedForUserStore() {
        if (!isOk() || request.anchorsOnly() || !rules.proceedForUserStore()) {
            return;
        }
        for (int i = 0; i < path.size(); i++) {
            Optional<List<TrustSetting>> constraints = PathFacts.constraints(path, i);
            Optional<TrustSetting.Result> r = constraints.isPresent()
                    ? TrustSettingsEvaluation.result(constraints.get(), i, request)
                    : Optional.of(TrustSetting.Result.TRUST_ROOT);
            if ((r.isEmpty()
                            || r.get() == TrustSetting.Result.TRUST_ROOT
                            || r.get() == TrustSetting.Result.TRUST_AS_ROOT)
                    && inUserStore(i)) {
                result = SecTrustResult.PROCEED;
            }
        }
    }

    /**
     * Membership of the user trust store (Apple: the user anchor source contains the certificate),
     * independent of which source's constraints decided: a user entry for an Apple root or a system
     * root still yields Proceed (§7.3; Apple test: a user Deny on an Apple root evaluates to Proceed).
     */
    private boolean inUserStore(int index) {
        if (path.userTrustSettings().containsKey(index)
                || (index == path.topIndex()
                        && path.anchor().isPresent()
                        && path.anchor().get().isUserStore())) {
            return true;
        }
        return request.userStore().contains(path.get(index)); // indexed once per configuration
    }

    /** iOS 11+: the installed exceptions name this check for the certificate now at {@code index}. */
    private boolean excepted(FindingCode code, int index) {
        if (!rules.exceptionsInDaemon() || index < 0 || index >= path.size()) {
            return false;
        }
        return installed()
                .map(e -> e.excepts(index, path.get(index), code.code()))
                .orElse(false);
    }

    private Optional<TrustExceptions> installed() {
        if (installed == null) {
            installed = request.exceptions().installedFor(request.leaf());
        }
        return installed;
    }

    private Set<FindingCode> options() {
        if (options == null) {
            options = rules.options(request.policy(), request.referenceHost().isPresent());
        }
        return options;
    }

    boolean isOk() {
        return result.isTrusted();
    }

    PathValidation toValidation() {
        if (result == SecTrustResult.UNSPECIFIED
                && rules.exceptionsInDaemon()
                && installed().isPresent()) {
            result = SecTrustResult.PROCEED; // §12.4: with exceptions set, a clean evaluation reports Proceed
        }
        return new PathValidation(result, details == null ? List.of() : List.copyOf(details.values()), notes);
    }

    List<Failure> failures() {
        return details == null ? List.of() : List.copyOf(details.values());
    }

    private static SecTrustResult resultFor(Severity s) {
        switch (s) {
            case FATAL:
                return SecTrustResult.FATAL_TRUST_FAILURE;
            case DENY:
                return SecTrustResult.DENY;
            default:
                return SecTrustResult.RECOVERABLE_TRUST_FAILURE;
        }
    }
}
