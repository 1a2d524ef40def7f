package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.SubjectAltName;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code NonEmptySubject} (§2.2): a CA needs a non-empty subject; a non-CA with an empty subject must
 * carry a critical subjectAltName.
 */
final class NonEmptySubjectCheck implements AppleCheck {
    static final NonEmptySubjectCheck INSTANCE = new NonEmptySubjectCheck();

    /** An empty subject on a CA, or on a non-CA without a critical subjectAltName. */
    record EmptySubject(boolean ca, boolean subjectAltNamePresent, boolean subjectAltNameCritical) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ca", ca);
            m.put("subjectAltNamePresent", subjectAltNamePresent);
            m.put("subjectAltNameCritical", subjectAltNameCritical);
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.NON_EMPTY_SUBJECT;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.PATH;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<Failure> out = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            Certificate c = path.get(i);
            if (!c.subject().isEmpty()) {
                continue;
            }
            boolean ca = PathFacts.isCa(path, i);
            boolean criticalSan =
                    c.subjectAltName().map(SubjectAltName::critical).orElse(false);
            if (ca || !criticalSan) {
                out.add(Failure.of(
                        FindingCode.NON_EMPTY_SUBJECT,
                        i,
                        new EmptySubject(ca, c.subjectAltName().isPresent(), criticalSan)));
            }
        }
        return out;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return Messages.generic(failure, context.path());
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                "§2.2",
                "a CA must have a non-empty subject; a non-CA with an empty subject needs a critical SAN",
                Confidence.APPLE_CODE);
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "Reissue '" + context.displayName()
                + "' with a non-empty subject (a certificate with an empty subject must mark its "
                + "subjectAltName critical, and a CA always needs a subject).";
    }
}
