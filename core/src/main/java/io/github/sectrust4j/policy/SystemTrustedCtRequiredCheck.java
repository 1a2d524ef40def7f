package io.github.sectrust4j.policy;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.ct.internal.SystemTrustedCtRequirement;
import io.github.sectrust4j.text.StableOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code SystemTrustedCTRequired} (§8.1, iOS 12.1.1+, SSL server policy): a publicly trusted leaf issued on or
 * after 2018-10-16 must be CT-qualified. {@link SystemTrustedCtRequirement} decides the conditions; the trailing
 * checks record its failing decision with the path's CT evaluation.
 */
public final class SystemTrustedCtRequiredCheck implements CheckDescriptor {
    public static final SystemTrustedCtRequiredCheck INSTANCE = new SystemTrustedCtRequiredCheck();

    private SystemTrustedCtRequiredCheck() {}

    /** A failing decision ({@link SystemTrustedCtRequirement.Outcome#FAILS}) and the CT evaluation behind it. */
    public record NotQualified(SystemTrustedCtRequirement.Decision decision, CtEvidence ct) implements Evidence {
        public NotQualified {
            requireNonNull(decision, "decision");
            requireNonNull(ct, "ct");
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> e = new LinkedHashMap<>(decision.evidence());
            ct.evaluation().evidence().forEach(e::putIfAbsent);
            e.putAll(ct.map());
            return StableOrder.evidence(e);
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.SYSTEM_TRUSTED_CT_REQUIRED;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.TRAILING;
    }

    /** The sslServer policy carries it from iOS 12.1.1; the other conditions (§8.1) are the decision's. */
    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return policy == Policy.SSL_SERVER && rules.systemTrustedCtRequired();
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        NotQualified e = failure.evidence(NotQualified.class);
        return failure.code().code() + ": " + e.ct().evaluation().summary() + "; "
                + e.decision().detail() + e.ct().uncertainty() + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        Instant cutoff = SystemTrustedCtRequirement.ENFORCEMENT_CUTOFF;
        if (failure.evidence(NotQualified.class).ct().logListMayBeOutdated()) {
            return Rule.of(
                            "§8.1, §8.4",
                            "publicly trusted leaves issued on or after 2018-10-16 must satisfy Apple's"
                                    + " CT policy; judged with a log list that may be out of date (an SCT names a log it does not"
                                    + " know), so a current device may decide otherwise",
                            Confidence.INFERRED)
                    .effectiveFrom(cutoff)
                    .since("12.1.1");
        }
        return Rule.of(
                        "§8.1",
                        "publicly trusted leaves issued on or after 2018-10-16 must satisfy Apple's CT policy",
                        Confidence.APPLE_CODE)
                .effectiveFrom(cutoff)
                .since("12.1.1");
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return failure.evidence(NotQualified.class).ct().remedy();
    }
}
