package io.github.sectrust4j.policy;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.KeySizeCheck.WeakKey;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import io.github.sectrust4j.policy.rfc5280.WeakPublicKey;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import java.util.Set;

/**
 * {@code WeakKeySize} on the leaf in the leaf phase (§1.6, §2.2: RSA &lt; 1024, EC &lt; 160, DSA/other), from
 * iOS 10; {@code WeakLeaf}/{@code WeakIntermediates}/{@code WeakRoot} before 11.3. The whole-path version
 * belongs to RFC 5280 processing (§2.3 step 6), whose failures this check explains too.
 */
final class LeafWeakKeyCheck implements AppleCheck {
    static final LeafWeakKeyCheck INSTANCE = new LeafWeakKeyCheck();
    static final String MINIMUM = "RSA ≥ 1024 bits or EC ≥ 160 bits";

    private static final Set<FindingCode> LEGACY =
            Set.of(FindingCode.WEAK_LEAF, FindingCode.WEAK_INTERMEDIATES, FindingCode.WEAK_ROOT);

    @Override
    public FindingCode code() {
        return FindingCode.WEAK_KEY_SIZE;
    }

    /** The record RFC 5280 processing and the parent checks give this code above the leaf. */
    @Override
    public Set<Class<? extends Evidence>> evidenceTypes() {
        return Set.of(WeakPublicKey.class);
    }

    @Override
    public Set<FindingCode> recordedAs() {
        return Set.of(
                FindingCode.WEAK_KEY_SIZE,
                FindingCode.WEAK_LEAF,
                FindingCode.WEAK_INTERMEDIATES,
                FindingCode.WEAK_ROOT);
    }

    @Override
    public Set<FindingCode> recordedIn(RuleSet rules) {
        return rules.legacyCheckNames() ? LEGACY : Set.of(FindingCode.WEAK_KEY_SIZE);
    }

    @Override
    public CheckStage stage() {
        return CheckStage.LEAF;
    }

    /** The weak-key check of every certificate above the leaf (parent checks, processing). */
    @Override
    public Set<Rfc5280Check> rfc5280Checks(RuleSet rules) {
        return rules.weakKeyCheck() ? Set.of(Rfc5280Check.WEAK_KEY) : Set.of();
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return rules.weakKeyCheck();
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        if (!path.leaf().publicKey().isWeak()) {
            return List.of();
        }
        return List.of(
                Failure.of(FindingCode.WEAK_KEY_SIZE, 0, new WeakKey(path.leaf().publicKey(), MINIMUM)));
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return message(failure, context, "a stronger key");
    }

    /**
     * "… has a RSA-512 key; required: …", for this check and {@code SystemTrustedWeakKey}: the minimum from the
     * check's record, {@code otherwise} for a failure RFC 5280 processing recorded.
     */
    static String message(Failure failure, FailureContext context, String otherwise) {
        String minimum =
                failure.carries(WeakKey.class) ? failure.evidence(WeakKey.class).minimum() : otherwise;
        return failure.code().code() + ": " + context.position() + " has a "
                + context.certificate().publicKey() + " key; required: " + minimum + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of(
                        "§4.1",
                        "no key may be RSA < 1024 bits, EC < 160 bits or another algorithm than RSA/ECDSA/EdDSA",
                        Confidence.APPLE_CODE)
                .since("10.0");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return Remedies.strongerKey(context.displayName(), context.certificate().publicKey());
    }
}
