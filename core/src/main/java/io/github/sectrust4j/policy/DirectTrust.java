package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A certificate that is not a root — the server's own certificate or an issuing CA — trusted directly in
 * the device's user trust store (§7.3, §7.5): with a TrustAsRoot setting it is an anchor and the path
 * ends at it (Apple: {@code SecPolicyServer.c} {@code SecPVCIsAnchorPerConstraints}; tests
 * {@code SSLPolicyTests} {@code testUserTrustLeaf_*}, {@code KeySizeTests} / {@code SignatureAlgorithmTests}
 * {@code *_trustSettingsOnLeaf}, {@code NameConstraintsTests} {@code testUserAnchorWithNameConstraints*}).
 * Says so in an informational finding ({@code DirectTrust}, after the usage constraints), and what to do when
 * such a certificate is installed but not trusted.
 */
final class DirectTrust implements AppleCheck {
    static final DirectTrust INSTANCE = new DirectTrust();

    /** The path ends at a user-store certificate that is not self-signed: which one, how it was installed, and why. */
    record DirectAnchor(String summary, String position, String anchorSource) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("summary", summary);
            m.put("position", position);
            m.put("anchorSource", anchorSource);
            m.put("trustSettingResult", TrustSetting.Result.TRUST_AS_ROOT.label());
            return m;
        }
    }

    private DirectTrust() {}

    @Override
    public FindingCode code() {
        return FindingCode.DIRECT_TRUST;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.USAGE_CONSTRAINTS;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        return note(path, request).map(List::of).orElse(List.of());
    }

    /** The note for a path anchored at a user-store certificate that is not self-signed; empty otherwise. */
    static Optional<Failure> note(CandidatePath path, EvaluationRequest request) {
        if (!path.userAnchored() || path.selfSignedAt(path.topIndex())) {
            return Optional.empty();
        }
        Optional<List<TrustSetting>> constraints = PathFacts.constraints(path, path.topIndex());
        Optional<TrustSetting.Result> r =
                constraints.flatMap(c -> TrustSettingsEvaluation.result(c, path.topIndex(), request));
        if (r.isEmpty() || r.get() != TrustSetting.Result.TRUST_AS_ROOT) {
            return Optional.empty(); // Deny "anchors" too, and is reported as UsageConstraints
        }
        boolean leaf = path.topIndex() == 0;
        String source =
                path.anchor().get().source() == io.github.sectrust4j.AnchorSource.MDM ? "by MDM" : "by a profile";
        String name = PathFacts.displayName(path.top());
        String summary = leaf
                ? "the server certificate itself ('" + name + "') is trusted on this device (installed " + source
                        + ", trust setting TrustAsRoot): the path ends at it and no issuer is needed. Still checked: host name,"
                        + " validity, weak keys and MD5-class signatures; not checked for a leaf trusted this way: KeySize,"
                        + " SHA-1 (SignatureHashAlgorithms), the 825-day maximum and the serverAuth EKU; CT does not apply."
                        + " Every renewal must be installed on every device again."
                : "an intermediate is trusted directly on this device: '" + name + "' (certificate " + path.topIndex()
                        + ", installed " + source
                        + ", trust setting TrustAsRoot) is the anchor, so the path stops there"
                        + " and the certificates above it are not needed. Its name constraints still bind the leaf, and the"
                        + " leaf's checks (key size, SHA-2, 825 days) apply as under any installed root.";
        return Optional.of(new Failure(
                FindingCode.DIRECT_TRUST,
                path.topIndex(),
                Severity.INFO,
                new DirectAnchor(
                        summary,
                        leaf ? "leaf" : "intermediate",
                        path.anchor().get().source().label())));
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return failure.code().code() + ": "
                + failure.evidence(DirectAnchor.class).summary();
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                "§7.3",
                "a user-store certificate that is not self-signed is an anchor when its trust setting "
                        + "is TrustAsRoot; the path ends at it",
                Confidence.APPLE_CODE);
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "None: informational.";
    }

    /**
     * The remedy when the top of the path is a user-store certificate that is not self-signed and not an
     * anchor for this evaluation (switch off, or settings that do not trust it for SSL).
     */
    static String remedy(CandidatePath path, UserRoot user, EvaluationRequest request) {
        String name = PathFacts.displayName(path.top());
        String what = path.topIndex() == 0
                ? "The server certificate itself ('" + name + "')"
                : "The intermediate '" + name + "'";
        String why;
        if (user.trustSettings().isEmpty()
                && user.channel() == InstallChannel.PROFILE
                && user.fullTrust() == FullTrust.OFF
                && RuleSet.forRelease(request.release()).profileRootFullTrustSwitch()) {
            why =
                    " is installed on this device by a profile, but full trust is not turned on, so iOS does not trust it "
                            + "for TLS: turn on full trust for it in Settings > General > About > Certificate Trust Settings, or "
                            + "deploy it by MDM.";
        } else {
            why = " is installed on this device, but its trust settings "
                    + user.effectiveTrustSettings(request.release(), false)
                    + " do not make it an anchor for " + request.policy().label()
                    + " (a certificate that is not a root "
                    + "needs TrustAsRoot).";
        }
        return what + why
                + " Better: install the root CA that issued it (with full trust, or by MDM), so that renewals "
                + "keep working.";
    }
}
