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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code IdLinkage} (§2.2): walking from the top down, a parent's SKI and the child's AKI keyIdentifier,
 * when both exist, must be byte-equal; failure at the child's index. Missing SKI/AKI is fine.
 */
final class IdLinkageCheck implements AppleCheck {
    static final IdLinkageCheck INSTANCE = new IdLinkageCheck();

    /** The child's AKI keyIdentifier, its issuer's SKI (hex) and the issuer's name. */
    record KeyIdMismatch(String authorityKeyIdentifier, String issuerSubjectKeyIdentifier, String issuer)
            implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("authorityKeyIdentifier", authorityKeyIdentifier);
            m.put("issuerSubjectKeyIdentifier", issuerSubjectKeyIdentifier);
            m.put("issuer", issuer);
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.ID_LINKAGE;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.ID_LINKAGE;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<Failure> out = null; // nearly every path links: no list, no copies of the identifiers
        for (int child = path.size() - 2; child >= 0; child--) {
            Certificate issuer = path.get(child + 1);
            if (path.get(child).authorityKeyIdentifierContradicts(issuer)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(Failure.of(
                        FindingCode.ID_LINKAGE,
                        child,
                        new KeyIdMismatch(
                                HexFormat.of()
                                        .formatHex(path.get(child)
                                                .authorityKeyIdentifier()
                                                .orElseThrow()),
                                HexFormat.of()
                                        .formatHex(issuer.subjectKeyIdentifier().orElseThrow()),
                                PathFacts.displayName(issuer))));
            }
        }
        return out == null ? List.of() : out;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        KeyIdMismatch e = failure.evidence(KeyIdMismatch.class);
        return failure.code().code() + ": " + context.position() + " has authority key identifier "
                + e.authorityKeyIdentifier() + " but its issuer's subject key identifier is "
                + e.issuerSubjectKeyIdentifier() + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                        "§2.2",
                        "a child's authorityKeyIdentifier must equal its issuer's subjectKeyIdentifier when both exist",
                        Confidence.APPLE_CODE)
                .since("8.0");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "The authority key identifier of '" + context.displayName() + "' does not match the key identifier of '"
                + failure.evidence(KeyIdMismatch.class).issuer()
                + "': send the intermediate that actually issued it, or reissue.";
    }
}
