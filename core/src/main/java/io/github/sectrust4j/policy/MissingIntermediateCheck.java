package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.AuthorityInfoAccess;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code MissingIntermediate} (§2.3 step 2, iOS 11.3+): an untrusted top that is not self-signed means the
 * chain stops short of a root. Computed by RFC 5280 processing ({@code policy.rfc5280.BasicCertificateProcessing},
 * evidence {@code UntrustedTop}); before iOS 11.3 the same failure is {@code AnchorTrusted}
 * ({@link AnchorTrustedCheck}).
 */
public final class MissingIntermediateCheck implements CheckDescriptor {
    public static final MissingIntermediateCheck INSTANCE = new MissingIntermediateCheck();

    private MissingIntermediateCheck() {}

    @Override
    public FindingCode code() {
        return FindingCode.MISSING_INTERMEDIATE;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.RFC5280;
    }

    /** Computed by RFC 5280 processing. */
    @Override
    public Set<Rfc5280Check> rfc5280Checks(RuleSet rules) {
        return Set.of(Rfc5280Check.MISSING_INTERMEDIATE);
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return failure.code().code() + ": " + context.position() + " is not self-signed and its issuer '"
                + PathFacts.issuerName(context.certificate()) + "' was not found.";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                        "§2.3",
                        "the chain must reach a trusted root; a top certificate that is not self-signed means an "
                                + "intermediate is missing",
                        Confidence.APPLE_CODE)
                .since("11.3");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        EvaluationRequest request = context.request();
        Certificate top = context.path().top();
        Optional<UserRoot> user = request.userRoots().stream()
                .filter(u -> u.certificate().equals(top))
                .findFirst();
        if (user.isPresent()) {
            return DirectTrust.remedy(
                    context.path(), user.get(), request); // installed on the device, but not trusted for this
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
