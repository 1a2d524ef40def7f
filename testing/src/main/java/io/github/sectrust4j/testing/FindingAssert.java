package io.github.sectrust4j.testing;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import java.util.List;
import java.util.function.Predicate;

/**
 * The findings of one code in a report (from {@link TrustReportAssert#hasFinding}); each method narrows them
 * and fails, with the report's {@code explain()}, when none is left.
 */
public final class FindingAssert {
    private final TrustReportAssert report;
    private final FindingCode code;
    private final List<Finding> findings;

    FindingAssert(TrustReportAssert report, FindingCode code, List<Finding> findings) {
        this.report = report;
        this.code = code;
        this.findings = List.copyOf(findings);
    }

    /** Recorded at this index of the path (0 = leaf). */
    public FindingAssert atCertificate(int index) {
        return narrow(f -> f.certificateIndex() == index, "at certificate [" + index + "]");
    }

    /** With this severity (the result it forces). */
    public FindingAssert withSeverity(Severity severity) {
        return narrow(f -> f.severity() == severity, "with severity " + severity);
    }

    /** A failure (not information). */
    public FindingAssert isFailure() {
        return narrow(Finding::isFailure, "as a failure");
    }

    /** Whose message contains this text. */
    public FindingAssert withMessageContaining(String text) {
        return narrow(f -> f.message().contains(text), "with a message containing \"" + text + "\"");
    }

    /** With this evidence entry (as rendered by {@code String.valueOf}). */
    public FindingAssert withEvidence(String key, Object value) {
        return narrow(
                f -> f.evidence().containsKey(key)
                        && String.valueOf(f.evidence().get(key)).equals(String.valueOf(value)),
                "with evidence " + key + "=" + value);
    }

    /** Back to the report. */
    public TrustReportAssert and() {
        return report;
    }

    /** The findings left after narrowing. */
    public List<Finding> findings() {
        return findings;
    }

    private FindingAssert narrow(Predicate<Finding> test, String what) {
        List<Finding> left = findings.stream().filter(test).toList();
        if (left.isEmpty()) {
            report.fail("Expected a " + code.code() + " finding " + what + ", but the " + code.code() + " findings are "
                    + findings.stream().map(TrustReportAssert::describe).toList());
        }
        return new FindingAssert(report, code, left);
    }
}
