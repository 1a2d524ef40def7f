package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.path.HardCodedRoots;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.truststores.HardCodedTrust;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hard-coded WoSign/StartCom issuance-date block (§11.5, from iOS 10.2 / trust store 2016102100):
 * if one of the seven roots (by SHA-256, anywhere in the chain) has a certificate below it with
 * notBefore ≥ 2016-12-01T00:00:00Z, {@code BlackListedKey} (Fatal, forced) at the root's index. Apple records it
 * under the key-list check's name, so that check ({@link ListedKeyCheck#BLACK}) is the one the catalogue finds for
 * the code; it hands failures carrying this check's record back here.
 */
final class WoSignStartComCheck implements AppleCheck {
    static final WoSignStartComCheck INSTANCE = new WoSignStartComCheck();

    /** A certificate below a WoSign/StartCom root issued on or after the cut-off. */
    record IssuedAfterCutoff(Instant cutoff, int offendingIndex, Instant offendingNotBefore) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", "WoSign/StartCom issuance-date block");
            m.put("cutoff", cutoff.toString());
            m.put("offendingIndex", offendingIndex);
            m.put("offendingNotBefore", offendingNotBefore.toString());
            return m;
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.BLACK_LISTED_KEY;
    }

    /** None of its own: explained through {@link ListedKeyCheck#BLACK}, which records the same code. */
    @Override
    public Set<FindingCode> recordedAs() {
        return Set.of();
    }

    @Override
    public CheckStage stage() {
        return CheckStage.DISTRUSTED_CAS;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return rules.woSignStartComRule();
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<Failure> out = new ArrayList<>();
        for (int root = 1; root < path.size(); root++) {
            if (!HardCodedRoots.isWoSignStartComRoot(path.get(root))) {
                continue;
            }
            for (int below = 0; below < root; below++) {
                if (!path.get(below).notBefore().isBefore(HardCodedTrust.WOSIGN_STARTCOM_CUTOFF)) {
                    out.add(Failure.of(
                            FindingCode.BLACK_LISTED_KEY,
                            root,
                            new IssuedAfterCutoff(
                                    HardCodedTrust.WOSIGN_STARTCOM_CUTOFF,
                                    below,
                                    path.get(below).notBefore())));
                    break;
                }
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
                        "§11.5",
                        "WoSign/StartCom roots: certificates issued below them on or after 2016-12-01 are blocked",
                        Confidence.APPLE_CODE)
                .effectiveFrom(failure.evidence(IssuedAfterCutoff.class).cutoff())
                .since("10.2");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "Replace the certificate: Apple blocks WoSign/StartCom certificates issued on or after 2016-12-01 "
                + "(root '" + context.displayName()
                + "'); get a certificate from another CA. No setting can override this.";
    }
}
