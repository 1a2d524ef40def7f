package io.github.sectrust4j.policy;

import com.google.common.collect.ImmutableSet;
import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.text.DeferredEvidence;
import io.github.sectrust4j.text.StableOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ExtendedValidation} (§10, information only): the path qualifies as EV — {@link ExtendedValidation}'s
 * path test passes and CT is satisfied where iOS asks it of EV. EV failures are discarded; the note marks the
 * path EV for scoring and the report. The trailing checks record it.
 */
public final class ExtendedValidationNote implements CheckDescriptor {
    public static final ExtendedValidationNote INSTANCE = new ExtendedValidationNote();

    private ExtendedValidationNote() {}

    /**
     * An EV path.
     *
     * @param policies     the EV policy OIDs that matched
     * @param ctSummary    the path's CT summary
     * @param organization the leaf subject's organization(s)
     */
    public record EvPath(List<String> policies, String ctSummary, List<String> organization) implements Evidence {
        public EvPath {
            policies = List.copyOf(policies);
            organization = List.copyOf(organization);
        }

        private static final ImmutableSet<String> NAMES = ImmutableSet.of("summary", "policies", "ct", "organization");

        /** Built when first read, as the CT note's ({@link CertificateTransparencyNote.CtResult#fields}). */
        @Override
        public Map<String, Object> fields() {
            return DeferredEvidence.of(this::build, NAMES);
        }

        @Override
        public boolean isEmpty() {
            return false;
        }

        private Map<String, Object> build() {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("summary", summary());
            e.put("policies", policies);
            e.put("ct", ctSummary);
            e.put("organization", organization);
            return StableOrder.evidence(e);
        }

        String summary() {
            return "the path qualifies as Extended Validation (policies " + policies + "; " + ctSummary + ")";
        }
    }

    @Override
    public FindingCode code() {
        return FindingCode.EXTENDED_VALIDATION;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.TRAILING;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return true;
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        return failure.code().code() + ": " + failure.evidence(EvPath.class).summary();
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        return Rule.of("§10", "Extended Validation status (information only)", Confidence.APPLE_CODE);
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        return "None: informational.";
    }
}
