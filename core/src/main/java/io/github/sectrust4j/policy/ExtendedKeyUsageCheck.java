package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.Oids;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ExtendedKeyUsage} (§1.2, §2.2): the leaf needs no EKU extension or one of anyEKU,
 * serverAuth, Microsoft SGC, Netscape SGC; from iOS 16 every sub-CA (positions 1 … n−2) with a
 * non-empty EKU extension must list one of them too (failure at the sub-CA).
 */
final class ExtendedKeyUsageCheck implements AppleCheck {
    static final ExtendedKeyUsageCheck INSTANCE = new ExtendedKeyUsageCheck();

    static final List<String> ACCEPTED =
            List.of(Oids.ANY_EXTENDED_KEY_USAGE, Oids.EKU_SERVER_AUTH, Oids.EKU_MS_SGC, Oids.EKU_NS_SGC);

    /** An EKU extension without an accepted purpose: where ("leaf" or "sub-CA"), what counts, what it lists. */
    record EkuWithoutServerAuth(String position, List<String> requiredAnyOf, List<String> presentEku)
            implements Evidence {
        static EkuWithoutServerAuth of(Certificate c, String position) {
            return new EkuWithoutServerAuth(
                    position, ACCEPTED, c.extendedKeyUsage().orElse(List.of()));
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("position", position);
            m.put("requiredAnyOf", requiredAnyOf);
            m.put("presentEku", presentEku);
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.EXTENDED_KEY_USAGE;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.LEAF;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return policy == Policy.SSL_SERVER;
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<Failure> out = new ArrayList<>(0);
        Optional<List<String>> leafEku = path.leaf().extendedKeyUsage();
        if (leafEku.isPresent() && !anyAccepted(leafEku.get())) {
            out.add(Failure.of(FindingCode.EXTENDED_KEY_USAGE, 0, EkuWithoutServerAuth.of(path.leaf(), "leaf")));
        }
        if (rules.subCaExtendedKeyUsage() && path.size() >= 3) {
            for (int i = 1; i <= path.size() - 2; i++) {
                List<String> eku = path.get(i).extendedKeyUsage().orElse(List.of());
                if (!eku.isEmpty() && !anyAccepted(eku)) {
                    out.add(Failure.of(
                            FindingCode.EXTENDED_KEY_USAGE, i, EkuWithoutServerAuth.of(path.get(i), "sub-CA")));
                }
            }
        }
        return out;
    }

    /** True if {@code eku} lists a purpose the SSL policy accepts (a loop: this runs for every certificate). */
    private static boolean anyAccepted(List<String> eku) {
        for (int i = 0, n = eku.size(); i < n; i++) {
            if (ACCEPTED.contains(eku.get(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        EkuWithoutServerAuth e = failure.evidence(EkuWithoutServerAuth.class);
        return failure.code().code() + ": " + context.position() + " lists EKU " + e.presentEku() + ", none of "
                + e.requiredAnyOf() + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                        "§2.2",
                        "the leaf (and from iOS 16 every sub-CA with an EKU extension) must allow serverAuth, "
                                + "anyExtendedKeyUsage or SGC, or have no EKU extension",
                        Confidence.APPLE_CODE)
                .since("8.0");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        String cn = context.displayName();
        List<String> present = failure.evidence(EkuWithoutServerAuth.class).presentEku();
        return failure.index() == 0
                ? "Reissue '" + cn + "' with the extended key usage serverAuth (1.3.6.1.5.5.7.3.1); it lists " + present
                        + "."
                : "Issue from a CA whose extended key usage allows serverAuth (1.3.6.1.5.5.7.3.1) or omits the EKU; the "
                        + "intermediate '" + cn + "' lists only " + present + ".";
    }
}
