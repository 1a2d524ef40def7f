package io.github.sectrust4j.policy;

import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.AuthorityInfoAccess;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the admin should change, in the admin's language, for each finding code. */
final class Remedies {
    private Remedies() {}

    static String remedy(Failure f, CandidatePath path, EvaluationRequest request, RuleSet rules) {
        String remedy = remedyFor(f, path, request, rules);
        return f.index() == 0
                ? wrongOrder(request).map(hint -> hint + " " + remedy).orElse(remedy)
                : remedy;
    }

    /**
     * iOS takes the first certificate sent as the server's (§1.1): when that one is a CA and a certificate
     * that is not comes later, the server (or the file) has the chain in the wrong order, and every failure
     * at [0] is about the wrong certificate — say that first.
     */
    private static Optional<String> wrongOrder(EvaluationRequest request) {
        List<Certificate> sent = request.presented();
        if (sent.size() < 2 || !sent.get(0).isV3Ca()) {
            return Optional.empty();
        }
        for (int i = 1; i < sent.size(); i++) {
            if (!sent.get(i).isV3Ca()) {
                return Optional.of("The chain is in the wrong order: the first certificate sent, '"
                        + PathFacts.displayName(sent.get(0)) + "', is a CA, and the server's own certificate '"
                        + PathFacts.displayName(sent.get(i)) + "' comes at position " + i + ". iOS takes the first "
                        + "certificate as the server's: send the server certificate first, then its intermediates.");
            }
        }
        return Optional.empty();
    }

    /** A key too weak for iOS: reissue with RSA-2048 or P-256 (shared by KeySize and the weak-key checks). */
    static String strongerKey(String certificate, io.github.sectrust4j.cert.PublicKeyInfo key) {
        return "Reissue '" + certificate + "' with an RSA key of at least 2048 bits or an ECDSA key on P-256 or larger"
                + (key.algorithm().name().startsWith("ED")
                        ? " (iOS does not accept Ed25519/Ed448 keys for TLS servers)"
                        : "")
                + "; it has " + key + ".";
    }

    private static String remedyFor(Failure f, CandidatePath path, EvaluationRequest request, RuleSet rules) {
        java.util.Optional<CheckDescriptor> check = AppleChecks.explaining(f);
        if (check.isPresent()) {
            return check.get().remedy(f, new FailureContext(f, path, request, rules));
        }
        Certificate c = f.index() >= 0 && f.index() < path.size() ? path.get(f.index()) : path.leaf();
        String cn = PathFacts.displayName(c);
        switch (f.code()) {
            case ANCHOR_TRUSTED:
                return anchorTrusted(path, request, rules);
            case MISSING_INTERMEDIATE:
                return missingIntermediate(path, request);
            default:
                return "See the rule "
                        + FindingRules.rule(f.code(), f.evidence().fields(), rules)
                                .section() + " for what iOS requires.";
        }
    }

    private static String anchorTrusted(CandidatePath path, EvaluationRequest request, RuleSet rules) {
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

    private static String missingIntermediate(CandidatePath path, EvaluationRequest request) {
        Certificate top = path.top();
        Optional<UserRoot> user = request.userRoots().stream()
                .filter(u -> u.certificate().equals(top))
                .findFirst();
        if (user.isPresent()) {
            return DirectTrust.remedy(path, user.get(), request); // installed on the device, but not trusted for this
        }
        String issuer = PathFacts.issuerName(top);
        // The missing issuer may well be a root (an internal CA's root neither sent nor installed, or
        // a public root Apple removed): sent by the server it would only be an untrusted self-signed
        // top (AnchorTrusted, §2.3 step 2), so say what trusting it takes.
        StringBuilder sb = new StringBuilder();
        if (top.isV3Ca()) {
            // the top is itself a CA, so its missing issuer is most likely the root: lead with what trusting it takes
            sb.append("The device does not know '")
                    .append(issuer)
                    .append("', the issuer of the CA '")
                    .append(PathFacts.displayName(top))
                    .append("'. If '")
                    .append(issuer)
                    .append("' is your root CA, ")
                    .append("install it on the devices (by MDM, or by a configuration profile with full trust turned ")
                    .append(
                            "on): sending it from the server is not enough. If it is an intermediate, send it from the ")
                    .append(
                            "server (configure the full chain). Or move to a chain under a root in Apple's trust store.");
        } else {
            sb.append("Send the intermediate '")
                    .append(issuer)
                    .append("' from the server (configure the full chain). If '")
                    .append(issuer)
                    .append(
                            "' is a root CA, sending it is not enough: devices must trust it (deploy it by MDM, or by a ")
                    .append("configuration profile with full trust turned on), or move to a chain under a root in ")
                    .append("Apple's trust store.");
        }
        List<String> urls =
                top.authorityInfoAccess().map(AuthorityInfoAccess::caIssuers).orElse(List.of());
        List<String> http = new ArrayList<>();
        for (String u : urls) {
            if (u.toLowerCase(Locale.ROOT).startsWith("http:")) {
                http.add(u);
            }
        }
        if (!http.isEmpty() && urls.size() < 10) {
            sb.append(" The device may try to download it from the AIA caIssuers URL ")
                    .append(http.get(0))
                    .append(request.network() ? "" : " (network fetching is off in this evaluation)")
                    .append(", but do not rely on that.");
        } else if (!urls.isEmpty()) {
            sb.append(" The certificate's AIA caIssuers URLs ")
                    .append(urls)
                    .append(" cannot be used by iOS (only http: URLs, fewer than 10).");
        } else {
            sb.append(" The certificate has no AIA caIssuers URL, so the device cannot fetch the intermediate itself.");
        }
        return sb.toString();
    }
}
