package io.github.sectrust4j.policy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import java.util.Set;

/**
 * What every Apple check declares about itself, whoever computes it: its code, where in Apple's order it runs,
 * whether the policy carries it, its evidence records, and how a failure of it is explained (message, rule,
 * remedy). An {@link AppleCheck} also runs itself on a path; the other descriptors in the catalogue are checks
 * whose computation lives below the policy (RFC 5280 processing in {@code policy.rfc5280}) or in the
 * integration (revocation, Valid, CT, EV, the evaluation budgets: the engine maps the typed decisions of
 * {@code revocation} and {@code ct} to failures carrying the descriptor's evidence records).
 */
public interface CheckDescriptor {

    /** The check's name in Apple's code (the key in {@code TrustResultDetails}), as of the newest release. */
    FindingCode code();

    /**
     * Every code this check's failures are recorded under: its own and the names older releases used (e.g.
     * {@code ValidLeaf} before {@code TemporalValidity}). Findings with these codes are explained by this check.
     */
    default Set<FindingCode> recordedAs() {
        return Set.of(code());
    }

    /**
     * The codes this check's failures are recorded under in one release (the policy's option keys it adds):
     * {@link #recordedAs()} unless older releases used other names.
     */
    default Set<FindingCode> recordedIn(RuleSet rules) {
        return recordedAs();
    }

    /**
     * Evidence records that only this check produces, whatever code their failure is recorded under: a Valid
     * entry forces {@code BlackListedLeaf} or {@code Revocation}, an old release records path length under
     * {@code BasicConstraints}. A failure carrying one is explained by this check, not by the code's owner.
     */
    default Set<Class<? extends Evidence>> evidenceTypes() {
        return Set.of();
    }

    /**
     * The checks of RFC 5280 processing and the parent checks ({@code policy.rfc5280}) that compute this check's
     * failures in this release; RFC 5280 processing runs exactly the union over the catalogue
     * ({@link AppleChecks#rfc5280Checks}). Empty for a check computed elsewhere.
     */
    default Set<Rfc5280Check> rfc5280Checks(RuleSet rules) {
        return Set.of();
    }

    /** Where in Apple's order of a validation (§1.6) the check runs. */
    CheckStage stage();

    /** Whether the policy carries this check in this release (Apple: the policy's option is set). */
    boolean appliesTo(RuleSet rules, Policy policy);

    /** One sentence naming the certificate and the values, starting with the code. */
    String message(Failure failure, FailureContext context);

    /** The iOS rule behind a failure: spec section, summary, confidence, since-release. */
    Rule rule(Failure failure, RuleSet rules);

    /** What the admin should change. */
    String remedy(Failure failure, FailureContext context);
}
