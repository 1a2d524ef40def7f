package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.KeyUsage;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code KeyUsage} on the leaf (§2.2), present only in an SSL policy made by
 * {@code SecPolicyCreateSSLWithKeyUsage}: {@code SecPolicyCreateSSL_internal} ({@code OSX/sec/Security/SecPolicy.c})
 * adds the required usage and {@code kSecKeyUsageUnspecified} to the option, and
 * {@code SecPolicyCheckCertKeyUsage} ({@code SecPolicyLeafCallbacks.c}) passes when the leaf's usages hold
 * every required bit, or when the leaf has no keyUsage at all (Unspecified matches only a usage of 0).
 * Recoverable, {@code errSecInvalidKeyUsageForPolicy} ({@code SecPolicyChecks.list}).
 */
final class KeyUsageCheck implements PathCheck {
    static final KeyUsageCheck INSTANCE = new KeyUsageCheck();

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
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("requiredKeyUsage", KeyUsage.labels(required));
        evidence.put("presentKeyUsage", KeyUsage.labels(present));
        evidence.put("missingKeyUsage", KeyUsage.labels(required & ~present));
        return List.of(Failure.of(FindingCode.KEY_USAGE, 0, evidence));
    }
}
