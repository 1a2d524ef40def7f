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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The maximum leaf validity checks of §5.2, recorded at index 0: {@code ValidityPeriodMaximums}
 * (iOS 13–15: system table if system-trusted, otherwise the other-trust rule unless the leaf itself is
 * a user-store anchor), {@code SystemTrustValidityPeriod} (16+, system-trusted chains) and
 * {@code OtherTrustValidityPeriod} (16+, every chain except a user-store leaf anchor). Length =
 * notAfter − notBefore in seconds, no +1 s; a limit fails when {@code notBefore ≥ E and length > M}.
 */
final class ValidityPeriodCheck implements AppleCheck {
    static final ValidityPeriodCheck MAXIMUMS = new ValidityPeriodCheck(FindingCode.VALIDITY_PERIOD_MAXIMUMS);
    static final ValidityPeriodCheck SYSTEM_TRUST = new ValidityPeriodCheck(FindingCode.SYSTEM_TRUST_VALIDITY_PERIOD);
    static final ValidityPeriodCheck OTHER_TRUST = new ValidityPeriodCheck(FindingCode.OTHER_TRUST_VALIDITY_PERIOD);

    /** A leaf valid for longer than the strictest limit that applies to it ("system" or "other" table). */
    record TooLong(String table, Instant notBefore, Instant notAfter, long lengthSeconds, ValidityLimit limit)
            implements Evidence {
        double lengthDays() {
            return lengthSeconds / 86_400.0;
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("table", table);
            m.put("notBefore", notBefore.toString());
            m.put("notAfter", notAfter.toString());
            m.put("lengthSeconds", lengthSeconds);
            m.put("lengthDays", lengthDays());
            m.put("limitSeconds", limit.maxSeconds());
            m.put("limit", limit.label());
            m.put("effective", limit.from().toString());
            m.put("effectiveStrictlyAfter", limit.strictlyAfter());
            return m;
        }
    }

    private final FindingCode code;

    private ValidityPeriodCheck(FindingCode code) {
        this.code = code;
    }

    @Override
    public FindingCode code() {
        return code;
    }

    @Override
    public CheckStage stage() {
        return CheckStage.PATH;
    }

    @Override
    public boolean appliesTo(RuleSet rules, Policy policy) {
        return policy == Policy.SSL_SERVER && rules.validityPeriodChecks().contains(code);
    }

    @Override
    public List<Failure> check(CandidatePath path, EvaluationRequest request, RuleSet rules) {
        List<ValidityLimit> limits;
        String table;
        switch (code) {
            case VALIDITY_PERIOD_MAXIMUMS:
                if (path.systemTrusted()) {
                    limits = rules.systemTrustLimits();
                    table = "system";
                } else if (path.leafIsUserStoreAnchor()) {
                    return List.of();
                } else {
                    limits = rules.otherTrustLimits();
                    table = "other";
                }
                break;
            case SYSTEM_TRUST_VALIDITY_PERIOD:
                if (!path.systemTrusted()) {
                    return List.of();
                }
                limits = rules.systemTrustLimits();
                table = "system";
                break;
            case OTHER_TRUST_VALIDITY_PERIOD:
                if (path.leafIsUserStoreAnchor()) {
                    return List.of();
                }
                limits = rules.otherTrustLimits();
                table = "other";
                break;
            default:
                throw new IllegalStateException("not a validity-period check: " + code);
        }
        Certificate leaf = path.leaf();
        long length = leaf.validityLengthSeconds();
        // the tightest limit the leaf breaks (the first of equal ones), by a loop: this runs on every evaluation
        ValidityLimit violated = null;
        for (int i = 0, n = limits.size(); i < n; i++) {
            ValidityLimit l = limits.get(i);
            if (l.violatedBy(leaf.notBefore(), length)
                    && (violated == null || l.maxSeconds() < violated.maxSeconds())) {
                violated = l;
            }
        }
        if (violated == null) {
            return List.of();
        }
        return List.of(Failure.of(code, 0, new TooLong(table, leaf.notBefore(), leaf.notAfter(), length, violated)));
    }

    @Override
    public String message(Failure failure, FailureContext context) {
        TooLong e = failure.evidence(TooLong.class);
        ValidityLimit l = e.limit();
        return failure.code().code() + ": " + context.position() + " is valid for " + e.lengthSeconds() + " s ("
                + String.format(Locale.ROOT, "%.2f", e.lengthDays()) + " days), more than " + l.label() + " ("
                + l.maxSeconds() + " s) allowed for leaves issued " + (l.strictlyAfter() ? "after " : "on or after ")
                + l.from() + ".";
    }

    @Override
    public Rule rule(Failure failure, RuleSet rules) {
        TooLong e = failure.evidence(TooLong.class);
        ValidityLimit l = e.limit();
        return Rule.of(
                        "§5.2",
                        "leaf validity (notAfter − notBefore, seconds) ≤ " + l.label() + " for leaves issued "
                                + (l.strictlyAfter() ? "after " : "on or after ") + l.from() + " ("
                                + ("system".equals(e.table()) ? "Apple-store roots" : "all other anchors") + ")",
                        Confidence.APPLE_CODE)
                .since(failure.code() == FindingCode.VALIDITY_PERIOD_MAXIMUMS ? "13.0" : "16.0")
                .effectiveFrom(l.from());
    }

    @Override
    public String remedy(Failure failure, FailureContext context) {
        TooLong e = failure.evidence(TooLong.class);
        boolean public398 = e.limit().maxSeconds() == ValidityLimit.DAYS_398;
        return "Reissue '" + context.displayName() + "' with a validity of at most "
                + (public398
                        ? "398 days (Apple recommends ≤ 397)"
                        : "825 days (≤ 398 days for publicly trusted CAs; Apple recommends ≤ 397)")
                + "; it is valid for " + e.lengthSeconds() / 86_400 + " days (" + e.notBefore() + " to " + e.notAfter()
                + ").";
    }
}
