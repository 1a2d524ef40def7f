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
            case SSL_HOSTNAME:
                return prefix + e.getOrDefault("explanation", "host " + request.host().orElse("") + " does not match") + ".";
            case TEMPORAL_VALIDITY:
            case VALID_LEAF:
            case VALID_INTERMEDIATES:
            case VALID_ROOT:
                return prefix + at + (request.verifyTime().isBefore(c.notBefore()) ? " is not valid before " + c.notBefore()
                        : " expired on " + c.notAfter()) + " (verify time " + request.verifyTime() + ").";
            case WEAK_KEY_SIZE:
            case WEAK_LEAF:
            case WEAK_INTERMEDIATES:
            case WEAK_ROOT:
            case SYSTEM_TRUSTED_WEAK_KEY:
                return prefix + at + " has a " + c.publicKey() + " key; required: "
                        + e.getOrDefault("minimum", "a stronger key") + ".";
            case WEAK_SIGNATURE:
            case SIGNATURE_HASH_ALGORITHMS:
            case SYSTEM_TRUSTED_WEAK_HASH:
                return prefix + at + " is signed with " + c.signatureHash() + ".";
            case EXTENDED_KEY_USAGE:
                return prefix + at + " lists EKU " + e.get("presentEku") + ", none of " + e.get("requiredAnyOf") + ".";
            case SERVER_AUTH_EKU:
                return prefix + ("sub-CA".equals(e.get("position"))
                        ? "intermediate '" + e.get("subCa") + "' (certificate " + e.get("subCaIndex") + ") has EKU "
                        + e.get("presentEku") + " without serverAuth or anyExtendedKeyUsage (recorded on the leaf)"
                        : at + (Boolean.TRUE.equals(e.get("ekuExtensionPresent")) ? " lists EKU " + e.get("presentEku")
                        : " has no EKU extension") + " but must list serverAuth (1.3.6.1.5.5.7.3.1)"
                        + ("other".equals(e.get("anchorType")) ? " because it was issued after " + e.get("cutoff")
                        : " because the chain ends in an Apple-store root")) + ".";
            case VALIDITY_PERIOD_MAXIMUMS:
            case SYSTEM_TRUST_VALIDITY_PERIOD:
            case OTHER_TRUST_VALIDITY_PERIOD:
                return prefix + at + " is valid for " + e.get("lengthSeconds") + " s (" + String.format(java.util.Locale.ROOT,
                        "%.2f", ((Number) e.get("lengthDays")).doubleValue()) + " days), more than " + e.get("limit") + " ("
                        + e.get("limitSeconds") + " s) allowed for leaves issued " + (Boolean.TRUE.equals(e.get("effectiveStrictlyAfter"))
                        ? "after " : "on or after ") + e.get("effective") + ".";
            case KEY_USAGE:
                if (e.containsKey("requiredKeyUsage")) {
                    return prefix + at + " has keyUsage " + e.get("presentKeyUsage") + " without " + e.get("missingKeyUsage")
                            + ", which the SSL policy requires (SecPolicyCreateSSLWithKeyUsage " + e.get("requiredKeyUsage") + ").";
                }
                return prefix + at + (e.isEmpty() ? "" : " " + e) + ".";
            case ANCHOR_TRUSTED:
                return prefix + at + " is not a trusted anchor for this policy.";
            case MISSING_INTERMEDIATE:
                return prefix + at + " is not self-signed and its issuer '" + PathFacts.issuerName(c)
                        + "' was not found.";
            case USAGE_CONSTRAINTS:
                return prefix + at + " carries a Deny trust setting.";
            case ID_LINKAGE:
                return prefix + at + " has authority key identifier " + e.get("authorityKeyIdentifier")
                        + " but its issuer's subject key identifier is " + e.get("issuerSubjectKeyIdentifier") + ".";
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
                if (e.containsKey("cause")) {
                    return prefix + at + ": " + e.get("cause") + " (" + e.getOrDefault("source", "") + ").";
                }
                return prefix + at + (e.isEmpty() ? "" : " " + e) + ".";
        }
    }
}
