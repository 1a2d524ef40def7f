package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.rfc5280.OutsideValidityPeriod;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import io.github.sectrust4j.request.EvaluationRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code TemporalValidity}, leaf part (§2.2, §5.1): {@code notBefore ≤ verifyTime ≤ notAfter},
 * inclusive, whole seconds. Positions above the leaf are checked by RFC 5280 processing, whose failures
 * (before iOS 11.3 {@code ValidLeaf}/{@code ValidIntermediates}/{@code ValidRoot}) this check explains too:
 * its message and remedy read only the certificate and the verify time.
 */
final class TemporalValidityLeafCheck implements AppleCheck {
    static final TemporalValidityLeafCheck INSTANCE = new TemporalValidityLeafCheck();

    private static final Set<FindingCode> LEGACY =
            Set.of(FindingCode.VALID_LEAF, FindingCode.VALID_INTERMEDIATES, FindingCode.VALID_ROOT);

    /** The leaf outside its validity period at the verify time. */
    record OutsideValidity(Instant verifyTime, Instant notBefore, Instant notAfter) implements Evidence {
        boolean notYetValid() {
            return verifyTime.isBefore(notBefore);
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("verifyTime", verifyTime.toString());
            m.put("notBefore", notBefore.toString());
            m.put("notAfter", notAfter.toString());
            m.put("state", notYetValid() ? "not yet valid" : "expired");
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.TEMPORAL_VALIDITY;
    }

    /** The record RFC 5280 processing and the parent checks give this code above the leaf. */
    @Override
    public Set<Class<? extends Evidence>> evidenceTypes() {
        return Set.of(OutsideValidityPeriod.class);
    }

    @Override
    public Set<FindingCode> recordedAs() {
        return Set.of(
                FindingCode.TEMPORAL_VALIDITY,
                FindingCode.VALID_LEAF,
                FindingCode.VALID_INTERMEDIATES,
                FindingCode.VALID_ROOT);
    }

    @Override
    public Set<FindingCode> recordedIn(RuleSet rules) {
        return rules.legacyCheckNames() ? LEGACY : Set.of(FindingCode.TEMPORAL_VALIDITY);
    }

    @Override
    public CheckStage stage() {
        return CheckStage.LEAF;
    }

    /** The validity of every certificate above the leaf (parent checks, processing). */
    @Override
    public Set<Rfc5280Check> rfc5280Checks(RuleSet rules) {
        return Set.of(Rfc5280Check.TEMPORAL_VALIDITY);
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        Certificate leaf = path.leaf();
        if (leaf.isValidAt(request.verifyTime())) {
            return List.of();
        }
        if (rules.appleRootsNeverExpire() && path.size() == 1 && path.appleRoot()) {
            return List.of();
        }
        return List.of(Failure.of(
                FindingCode.TEMPORAL_VALIDITY,
                0,
                new OutsideValidity(request.verifyTime(), leaf.notBefore(), leaf.notAfter())));
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        Certificate c = context.certificate();
        Instant at = context.request().verifyTime();
        return failure.code().code() + ": " + context.position()
                + (at.isBefore(c.notBefore()) ? " is not valid before " + c.notBefore() : " expired on " + c.notAfter())
                + " (verify time " + at + ").";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        if (LEGACY.contains(failure.code())) {
            return Rule.of(
                            "§5.1",
                            "a certificate is valid iff notBefore ≤ verify time ≤ notAfter (name before iOS 11.3)",
                            Confidence.APPLE_CODE)
                    .since("8.0");
        }
        return Rule.of(
                        "§5.1",
                        "a certificate is valid iff notBefore ≤ verify time ≤ notAfter (inclusive)",
                        Confidence.APPLE_CODE)
                .since("11.3");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        Certificate c = context.certificate();
        String cn = context.displayName();
        CandidatePath path = context.path();
        boolean notYet = context.request().verifyTime().isBefore(c.notBefore());
        String what = notYet
                ? "'" + cn + "' is not valid before " + c.notBefore() + ": check the device clock or reissue it"
                : "Renew '" + cn + "': it expired on " + c.notAfter();
        if (failure.index() == 0) {
            return what + ", and install the renewed certificate on the server.";
        }
        if (failure.index() == path.topIndex() && path.anchored()) {
            return what + "; move the server to a chain under a valid root.";
        }
        return what + "; send the renewed intermediate from the server (or the cross-sign that is still valid).";
    }
}
