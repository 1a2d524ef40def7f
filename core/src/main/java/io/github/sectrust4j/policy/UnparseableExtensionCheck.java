package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** {@code UnparseableExtension} (§2.2, iOS 13+): a known non-critical extension that fails to parse. */
final class UnparseableExtensionCheck implements AppleCheck {
    static final UnparseableExtensionCheck INSTANCE = new UnparseableExtensionCheck();

    /** The offending extensions of one certificate, by OID in sorted order (also {@code DuplicateExtension}'s). */
    record Extensions(List<String> extensions) implements Evidence {
        static Extensions sorted(Collection<String> oids) {
            return new Extensions(List.copyOf(new TreeSet<>(oids)));
        }

        /** One failure of {@code code} per certificate of the path whose {@code oids} are not empty. */
        static List<Failure> perCertificate(
                CandidatePath path, FindingCode code, Function<Certificate, Set<String>> oids) {
            List<Failure> out = new ArrayList<>();
            for (int i = 0; i < path.size(); i++) {
                Set<String> found = oids.apply(path.get(i));
                if (!found.isEmpty()) {
                    out.add(Failure.of(code, i, sorted(found)));
                }
            }
            return out;
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("extensions", extensions);
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.UNPARSEABLE_EXTENSION;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.PATH;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return rules.unparseableExtension();
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        return Extensions.perCertificate(path, FindingCode.UNPARSEABLE_EXTENSION, Certificate::unparseableExtensions);
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return Messages.generic(failure, context.path());
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of("§2.2", "known extensions must parse", Confidence.APPLE_CODE)
                .since("13.0");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "Reissue '" + context.displayName() + "' without the malformed extension(s) "
                + failure.evidence(Extensions.class).extensions() + ".";
    }
}
