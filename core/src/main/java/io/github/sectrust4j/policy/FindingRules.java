package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Rule;
import java.time.Instant;
import java.util.Map;

/** The iOS rule behind each finding code: spec section, one-line summary, confidence, since-release (§2.1, §13). */
final class FindingRules {
    private FindingRules() {
    }

    /** The rule of a recorded failure: its check's own where the catalogue has it. */
    static Rule rule(io.github.sectrust4j.check.Failure f, RuleSet rules) {
        return AppleChecks.explaining(f.code()).map(c -> c.rule(f, rules))
                .orElseGet(() -> rule(f.code(), f.evidence().fields(), rules));
    }

    static Rule rule(FindingCode code, Map<String, Object> evidence, RuleSet rules) {
        switch (code) {
            case SSL_HOSTNAME:
                return Rule.of("§3.1", rules.hostnameRules().commonNameFallback()
                        ? "the host must match a SAN dNSName or, when the SAN has none, the subject CN (iOS ≤ 12)"
                        : "the host must match a SAN dNSName or iPAddress; the subject CN is never used (iOS 13+)",
                        Confidence.APPLE_CODE).since(rules.hostnameRules().commonNameFallback() ? "8.0" : "13.0");
            case TEMPORAL_VALIDITY:
                return Rule.of("§5.1", "a certificate is valid iff notBefore ≤ verify time ≤ notAfter (inclusive)",
                        Confidence.APPLE_CODE).since("11.3");
            case VALID_LEAF:
            case VALID_INTERMEDIATES:
            case VALID_ROOT:
                return Rule.of("§5.1", "a certificate is valid iff notBefore ≤ verify time ≤ notAfter (name before iOS 11.3)",
                        Confidence.APPLE_CODE).since("8.0");
            case WEAK_KEY_SIZE:
            case WEAK_LEAF:
            case WEAK_INTERMEDIATES:
            case WEAK_ROOT:
                return Rule.of("§4.1", "no key may be RSA < 1024 bits, EC < 160 bits or another algorithm than RSA/ECDSA/EdDSA",
                        Confidence.APPLE_CODE).since("10.0");
            case WEAK_SIGNATURE:
                return Rule.of("§2.2", "no certificate that is not self-signed may be signed with MD2/MD4/MD5",
                        Confidence.APPLE_CODE).since("11.3");
            case KEY_USAGE:
                if (evidence.containsKey("requiredKeyUsage")) {
                    return Rule.of("§2.2", "an SSL policy made with SecPolicyCreateSSLWithKeyUsage requires the leaf's "
                            + "keyUsage to hold every required usage, or the leaf to have no keyUsage extension",
                            Confidence.APPLE_CODE);
                }
                return Rule.of("§1.6", "a CA's keyUsage extension, when present, must include keyCertSign", Confidence.APPLE_CODE);
            case EXTENDED_KEY_USAGE:
                return Rule.of("§2.2", "the leaf (and from iOS 16 every sub-CA with an EKU extension) must allow serverAuth, "
                        + "anyExtendedKeyUsage or SGC, or have no EKU extension", Confidence.APPLE_CODE).since("8.0");
            case SERVER_AUTH_EKU: {
                Rule r = Rule.of("§2.2", "system-trusted chains: the leaf must list serverAuth explicitly (and sub-CAs with an "
                        + "EKU must allow it, iOS 14+); other anchors: leaves issued after 2019-06-30T23:00:00Z must list serverAuth; "
                        + "user-installed roots are exempt", Confidence.APPLE_CODE).since("13.0");
                return "other".equals(evidence.get("anchorType")) ? r.effectiveFrom(RuleSet.JULY_2019_CUTOFF) : r;
            }
            case BLACK_LISTED_LEAF:
            case BLACK_LISTED_KEY:
                if (evidence.containsKey("cutoff")) {
                    return Rule.of("§11.5", "WoSign/StartCom roots: certificates issued below them on or after 2016-12-01 are blocked",
                            Confidence.APPLE_CODE).effectiveFrom(Instant.parse((String) evidence.get("cutoff"))).since("10.2");
                }
                return Rule.of("§2.2", "certificates whose key (SHA-1 of the subjectPublicKey) is on Apple's blocked list, and the "
                        + "nine Comodo 2011 serials, are blocked (fatal)", Confidence.APPLE_CODE).since("8.0");
            case GRAY_LISTED_LEAF:
            case GRAY_LISTED_KEY:
                return Rule.of("§2.2", "certificates whose key is on Apple's distrusted list are not trusted", Confidence.APPLE_CODE)
                        .since("8.0");
            case ID_LINKAGE:
                return Rule.of("§2.2", "a child's authorityKeyIdentifier must equal its issuer's subjectKeyIdentifier when both exist",
                        Confidence.APPLE_CODE).since("8.0");
            case BASIC_CONSTRAINTS:
            case BASIC_CONSTRAINTS_CA:
            case BASIC_CONSTRAINTS_PATH_LEN:
                return Rule.of("§1.6", "CA positions need basicConstraints cA=true and must respect path-length limits",
                        Confidence.APPLE_CODE);
            case BASIC_CERTIFICATE_PROCESSING:
                return Rule.of("§2.3", "RFC 5280 name and policy constraints (recorded under this name before iOS 11.3)",
                        Confidence.APPLE_CODE);
            case NON_EMPTY_SUBJECT:
                return Rule.of("§2.2", "a CA must have a non-empty subject; a non-CA with an empty subject needs a critical SAN",
                        Confidence.APPLE_CODE);
            case CRITICAL_EXTENSIONS:
                return Rule.of("§2.2", "no certificate may carry a critical extension iOS does not know", Confidence.APPLE_CODE);
            case UNPARSEABLE_EXTENSION:
                return Rule.of("§2.2", "known extensions must parse", Confidence.APPLE_CODE).since("13.0");
            case DUPLICATE_EXTENSION:
                return Rule.of("§2.2", "an extension may occur only once", Confidence.APPLE_CODE).since("15.0");
            case NAME_CONSTRAINTS:
                return Rule.of("§2.3", "names must lie inside the permitted and outside the excluded subtrees of every CA above",
                        Confidence.APPLE_CODE).since("11.3");
            case POLICY_CONSTRAINTS:
                return Rule.of("§2.3", "the RFC 5280 certificate-policy tree must satisfy requireExplicitPolicy/inhibit constraints",
                        Confidence.APPLE_CODE).since("11.3");
            case SIGNATURE_HASH_ALGORITHMS:
                return Rule.of("§4.2", "TLS chains: no certificate that is not self-signed may be signed with MD5 or SHA-1 "
                        + "(a user-installed anchor at the top is exempt)", Confidence.APPLE_CODE).since("13.0");
            case SYSTEM_TRUSTED_WEAK_KEY:
                return Rule.of("§4.3", "chains ending in an Apple-store root: every non-anchor key RSA ≥ 2048 or EC ≥ 224 "
                        + "(all apps; the iOS 10.3 Safari-only variant is not modelled: the caller is not Safari)",
                        Confidence.APPLE_CODE).since("11.0");
            case SYSTEM_TRUSTED_WEAK_HASH:
                return Rule.of("§4.3", "chains ending in an Apple-store root: no SHA-1/MD5 or unknown-hash signature below the anchor "
                        + "(all apps from iOS 11; iOS 10.3 enforced it in Safari only, and the modelled caller is not Safari)",
                        Confidence.APPLE_CODE).since("11.0");
            case VALIDITY_PERIOD_MAXIMUMS:
            case SYSTEM_TRUST_VALIDITY_PERIOD:
            case OTHER_TRUST_VALIDITY_PERIOD: {
                String limit = String.valueOf(evidence.getOrDefault("limit", "the maximum"));
                boolean strict = Boolean.TRUE.equals(evidence.get("effectiveStrictlyAfter"));
                String from = String.valueOf(evidence.getOrDefault("effective", ""));
                Rule r = Rule.of("§5.2", "leaf validity (notAfter − notBefore, seconds) ≤ " + limit + " for leaves issued "
                        + (strict ? "after " : "on or after ") + from + " ("
                        + ("system".equals(evidence.get("table")) ? "Apple-store roots" : "all other anchors") + ")",
                        Confidence.APPLE_CODE).since(code == FindingCode.VALIDITY_PERIOD_MAXIMUMS ? "13.0" : "16.0");
                return evidence.containsKey("effective") ? r.effectiveFrom(Instant.parse(from)) : r;
            }
            case ANCHOR_TRUSTED:
                return Rule.of("§2.3", "the top certificate must be a trusted anchor (system store, app anchor, or a user root "
                        + "trusted for SSL)", Confidence.APPLE_CODE);
            case MISSING_INTERMEDIATE:
                return Rule.of("§2.3", "the chain must reach a trusted root; a top certificate that is not self-signed means an "
                        + "intermediate is missing", Confidence.APPLE_CODE).since("11.3");
            case USAGE_CONSTRAINTS:
                return Rule.of("§7.3", "a certificate whose trust setting is Deny makes the chain denied", Confidence.APPLE_CODE)
                        .since("10.0");
            case REVOCATION:
                return Rule.of("§9", "a revoked certificate is fatal", Confidence.APPLE_CODE);
            case REVOCATION_RESPONSE_REQUIRED:
                return Rule.of("§9.5", "a positive revocation response was required", Confidence.APPLE_CODE).since("9.0");
            case CT_REQUIRED:
            case SYSTEM_TRUSTED_CT_REQUIRED:
                if (Boolean.TRUE.equals(evidence.get("logListMayBeOutdated"))) {
                    return Rule.of("§8.1, §8.4", "publicly trusted leaves issued on or after 2018-10-16 must satisfy Apple's"
                            + " CT policy; judged with a log list that may be out of date (an SCT names a log it does not"
                            + " know), so a current device may decide otherwise", Confidence.INFERRED)
                            .effectiveFrom(Instant.parse("2018-10-16T00:00:00Z")).since("12.1.1");
                }
                return Rule.of("§8.1", "publicly trusted leaves issued on or after 2018-10-16 must satisfy Apple's CT policy",
                        Confidence.APPLE_CODE).effectiveFrom(Instant.parse("2018-10-16T00:00:00Z")).since("12.1.1");
            case ISSUER_POLICY_CONSTRAINTS:
            case ISSUER_NAME_CONSTRAINTS:
                return Rule.of("§9.2", "Apple's Valid service restricts what this issuer may issue", Confidence.APPLE_CODE).since("10.3");
            case PATH_BUDGET_EXCEEDED:
                return Rule.of("§1.4", "path building is bounded (iOS stops after 100 paths)", Confidence.INFERRED);
            case VERIFICATION_BUDGET_EXCEEDED:
                return Rule.of("§1.4", "the library bounds the public-key verifications of one evaluation (certificate,"
                        + " SCT and OCSP signatures); what it could not verify counts as failed. Raise the limit with"
                        + " SecTrust.withBudget(PathBudget.withMaxVerifications(...))", Confidence.INFERRED);
            case EXTENDED_VALIDATION:
                return Rule.of("§10", "Extended Validation status (information only)", Confidence.APPLE_CODE);
            case CT_LOG_LIST_MAY_BE_OUTDATED:
                return Rule.of("§8.4", "SCTs count only from logs in the device's CT log list, which Apple updates over"
                        + " the air; a list older than the evaluation may lack logs a current device trusts",
                        Confidence.INFERRED);
            case CERTIFICATE_TRANSPARENCY:
                return Rule.of("§8.3", "CT qualification from the SCTs of the three sources (information only)",
                        Confidence.APPLE_CODE).since("9.0");
            case USER_EXCEPTIONS:
                return Rule.of("§12.4", "SecTrustSetExceptions keeps exceptions only if their first entry is the leaf's "
                        + "SHA-1 and they were made in the current exception epoch", Confidence.APPLE_CODE);
            case DIRECT_TRUST:
                return Rule.of("§7.3", "a user-store certificate that is not self-signed is an anchor when its trust setting "
                        + "is TrustAsRoot; the path ends at it", Confidence.APPLE_CODE);
            case UNCERTAIN_RULE:
                return Rule.of("§15.1", "the specification cannot decide this point; a deterministic choice was made",
                        Confidence.INFERRED);
            default:
                return Rule.of("§15.1", "the specification cannot decide this point; a deterministic choice was made",
                        Confidence.INFERRED);
        }
    }
}
