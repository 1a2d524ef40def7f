package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import java.util.List;

/** {@code GrayListedLeaf} (§2.2, Recoverable): the leaf's subjectPublicKey SHA-1 is on the distrusted list. */
final class GrayListedLeafCheck implements PathCheck {
    static final GrayListedLeafCheck INSTANCE = new GrayListedLeafCheck();

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        Certificate leaf = path.leaf();
        boolean listed = request.systemStore()
                .map(s -> s.isGrayListedKey(leaf.publicKey().subjectPublicKeySha1())).orElse(false);
        return listed ? List.of(Failure.of(FindingCode.GRAY_LISTED_LEAF, 0, Evidence.of("list", "distrusted keys",
                "subjectPublicKeySha1", leaf.publicKey().subjectPublicKeySha1Hex(),
                "trustStoreVersion", request.systemStore().get().version()))) : List.of();
    }
}
