package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Rule;

/** The iOS rule behind each finding code: spec section, one-line summary, confidence, since-release (§2.1, §13). */
final class FindingRules {
    private FindingRules() {}

    /** The rule of a recorded failure: its check's own where the catalogue has it. */
    static Rule rule(io.github.sectrust4j.check.Failure f, RuleSet rules) {
        return AppleChecks.explaining(f).map(c -> c.rule(f, rules)).orElseGet(() -> rule(f.code(), rules));
    }

    static Rule rule(FindingCode code, RuleSet rules) {
        switch (code) {
            case USER_EXCEPTIONS:
                return Rule.of(
                        "§12.4",
                        "SecTrustSetExceptions keeps exceptions only if their first entry is the leaf's "
                                + "SHA-1 and they were made in the current exception epoch",
                        Confidence.APPLE_CODE);
            default: // UncertainRule, and any code without a rule of its own
                return Rule.of(
                        "§15.1",
                        "the specification cannot decide this point; a deterministic choice was made",
                        Confidence.INFERRED);
        }
    }
}
