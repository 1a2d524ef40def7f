package io.github.sectrust4j.policy;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.Policy;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.path.CertificateOrigin;
import io.github.sectrust4j.path.PathValidator;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The SSL server or basic X.509 policy of one iOS release (§1.2, §1.6, §1.7). Immutable and
 * thread-safe. Check order of {@link #validate}: leaf checks; parent checks on every CA position; the
 * integration's revocation-pass
 * checks; IdLinkage; RFC 5280 processing; the policy's path checks; usage constraints (Deny, Proceed
 * upgrade); WoSign/StartCom; blocked/gray keys; the integration's trailing checks (CT, EV, …).
 */
public final class PolicyValidator implements PathValidator {
    private final RuleSet rules;
    private final Policy policy;
    private final CertificateProcessing processing;
    private final List<PathCheck> revocationChecks;
    private final List<PathCheck> trailingChecks;
    private final Predicate<CandidatePath> listedKeysExempt;
    /** The catalogue's checks per stage depend only on the release and policy: shared, not rebuilt per evaluation. */
    private final Map<CheckStage, List<AppleCheck>> checks;

    PolicyValidator(
            RuleSet rules,
            Policy policy,
            CertificateProcessing processing,
            List<PathCheck> revocationChecks,
            List<PathCheck> trailingChecks) {
        this(rules, policy, processing, revocationChecks, trailingChecks, p -> false);
    }

    PolicyValidator(
            RuleSet rules,
            Policy policy,
            CertificateProcessing processing,
            List<PathCheck> revocationChecks,
            List<PathCheck> trailingChecks,
            Predicate<CandidatePath> listedKeysExempt) {
        this.listedKeysExempt = requireNonNull(listedKeysExempt, "listedKeysExempt");
        this.rules = requireNonNull(rules, "rules");
        this.policy = requireNonNull(policy, "policy");
        this.processing = requireNonNull(processing, "processing");
        this.revocationChecks = List.copyOf(revocationChecks);
        this.trailingChecks = List.copyOf(trailingChecks);
        CheckLists lists = CHECK_LISTS.get(new CheckListKey(rules.release(), policy));
        if (lists == null) {
            lists = new CheckLists(byStage(rules, policy));
            if (CHECK_LISTS.size() < MAX_CACHED_CHECK_LISTS) {
                CHECK_LISTS.putIfAbsent(new CheckListKey(rules.release(), policy), lists);
            }
        }
        this.checks = lists.byStage();
    }

    /**
     * The check lists depend only on (release, policy); a validator is built per evaluation. Equality is
     * written out: a record's generated {@code equals}/{@code hashCode} bootstrap {@code ObjectMethods} on
     * first use, a few milliseconds of every first verdict (README "Start-up").
     */
    private record CheckListKey(io.github.sectrust4j.IosRelease release, Policy policy) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CheckListKey k && k.release.equals(release) && k.policy == policy;
        }

        @Override
        public int hashCode() {
            return 31 * release.hashCode() + policy.hashCode();
        }
    }

    private record CheckLists(Map<CheckStage, List<AppleCheck>> byStage) {}

    private static Map<CheckStage, List<AppleCheck>> byStage(RuleSet rules, Policy policy) {
        Map<CheckStage, List<AppleCheck>> m = new java.util.EnumMap<>(CheckStage.class);
        for (CheckStage stage : CheckStage.values()) {
            m.put(stage, AppleChecks.running(rules, policy, stage));
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Bounded (releases × policies in use); past the bound the lists are simply rebuilt. Immutable values only. */
    private static final int MAX_CACHED_CHECK_LISTS = 256;

    private static final java.util.concurrent.ConcurrentMap<CheckListKey, CheckLists> CHECK_LISTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    public RuleSet rules() {
        return rules;
    }

    public Policy policy() {
        return policy;
    }

    /** §1.6 leaf callbacks (SSLHostname, leaf validity, weak key/signature, EKU leaf part, black/gray-listed leaf). */
    List<AppleCheck> leafCheckList() {
        return checks.get(CheckStage.LEAF);
    }

    /** §1.6 path callbacks the policy carries in this release. */
    List<AppleCheck> pathCheckList() {
        return checks.get(CheckStage.PATH);
    }

    private void run(CheckStage stage, FailureRecorder r, CandidatePath path, EvaluationRequest request) {
        for (AppleCheck c : checks.get(stage)) {
            r.recordAll(c.check(path, request, rules));
        }
    }

    @Override
    public List<Failure> leafChecks(Certificate leaf, EvaluationRequest request) {
        // the leaf alone: self-signed is approximated by self-issued (no signature check here);
        // the full re-validation of the chosen path uses the path's verified facts
        CandidatePath alone = new CandidatePath(
                List.of(leaf),
                List.of(CertificateOrigin.PRESENTED),
                Optional.empty(),
                leaf.isSelfIssued(),
                false,
                false,
                true,
                Map.of());
        FailureRecorder r = new FailureRecorder(alone, request, rules);
        for (AppleCheck c : leafCheckList()) {
            r.recordAll(c.check(alone, request, rules));
        }
        return r.failures();
    }

    @Override
    public List<Failure> parentChecks(CandidatePath path, int index, EvaluationRequest request) {
        List<Failure> found = processing.parentChecks(path, index, request, rules.rfc5280Rules());
        if (found.isEmpty()) {
            return List.of(); // what an empty recorder answers; most candidates' CAs pass (no recorder per position)
        }
        FailureRecorder r = new FailureRecorder(path, request, rules);
        r.recordAll(found);
        return r.failures();
    }

    @Override
    public PathValidation validate(CandidatePath path, EvaluationRequest request) {
        FailureRecorder r = new FailureRecorder(path, request, rules);
        for (AppleCheck c : leafCheckList()) {
            r.recordAll(c.check(path, request, rules));
        }
        // full re-validation of the chosen path runs the parent checks on every CA position (§1.4 step 3)
        for (int i = 1; i < path.size(); i++) {
            r.recordAll(processing.parentChecks(path, i, request, rules.rfc5280Rules()));
        }
        for (PathCheck c : revocationChecks) {
            r.recordAll(c.check(path, request, rules));
        }
        run(CheckStage.ID_LINKAGE, r, path, request);
        r.recordAll(processing.process(path, request, rules.rfc5280Rules()));
        for (AppleCheck c : pathCheckList()) {
            r.recordAll(c.check(path, request, rules));
        }
        run(CheckStage.USAGE_CONSTRAINTS, r, path, request);
        r.proceedForUserStore();
        run(CheckStage.DISTRUSTED_CAS, r, path, request);
        // Valid allow-listing (decided in the revocation pass) suppresses both key lists (§1.6 step 6, §9.2)
        if (!listedKeysExempt.test(path)) {
            run(CheckStage.KEY_LISTS, r, path, request);
        }
        for (PathCheck c : trailingChecks) {
            r.recordAll(c.check(path, request, rules));
        }
        return r.toValidation();
    }

    @Override
    public boolean leafCouldBeExtendedValidation(Certificate leaf, EvaluationRequest request) {
        return ExtendedValidation.leafCapable(leaf, request);
    }

    @Override
    public String toString() {
        return "PolicyValidator[" + policy.label() + ", iOS " + rules.release() + "]";
    }
}
