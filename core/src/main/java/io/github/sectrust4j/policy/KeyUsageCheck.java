package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.KeyUsage;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.rfc5280.NoKeyCertSign;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code KeyUsage} on the leaf (§2.2), present only in an SSL policy made by
 * {@code SecPolicyCreateSSLWithKeyUsage}: {@code SecPolicyCreateSSL_internal} ({@code OSX/sec/Security/SecPolicy.c})
 * adds the required usage and {@code kSecKeyUsageUnspecified} to the option, and
 * {@code SecPolicyCheckCertKeyUsage} ({@code SecPolicyLeafCallbacks.c}) passes when the leaf's usages hold
 * every required bit, or when the leaf has no keyUsage at all (Unspecified matches only a usage of 0).
 * Recoverable, {@code errSecInvalidKeyUsageForPolicy} ({@code SecPolicyChecks.list}). The parent checks record
 * the same (forced) code for a CA without keyCertSign; this check explains those failures too.
 */
final class KeyUsageCheck implements AppleCheck {
    static final KeyUsageCheck INSTANCE = new KeyUsageCheck();

    /** The leaf's keyUsage bits lacking some the app's SSL policy requires. */
    record MissingKeyUsage(int required, int present) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("requiredKeyUsage", KeyUsage.labels(required));
            m.put("presentKeyUsage", KeyUsage.labels(present));
            m.put("missingKeyUsage", KeyUsage.labels(required & ~present));
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.KEY_USAGE;
    }

    /** The record RFC 5280 processing and the parent checks give this code above the leaf. */
    @Override
    public Set<Class<? extends Evidence>> evidenceTypes() {
        return Set.of(NoKeyCertSign.class);
    }

    @Override
    public CheckStage stage() {
        return CheckStage.LEAF;
    }

    /** A CA's keyCertSign (parent checks, every policy). */
    @Override
    public Set<Rfc5280Check> rfc5280Checks(RuleSet rules) {
        return Set.of(Rfc5280Check.KEY_CERT_SIGN);
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return policy
                == Policy.SSL_SERVER; // and only with SecPolicyCreateSSLWithKeyUsage: the request's required usage
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        int required = request.requiredKeyUsage();
        if (required == 0) {
            return List.of();
        }
        int present = path.leaf().keyUsage().map(k -> k.bits()).orElse(0);
        if (present == 0 || (present & required) == required) {
            return List.of();
        }
        return List.of(Failure.of(FindingCode.KEY_USAGE, 0, new MissingKeyUsage(required, present)));
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        String prefix = failure.code().code() + ": " + context.position();
        if (failure.carries(MissingKeyUsage.class)) {
            MissingKeyUsage e = failure.evidence(MissingKeyUsage.class);
            return prefix + " has keyUsage " + KeyUsage.labels(e.present()) + " without "
                    + KeyUsage.labels(e.required() & ~e.present())
                    + ", which the SSL policy requires (SecPolicyCreateSSLWithKeyUsage " + KeyUsage.labels(e.required())
                    + ").";
        }
        return prefix
                + (failure.evidence().isEmpty() ? "" : " " + failure.evidence().fields()) + "."; // a CA's keyCertSign
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        if (failure.carries(MissingKeyUsage.class)) {
            return Rule.of(
                    "§2.2",
                    "an SSL policy made with SecPolicyCreateSSLWithKeyUsage requires the leaf's "
                            + "keyUsage to hold every required usage, or the leaf to have no keyUsage extension",
                    Confidence.APPLE_CODE);
        }
        return Rule.of(
                "§1.6", "a CA's keyUsage extension, when present, must include keyCertSign", Confidence.APPLE_CODE);
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        String cn = context.displayName();
        if (failure.carries(MissingKeyUsage.class)) {
            MissingKeyUsage e = failure.evidence(MissingKeyUsage.class);
            return "Reissue the server certificate '" + cn + "' with keyUsage " + KeyUsage.labels(e.required())
                    + " (the app's SSL policy requires it: SecPolicyCreateSSLWithKeyUsage), or without a keyUsage "
                    + "extension; it has " + KeyUsage.labels(e.present()) + ".";
        }
        return "Reissue the CA certificate '" + cn + "' with keyUsage keyCertSign (or without a keyUsage extension).";
    }
}
