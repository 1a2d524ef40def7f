package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.Map;

/** One-sentence messages naming the certificate and the concrete values. */
final class Messages {
    private Messages() {
    }

    static String position(CandidatePath path, int index) {
        if (index < 0 || index >= path.size()) {
            return "the chain";
        }
        String role = index == 0 ? "leaf" : index == path.topIndex() ? (path.anchored() ? "anchor" : "top certificate")
                : "intermediate";
        return role + " '" + PathFacts.displayName(path.get(index)) + "' (certificate " + index + ")";
    }

    static String message(Failure f, CandidatePath path, EvaluationRequest request, RuleSet rules) {
        java.util.Optional<AppleCheck> check = AppleChecks.explaining(f.code());
        if (check.isPresent()) {
            return check.get().message(f, new FailureContext(f, path, request, rules));
        }
        Map<String, Object> e = f.evidence().fields();
        String at = position(path, f.index());
        Certificate c = f.index() >= 0 && f.index() < path.size() ? path.get(f.index()) : path.leaf();
        String prefix = f.code().code() + ": ";
        switch (f.code()) {
            case ANCHOR_TRUSTED:
                return prefix + at + " is not a trusted anchor for this policy.";
            case MISSING_INTERMEDIATE:
                return prefix + at + " is not self-signed and its issuer '" + PathFacts.issuerName(c)
                        + "' was not found.";
            case REVOCATION:
                if ("OCSP".equals(e.get("source"))) {
                    return prefix + at + " is revoked according to a valid OCSP response (reason " + e.get("reason")
                            + (e.containsKey("revocationTime") ? ", revoked " + e.get("revocationTime") : "") + ").";
                }
                return prefix + at + ": " + e.getOrDefault("cause", "revoked") + " (Valid database, reason 0).";
            case REVOCATION_RESPONSE_REQUIRED:
                return prefix + at + " has no valid OCSP response (state " + e.get("revocationState")
                        + ") although the app requires a positive revocation response.";
            case CT_REQUIRED:
            case SYSTEM_TRUSTED_CT_REQUIRED:
                return prefix + e.getOrDefault("ctSummary", "not CT-qualified") + (e.containsKey("detail")
                        ? "; " + e.get("detail") : "") + (e.containsKey("requiredBy") ? "; CT required by the "
                        + e.get("requiredBy") : "") + (Boolean.TRUE.equals(e.get("logListMayBeOutdated"))
                        ? "; uncertain: an SCT names a log unknown to the " + e.get("logListSource") + " (dated "
                        + e.get("logListDate") + "), which may be out of date" : "") + ".";
            case VERIFICATION_BUDGET_EXCEEDED:
                return prefix + "the verification budget of this evaluation was exhausted after " + e.get("verifications")
                        + " public-key verifications (limit maxVerifications = " + e.get("maxVerifications") + ": "
                        + e.get("certificateSignatures") + " certificate, " + e.get("sctSignatures") + " SCT, "
                        + e.get("ocspSignatures") + " OCSP signatures); what could not be verified counts as failed.";
            default:
                return generic(f, path);
        }
    }

    /** A failure named with its evidence as recorded (or the cause an integration gave). */
    static String generic(Failure f, CandidatePath path) {
        Map<String, Object> e = f.evidence().fields();
        String at = f.code().code() + ": " + position(path, f.index());
        if (e.containsKey("cause")) {
            return at + ": " + e.get("cause") + " (" + e.getOrDefault("source", "") + ").";
        }
        return at + (e.isEmpty() ? "" : " " + e) + ".";
    }
}
