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
import io.github.sectrust4j.truststores.AppleTrustStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code BlackListedKey} (Fatal) and {@code GrayListedKey} (Recoverable) (§2.2, §1.6 step 6): the
 * store's blocked/distrusted key lists applied to every certificate at index ≥ 1 that is not the
 * anchored top. Valid allow-listing suppresses both ({@link Policies#validatorFor(EvaluationRequest, List, List,
 * java.util.function.Predicate)}). Both codes are forced. Apple's Valid data records them too (with its own
 * cause and remedy), and the WoSign/StartCom block records {@code BlackListedKey} ({@link WoSignStartComCheck}):
 * this check explains those failures by their own evidence.
 */
final class ListedKeyCheck implements AppleCheck {
    static final ListedKeyCheck BLACK = new ListedKeyCheck(FindingCode.BLACK_LISTED_KEY);
    static final ListedKeyCheck GRAY = new ListedKeyCheck(FindingCode.GRAY_LISTED_KEY);

    /** A certificate whose key (SHA-1 of the subjectPublicKey) is on one of the trust store's lists. */
    record ListedKey(String list, String subjectPublicKeySha1, int trustStoreVersion) implements Evidence {
        static ListedKey of(String list, Certificate c, AppleTrustStore store) {
            return new ListedKey(list, c.publicKey().subjectPublicKeySha1Hex(), store.version());
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("list", list);
            m.put("subjectPublicKeySha1", subjectPublicKeySha1);
            m.put("trustStoreVersion", trustStoreVersion);
            return m;
        }
    }

    static final String BLOCKED = "blocked keys";
    static final String DISTRUSTED = "distrusted keys";

    private final FindingCode code;

    private ListedKeyCheck(FindingCode code) {
        this.code = code;
    }

    @Override
    public FindingCode code() {
        return code;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.KEY_LISTS;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
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
            ifListed(code == FindingCode.BLACK_LISTED_KEY ? BLOCKED : DISTRUSTED, code, i, path.get(i), store)
                    .ifPresent(out::add);
        }
        return out;
    }

    /**
     * The failure of {@code code} at {@code index} when the certificate's key is on the store's {@code list}
     * ({@link #BLOCKED} or {@link #DISTRUSTED}); shared with the leaf checks of the same lists.
     */
    static Optional<Failure> ifListed(String list, FindingCode code, int index, Certificate c, AppleTrustStore store) {
        byte[] keySha1 = c.publicKey().subjectPublicKeySha1View(); // the stores only read it
        boolean listed = list.equals(BLOCKED) ? store.isBlockedKey(keySha1) : store.isGrayListedKey(keySha1);
        return listed ? Optional.of(Failure.of(code, index, ListedKey.of(list, c, store))) : Optional.empty();
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        if (failure.carries(WoSignStartComCheck.IssuedAfterCutoff.class)) {
            return WoSignStartComCheck.INSTANCE.message(failure, context);
        }
        return Messages.generic(failure, context.path());
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        if (failure.carries(WoSignStartComCheck.IssuedAfterCutoff.class)) {
            return WoSignStartComCheck.INSTANCE.rule(failure, rules);
        }
        return code == FindingCode.BLACK_LISTED_KEY ? blocked() : distrusted();
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        if (failure.carries(WoSignStartComCheck.IssuedAfterCutoff.class)) {
            return WoSignStartComCheck.INSTANCE.remedy(failure, context);
        }
        return code == FindingCode.BLACK_LISTED_KEY ? replaceBlocked(context) : replaceDistrusted(context);
    }

    /** The rule of a blocked key or leaf. */
    static Rule blocked() {
        return Rule.of(
                        "§2.2",
                        "certificates whose key (SHA-1 of the subjectPublicKey) is on Apple's blocked list, and the "
                                + "nine Comodo 2011 serials, are blocked (fatal)",
                        Confidence.APPLE_CODE)
                .since("8.0");
    }

    /** The rule of a distrusted (gray-listed) key or leaf. */
    static Rule distrusted() {
        return Rule.of(
                        "§2.2",
                        "certificates whose key is on Apple's distrusted list are not trusted",
                        Confidence.APPLE_CODE)
                .since("8.0");
    }

    static String replaceBlocked(FailureContext context) {
        return "Replace '" + context.displayName()
                + "' and its key: Apple blocks it. No setting or exception can override this.";
    }

    static String replaceDistrusted(FailureContext context) {
        return "Replace '" + context.displayName()
                + "': Apple distrusts its key; use a certificate (and key) from another CA.";
    }
}
