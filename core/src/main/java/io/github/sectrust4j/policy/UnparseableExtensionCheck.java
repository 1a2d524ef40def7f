package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** {@code UnparseableExtension} (§2.2, iOS 13+): a known non-critical extension that fails to parse. */
final class UnparseableExtensionCheck implements PathCheck {
    static final UnparseableExtensionCheck INSTANCE = new UnparseableExtensionCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            if (!path.get(i).unparseableExtensions().isEmpty()) {
                out.add(Failure.of(FindingCode.UNPARSEABLE_EXTENSION, i,
                        Evidence.of("extensions", List.copyOf(new TreeSet<>(path.get(i).unparseableExtensions())))));
            }
        }
        return out;
    }
}
