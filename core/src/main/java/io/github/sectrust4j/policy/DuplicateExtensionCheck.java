package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** {@code DuplicateExtension} (§2.2, iOS 15+): the same extension OID occurs twice. */
final class DuplicateExtensionCheck implements PathCheck {
    static final DuplicateExtensionCheck INSTANCE = new DuplicateExtensionCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            if (!path.get(i).duplicateExtensions().isEmpty()) {
                out.add(Failure.of(FindingCode.DUPLICATE_EXTENSION, i,
                        Evidence.of("extensions", List.copyOf(new TreeSet<>(path.get(i).duplicateExtensions())))));
            }
        }
        return out;
    }
}
