package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code AnchorTrusted} (§2.3 step 2): the top of the path must be a trusted anchor for the policy (system store,
 * app anchor, or a user root trusted for SSL). Computed by RFC 5280 processing
 * ({@code policy.rfc5280.BasicCertificateProcessing}, evidence {@code UntrustedTop}) for a self-signed top; before
 * iOS 11.3 also for a top that is not self-signed, which later releases record as {@link MissingIntermediateCheck}.
 */
public final class AnchorTrustedCheck implements CheckDescriptor {
    public static final AnchorTrustedCheck INSTANCE = new AnchorTrustedCheck();

    private AnchorTrustedCheck() {}

    @Override
    public FindingCode code() {
        return FindingCode.ANCHOR_TRUSTED;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.RFC5280;
    }

    /** Computed by RFC 5280 processing. */
    @Override
    public Set<Rfc5280Check> rfc5280Checks(RuleSet rules) {
        return Set.of(Rfc5280Check.ANCHOR_TRUSTED);
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return failure.code().code() + ": " + context.position() + " is not a trusted anchor for this policy.";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                "§2.3",
                "the top certificate must be a trusted anchor (system store, app anchor, or a user root "
                        + "trusted for SSL)",
                Confidence.APPLE_CODE);
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        CandidatePath path = context.path();
        EvaluationRequest request = context.request();
        Certificate top = path.top();
        String cn = PathFacts.displayName(top);
        // anchors-only: the device's roots are not consulted, so their settings are beside the point (§1.3)
        if (request.anchorsOnly() && request.appAnchors().isEmpty()) {
            return "The app set an empty anchor list (anchors only, no anchors: SecTrustSetAnchorCertificates with an "
                    + "empty array), so no certificate is trusted, not even '" + cn + "': give the app its anchor "
                    + "certificates, or pass NULL to use the device's trusted roots.";
        }
        if (request.anchorsOnly()) {
            return "The app trusts only its own anchors: add '" + cn
                    + "' to the app's anchor certificates, or use a chain " + "under one of them.";
        }
        Optional<UserRoot> user = request.userRoots().stream()
                .filter(u -> u.certificate().equals(top))
                .findFirst();
        if (user.isPresent() && !path.selfSignedAt(path.topIndex())) {
            return DirectTrust.remedy(path, user.get(), request);
        }
        if (user.isPresent()) {
            List<TrustSetting> settings = user.get().effectiveTrustSettings(request.release());
            if (user.get().channel() == InstallChannel.PROFILE
                    && user.get().trustSettings().isEmpty()) {
                return "Turn on full trust for '" + cn
                        + "' in Settings > General > About > Certificate Trust Settings, "
                        + "or deploy the root by MDM.";
            }
            return "The root '" + cn + "' is installed on the device, but its trust settings " + settings
                    + " do not trust it for SSL: install it with full trust (MDM, or a profile with full trust turned on).";
        }
        if (path.size() == 1) {
            return "The server presents the self-signed certificate '" + cn + "': replace it with a certificate from a "
                    + "publicly trusted CA, or install it on the device by MDM (or a profile with full trust turned on).";
        }
        return "Install the root '" + cn
                + "' on the device with a configuration profile and turn on full trust, or deploy it "
                + "by MDM; or use a certificate from a publicly trusted CA.";
    }
}
