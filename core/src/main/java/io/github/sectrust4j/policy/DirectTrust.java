package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
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
 * Says so in an informational finding, and what to do when such a certificate is installed but not trusted.
 */
final class DirectTrust {
    private DirectTrust() {
    }

    /** The note for a path anchored at a user-store certificate that is not self-signed; empty otherwise. */
    static Optional<Failure> note(CandidatePath path, EvaluationRequest request) {
        if (!path.userAnchored() || path.selfSignedAt(path.topIndex())) {
            return Optional.empty();
        }
        Optional<List<TrustSetting>> constraints = PathFacts.constraints(path, path.topIndex());
        Optional<TrustSetting.Result> r = constraints.flatMap(c -> TrustSettingsEvaluation.result(c, path.topIndex(), request));
        if (r.isEmpty() || r.get() != TrustSetting.Result.TRUST_AS_ROOT) {
            return Optional.empty(); // Deny "anchors" too, and is reported as UsageConstraints
        }
        boolean leaf = path.topIndex() == 0;
        String source = path.anchor().get().source() == io.github.sectrust4j.AnchorSource.MDM ? "by MDM" : "by a profile";
        String name = PathFacts.displayName(path.top());
        String summary = leaf
                ? "the server certificate itself ('" + name + "') is trusted on this device (installed " + source
                        + ", trust setting TrustAsRoot): the path ends at it and no issuer is needed. Still checked: host name,"
                        + " validity, weak keys and MD5-class signatures; not checked for a leaf trusted this way: KeySize,"
                        + " SHA-1 (SignatureHashAlgorithms), the 825-day maximum and the serverAuth EKU; CT does not apply."
                        + " Every renewal must be installed on every device again."
                : "an intermediate is trusted directly on this device: '" + name + "' (certificate " + path.topIndex()
                        + ", installed " + source + ", trust setting TrustAsRoot) is the anchor, so the path stops there"
                        + " and the certificates above it are not needed. Its name constraints still bind the leaf, and the"
                        + " leaf's checks (key size, SHA-2, 825 days) apply as under any installed root.";
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("summary", summary);
        evidence.put("position", leaf ? "leaf" : "intermediate");
        evidence.put("anchorSource", path.anchor().get().source().label());
        evidence.put("trustSettingResult", TrustSetting.Result.TRUST_AS_ROOT.label());
        return Optional.of(new Failure(FindingCode.DIRECT_TRUST, path.topIndex(), Severity.INFO, evidence));
    }

    /**
     * The remedy when the top of the path is a user-store certificate that is not self-signed and not an
     * anchor for this evaluation (switch off, or settings that do not trust it for SSL).
     */
    static String remedy(CandidatePath path, UserRoot user, EvaluationRequest request) {
        String name = PathFacts.displayName(path.top());
        String what = path.topIndex() == 0 ? "The server certificate itself ('" + name + "')"
                : "The intermediate '" + name + "'";
        String why;
        if (user.trustSettings().isEmpty() && user.channel() == InstallChannel.PROFILE && user.fullTrust() == FullTrust.OFF
                && !request.release().before(10, 3)) {
            why = " is installed on this device by a profile, but full trust is not turned on, so iOS does not trust it "
                    + "for TLS: turn on full trust for it in Settings > General > About > Certificate Trust Settings, or "
                    + "deploy it by MDM.";
        } else {
            why = " is installed on this device, but its trust settings " + user.effectiveTrustSettings(request.release(), false)
                    + " do not make it an anchor for " + request.policy().label() + " (a certificate that is not a root "
                    + "needs TrustAsRoot).";
        }
        return what + why + " Better: install the root CA that issued it (with full trust, or by MDM), so that renewals "
                + "keep working.";
    }
}
