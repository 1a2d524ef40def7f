package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.SubjectAltName;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code NonEmptySubject} (§2.2): a CA needs a non-empty subject; a non-CA with an empty subject must
 * carry a critical subjectAltName.
 */
final class NonEmptySubjectCheck implements PathCheck {
    static final NonEmptySubjectCheck INSTANCE = new NonEmptySubjectCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            Certificate c = path.get(i);
            if (!c.subject().isEmpty()) {
                continue;
            }
            boolean ca = PathFacts.isCa(path, i);
            boolean criticalSan = c.subjectAltName().map(SubjectAltName::critical).orElse(false);
            if (ca || !criticalSan) {
                out.add(Failure.of(FindingCode.NON_EMPTY_SUBJECT, i, Evidence.of("ca", ca,
                        "subjectAltNamePresent", c.subjectAltName().isPresent(), "subjectAltNameCritical", criticalSan)));
            }
        }
        return out;
    }
}
