package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.revocation.internal.ValidDecision;
import io.github.sectrust4j.revocation.internal.ValidFailure;
import io.github.sectrust4j.text.StableOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Apple's Valid database (§9.2): an entry for a certificate or its issuer's group forces a failure — its own
 * {@code IssuerPolicyConstraints} / {@code IssuerNameConstraints}, or {@code Revocation}, {@code BlackListedLeaf},
 * {@code GrayListedLeaf}, {@code GrayListedKey} (recorded under those names, explained here by their evidence).
 * The revocation pass and the trailing CT issuance and known-intermediates checks decide them
 * ({@link ValidDecision}, {@code KnownIntermediates}); the remedy follows from the Valid rule that fired
 * ({@link ValidFailure.Kind}).
 */
public final class ValidCheck implements CheckDescriptor {
    public static final ValidCheck INSTANCE = new ValidCheck();

    private ValidCheck() {}

    /**
     * A failure a Valid entry forced: the rule that fired and, when the position has one, the Valid decision
     * it came from (the group's dates and flags).
     */
    public record ValidEntry(ValidFailure failure, Optional<ValidDecision> decision) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("source", "Valid database");
            e.put("cause", failure.cause());
            failure.reason().ifPresent(r -> e.put("reason", r));
            decision.ifPresent(d -> {
                d.info().group().notBefore().ifPresent(t -> e.put("distrustNotBefore", t.toString()));
                d.info().group().notAfter().ifPresent(t -> e.put("distrustAfter", t.toString()));
                d.evidence().forEach(e::putIfAbsent);
            });
            return StableOrder.evidence(e);
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.ISSUER_POLICY_CONSTRAINTS;
    }

    @Override
    public Set<FindingCode> recordedAs() {
        return Set.of(FindingCode.ISSUER_POLICY_CONSTRAINTS, FindingCode.ISSUER_NAME_CONSTRAINTS);
    }

    @Override
    public Set<Class<? extends Evidence>> evidenceTypes() {
        return Set.of(ValidEntry.class);
    }

    @Override
    public CheckStage stage() {
        return CheckStage.REVOCATION;
    }

    /** Valid-driven issuer policy constraints arrive in iOS 13 (§2.1); the other Valid failures exist before. */
    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    /** Whether a Valid failure of this kind is recorded in this release. */
    public static boolean records(ValidFailure failure, RuleSet rules) {
        return failure.code() != FindingCode.ISSUER_POLICY_CONSTRAINTS || rules.validIssuerPolicyConstraints();
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        ValidFailure f = failure.evidence(ValidEntry.class).failure();
        return failure.code().code() + ": " + context.position() + ": " + f.cause() + " (Valid database"
                + (f.reason().isPresent() ? ", reason " + f.reason().getAsInt() : "") + ").";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return switch (failure.evidence(ValidEntry.class).failure().kind()) {
            case LISTED ->
                Rule.of(
                                "§9.2",
                                "a certificate on its issuer's Valid block list (or missing from its complete"
                                        + " allow list) is revoked, blocked or distrusted, unless a good OCSP response overrides it",
                                Confidence.APPLE_CODE)
                        .since("10.3");
            case ISSUED_BEFORE_NOT_BEFORE, ISSUED_AFTER_NOT_AFTER ->
                Rule.of(
                                "§9.2",
                                "a Valid group's date constraints"
                                        + " distrust certificates issued outside its notBefore–notAfter window",
                                Confidence.APPLE_CODE)
                        .since("10.3");
            case POLICY_CONSTRAINTS, UNKNOWN_INTERMEDIATE ->
                Rule.of("§9.2", "Apple's Valid service restricts what this issuer may issue", Confidence.APPLE_CODE)
                        .since("10.3");
        };
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        ValidEntry e = failure.evidence(ValidEntry.class);
        Optional<Instant> after = e.decision().flatMap(ValidDecision::groupNotAfter);
        switch (e.failure().kind()) {
            case ISSUED_AFTER_NOT_AFTER:
                if (after.isPresent()) {
                    return "The CA is distrusted by Apple for certificates issued after " + after.get()
                            + ": replace the" + " certificate with one from another CA.";
                }
                break;
            case ISSUED_BEFORE_NOT_BEFORE:
                return "Apple distrusts certificates this CA issued before "
                        + e.decision()
                                .flatMap(d -> d.info().group().notBefore())
                                .map(Instant::toString)
                                .orElse("its cut-off")
                        + ": replace the certificate with one from another CA.";
            case POLICY_CONSTRAINTS:
                return "Apple's Valid data does not allow this CA to issue TLS server certificates: use a certificate"
                        + " from a CA that may.";
            default:
                break;
        }
        if (failure.code() == FindingCode.REVOCATION) {
            return "Apple's Valid database lists this certificate as revoked: replace it with a newly issued"
                    + " certificate (a fresh good OCSP response stapled by the server would override the Valid"
                    + " entry).";
        }
        return "Apple distrusts this certificate or its CA (Valid database): replace it with a certificate"
                + " from another CA.";
    }
}
