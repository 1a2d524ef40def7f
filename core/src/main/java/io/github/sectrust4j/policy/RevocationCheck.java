package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.revocation.internal.RevocationResult;
import io.github.sectrust4j.text.StableOrder;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code Revocation} by OCSP (§9.4): a valid stapled or fetched response says the certificate is revoked
 * (Fatal). The revocation pass ({@code engine}) decides it from {@link RevocationResult}; a Valid entry that
 * forces {@code Revocation} is explained by {@link ValidCheck}.
 */
public final class RevocationCheck implements CheckDescriptor {
    public static final RevocationCheck INSTANCE = new RevocationCheck();
    private static final String[] REASONS = {
        "unspecified",
        "keyCompromise",
        "cACompromise",
        "affiliationChanged",
        "superseded",
        "cessationOfOperation",
        "certificateHold",
        "7",
        "removeFromCRL",
        "privilegeWithdrawn",
        "aACompromise"
    };

    private RevocationCheck() {}

    /** A position a valid OCSP response says is revoked: its revocation result. */
    public record OcspRevoked(RevocationResult result) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            return StableOrder.evidence(result.evidence());
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.REVOCATION;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.REVOCATION;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        RevocationResult r = failure.evidence(OcspRevoked.class).result();
        return failure.code().code() + ": " + context.position() + " is revoked according to a valid OCSP response"
                + " (reason "
                + (r.reason().isPresent() ? String.valueOf(r.reason().getAsInt()) : "unknown")
                + r.revocationTime().map(t -> ", revoked " + t).orElse("") + ").";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of("§9", "a revoked certificate is fatal", Confidence.APPLE_CODE);
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        RevocationResult r = failure.evidence(OcspRevoked.class).result();
        return "'" + context.displayName() + "' is revoked by its CA (OCSP"
                + r.revocationTime().map(t -> ", revoked " + t).orElse("") + ", reason " + reasonName(r.reason())
                + "): replace it with a newly issued certificate"
                + " and key; no setting or exception overrides this.";
    }

    /** The CRL reason's name (RFC 5280 §5.3.1) with its code, e.g. "keyCompromise (1)". */
    static String reasonName(OptionalInt reason) {
        int r = reason.orElse(0);
        return r >= 0 && r < REASONS.length ? REASONS[r] + " (" + r + ")" : String.valueOf(r);
    }
}
