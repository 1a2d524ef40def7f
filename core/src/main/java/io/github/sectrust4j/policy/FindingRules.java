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
            case BASIC_CONSTRAINTS:
            case BASIC_CONSTRAINTS_CA:
            case BASIC_CONSTRAINTS_PATH_LEN:
                return Rule.of("§1.6", "CA positions need basicConstraints cA=true and must respect path-length limits",
                        Confidence.APPLE_CODE);
            case BASIC_CERTIFICATE_PROCESSING:
                return Rule.of("§2.3", "RFC 5280 name and policy constraints (recorded under this name before iOS 11.3)",
                        Confidence.APPLE_CODE);
            case CRITICAL_EXTENSIONS:
                return Rule.of("§2.2", "no certificate may carry a critical extension iOS does not know", Confidence.APPLE_CODE);
            case NAME_CONSTRAINTS:
                return Rule.of("§2.3", "names must lie inside the permitted and outside the excluded subtrees of every CA above",
                        Confidence.APPLE_CODE).since("11.3");
            case POLICY_CONSTRAINTS:
                return Rule.of("§2.3", "the RFC 5280 certificate-policy tree must satisfy requireExplicitPolicy/inhibit constraints",
                        Confidence.APPLE_CODE).since("11.3");
            case ANCHOR_TRUSTED:
                return Rule.of("§2.3", "the top certificate must be a trusted anchor (system store, app anchor, or a user root "
                        + "trusted for SSL)", Confidence.APPLE_CODE);
            case MISSING_INTERMEDIATE:
                return Rule.of("§2.3", "the chain must reach a trusted root; a top certificate that is not self-signed means an "
                        + "intermediate is missing", Confidence.APPLE_CODE).since("11.3");
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
            case UNCERTAIN_RULE:
                return Rule.of("§15.1", "the specification cannot decide this point; a deterministic choice was made",
                        Confidence.INFERRED);
            default:
                return Rule.of("§15.1", "the specification cannot decide this point; a deterministic choice was made",
                        Confidence.INFERRED);
        }
    }
}
