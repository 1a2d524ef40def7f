package io.github.sectrust4j.policy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;

/**
 * {@code GrayListedLeaf} (§2.2, Recoverable): the leaf's subjectPublicKey SHA-1 is on the distrusted list. Apple's
 * Valid data records the same code (with its own cause and remedy); this check explains those failures too.
 */
final class GrayListedLeafCheck implements AppleCheck {
    static final GrayListedLeafCheck INSTANCE = new GrayListedLeafCheck();

    @Override
    public FindingCode code() {
        return FindingCode.GRAY_LISTED_LEAF;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.LEAF;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        Certificate leaf = path.leaf();
        return request.systemStore()
                .flatMap(s ->
                        ListedKeyCheck.ifListed(ListedKeyCheck.DISTRUSTED, FindingCode.GRAY_LISTED_LEAF, 0, leaf, s))
                .map(List::of)
                .orElse(List.of());
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return Messages.generic(failure, context.path());
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return ListedKeyCheck.distrusted();
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return ListedKeyCheck.replaceDistrusted(context);
    }
}
