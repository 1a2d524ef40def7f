package io.github.sectrust4j.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;

/**
 * Runs one {@link AppleCheck} on a path and explains its failure the way reports do (through the catalogue:
 * {@link Messages}, {@link FindingRules}, {@link Remedies}), for the per-check tests.
 */
final class CheckTestSupport {
    private CheckTestSupport() {}

    /** A recorded failure with its message, rule and remedy. */
    record Explained(Failure failure, String message, Rule rule, String remedy) {}

    /** The check's failures on the path, run directly. */
    static List<Failure> run(AppleCheck check, CandidatePath path, EvaluationRequest request) {
        return check.check(path, request, RuleSet.forRelease(request.release()));
    }

    /**
     * The failure {@code code} as a full validation records it (the check runs from the catalogue and counts),
     * explained; asserts the catalogue names {@code check} as its explanation.
     */
    static Explained recorded(AppleCheck check, FindingCode code, CandidatePath path, EvaluationRequest request) {
        assertThat(AppleChecks.explaining(code)).contains(check);
        PathValidation v = PolicyTestSupport.validate(path, request);
        Failure f =
                PolicyTestSupport.failure(v, code).orElseThrow(() -> new AssertionError(code + " not recorded: " + v));
        return explain(f, path, request);
    }

    static Explained explain(Failure f, CandidatePath path, EvaluationRequest request) {
        RuleSet rules = RuleSet.forRelease(request.release());
        return new Explained(
                f,
                Messages.message(f, path, request, rules),
                FindingRules.rule(f, rules),
                Remedies.remedy(f, path, request, rules));
    }

    /** Whether a full validation records {@code code}. */
    static boolean records(FindingCode code, CandidatePath path, EvaluationRequest request) {
        return PolicyTestSupport.codes(PolicyTestSupport.validate(path, request))
                .contains(code);
    }
}
