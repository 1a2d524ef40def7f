package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.text.StableOrder;
import java.util.Map;
import java.util.Optional;

/**
 * One thing the evaluation found: a failed iOS check (with the result it forces) or an
 * informational note.
 *
 * @param code             stable code, Apple's check name where one exists
 * @param severity         the result this finding forces ({@link Severity#INFO} never fails a chain)
 * @param certificateIndex index in {@link TrustReport#path()} where iOS records it, or -1 for none
 * @param subject          readable subject of that certificate ("" when none)
 * @param message          what is wrong, in plain words, with the concrete values
 * @param evidence         structured evidence (strings, numbers, booleans, lists), in a stable order
 * @param rule             the rule enforced, with its source and effective date
 * @param remedy           what the admin should change, in the admin's language
 */
public record Finding(
        FindingCode code,
        Severity severity,
        int certificateIndex,
        String subject,
        String message,
        Map<String, Object> evidence,
        Rule rule,
        String remedy) {
    public Finding {
        requireNonNull(code, "code");
        requireNonNull(severity, "severity");
        requireNonNull(subject, "subject");
        requireNonNull(message, "message");
        evidence = StableOrder.findingEvidence(requireNonNull(evidence, "evidence")); // same bytes in every run
        requireNonNull(rule, "rule");
        requireNonNull(remedy, "remedy");
    }

    /** Evidence key of a failure the user's exceptions suppressed (§12.4); such a finding is informational. */
    public static final String SUPPRESSED_BY_EXCEPTION = "suppressedByException";

    /** True if the user's exceptions (§12.4) suppressed this failure on this device. */
    public boolean exceptedByUser() {
        return evidence.containsKey(SUPPRESSED_BY_EXCEPTION);
    }

    /** True if this finding makes the chain untrusted. */
    public boolean isFailure() {
        return severity.isFailure();
    }

    /** One line: code, certificate index, severity and message (the remedy and evidence are in the fields). */
    @Override
    public String toString() {
        return io.github.sectrust4j.report.TextReport.line(this);
    }

    /** The OSStatus this finding would be reported as, if it won the ranking (§12.3). */
    public Optional<TrustError> error() {
        return code.error();
    }
}
