package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Rule;
import java.util.Map;

/** The iOS rule behind each finding code: spec section, one-line summary, confidence, since-release (§2.1, §13). */
final class FindingRules {
    private FindingRules() {}

    /** The rule of a recorded failure: its check's own where the catalogue has it. */
    static Rule rule(io.github.sectrust4j.check.Failure f, RuleSet rules) {
        return AppleChecks.explaining(f)
                .map(c -> c.rule(f, rules))
                .orElseGet(() -> rule(f.code(), f.evidence().fields(), rules));
    }

    static Rule rule(FindingCode code, Map<String, Object> evidence, RuleSet rules) {
        switch (code) {
            case ANCHOR_TRUSTED:
                return Rule.of(
                        "§2.3",
                        "the top certificate must be a trusted anchor (system store, app anchor, or a user root "
                                + "trusted for SSL)",
                        Confidence.APPLE_CODE);
            case MISSING_INTERMEDIATE:
                return Rule.of(
                                "§2.3",
                                "the chain must reach a trusted root; a top certificate that is not self-signed means an "
                                        + "intermediate is missing",
                                Confidence.APPLE_CODE)
                        .since("11.3");
            case USER_EXCEPTIONS:
                return Rule.of(
                        "§12.4",
                        "SecTrustSetExceptions keeps exceptions only if their first entry is the leaf's "
                                + "SHA-1 and they were made in the current exception epoch",
                        Confidence.APPLE_CODE);
            case UNCERTAIN_RULE:
                return Rule.of(
                        "§15.1",
                        "the specification cannot decide this point; a deterministic choice was made",
                        Confidence.INFERRED);
            default:
                return Rule.of(
                        "§15.1",
                        "the specification cannot decide this point; a deterministic choice was made",
                        Confidence.INFERRED);
        }
    }
}
