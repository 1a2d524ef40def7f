package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.Map;

/** One-sentence messages naming the certificate and the concrete values. */
final class Messages {
    private Messages() {}

    static String position(CandidatePath path, int index) {
        if (index < 0 || index >= path.size()) {
            return "the chain";
        }
        String role = index == 0
                ? "leaf"
                : index == path.topIndex() ? (path.anchored() ? "anchor" : "top certificate") : "intermediate";
        return role + " '" + PathFacts.displayName(path.get(index)) + "' (certificate " + index + ")";
    }

    static String message(Failure f, CandidatePath path, EvaluationRequest request, RuleSet rules) {
        java.util.Optional<CheckDescriptor> check = AppleChecks.explaining(f);
        if (check.isPresent()) {
            return check.get().message(f, new FailureContext(f, path, request, rules));
        }
        return generic(f, path);
    }

    /** A failure named with its evidence as recorded (or the cause a Valid entry gave). */
    static String generic(Failure f, CandidatePath path) {
        Map<String, Object> e = f.evidence().fields();
        String at = f.code().code() + ": " + position(path, f.index());
        if (f.evidence().record() instanceof ValidCheck.ValidEntry valid) {
            return at + ": " + valid.failure().cause() + " (Valid database).";
        }
        return at + (e.isEmpty() ? "" : " " + e) + ".";
    }
}
