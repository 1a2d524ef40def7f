package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import io.github.sectrust4j.policy.rfc5280.UnknownCriticalExtensions;
import java.util.Set;

/**
 * {@code CriticalExtensions} (§2.2): no certificate may carry a critical extension iOS does not know (a CT
 * precertificate's poison among them). Computed by RFC 5280 processing
 * ({@code policy.rfc5280.BasicCertificateProcessing}).
 */
public final class CriticalExtensionsCheck implements CheckDescriptor {
    public static final CriticalExtensionsCheck INSTANCE = new CriticalExtensionsCheck();

    private CriticalExtensionsCheck() {}

    @Override
    public FindingCode code() {
        return FindingCode.CRITICAL_EXTENSIONS;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.RFC5280;
    }

    /** Computed by RFC 5280 processing. */
    @Override
    public Set<Rfc5280Check> rfc5280Checks(RuleSet rules) {
        return Set.of(Rfc5280Check.CRITICAL_EXTENSIONS);
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return failure.code().code() + ": " + context.position() + " has critical extension(s) iOS does not know: "
                + failure.evidence(UnknownCriticalExtensions.class).oids() + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                "§2.2", "no certificate may carry a critical extension iOS does not know", Confidence.APPLE_CODE);
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        String cn = context.displayName();
        return context.certificate().hasPrecertPoison()
                ? "'" + cn + "' is a CT precertificate, not the final"
                        + " certificate: install the certificate the CA issued."
                : "Reissue '" + cn + "' without the unknown" + " critical extension(s).";
    }
}
