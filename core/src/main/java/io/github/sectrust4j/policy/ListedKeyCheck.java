package io.github.sectrust4j.policy;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.truststores.AppleTrustStore;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code BlackListedKey} (Fatal) and {@code GrayListedKey} (Recoverable) (§2.2, §1.6 step 6): the
 * store's blocked/distrusted key lists applied to every certificate at index ≥ 1 that is not the
 * anchored top. Valid allow-listing suppresses both ({@link Policies#validatorFor(EvaluationRequest, List, List,
 * java.util.function.Predicate)}).
 */
final class ListedKeyCheck implements PathCheck {
    static final ListedKeyCheck BLACK = new ListedKeyCheck(FindingCode.BLACK_LISTED_KEY);
    static final ListedKeyCheck GRAY = new ListedKeyCheck(FindingCode.GRAY_LISTED_KEY);

    private final FindingCode code;

    private ListedKeyCheck(FindingCode code) {
        this.code = code;
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        if (request.systemStore().isEmpty()) {
            return List.of();
        }
        AppleTrustStore store = request.systemStore().get();
        int last = path.anchored() ? path.topIndex() - 1 : path.topIndex();
        List<Failure> out = new ArrayList<>();
        for (int i = 1; i <= last; i++) {
            byte[] keySha1 = path.get(i).publicKey().subjectPublicKeySha1();
            boolean listed = code == FindingCode.BLACK_LISTED_KEY ? store.isBlockedKey(keySha1) : store.isGrayListedKey(keySha1);
            if (listed) {
                out.add(Failure.of(code, i, Evidence.of("list", code == FindingCode.BLACK_LISTED_KEY ? "blocked keys"
                        : "distrusted keys", "subjectPublicKeySha1", path.get(i).publicKey().subjectPublicKeySha1Hex(),
                        "trustStoreVersion", store.version())));
            }
        }
        return out;
    }
}
