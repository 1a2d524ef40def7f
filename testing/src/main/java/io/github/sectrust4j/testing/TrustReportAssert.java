package io.github.sectrust4j.testing;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.PathCertificate;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link TrustReport}. Failure messages name what was expected, then carry the
 * report's {@link TrustReport#explain()}; when the evaluation instant lies outside the validity of every
 * certificate of the path (the wall clock used on fixtures minted around {@code TestPki.now()}), they say so.
 */
public final class TrustReportAssert extends AbstractAssert<TrustReportAssert, TrustReport> {

    TrustReportAssert(TrustReport actual) {
        super(actual, TrustReportAssert.class);
    }

    /** The chain is trusted ({@code SecTrustEvaluateWithError} returns true). */
    public TrustReportAssert isTrusted() {
        isNotNull();
        if (!actual.trusted()) {
            fail("Expected the chain to be trusted, but iOS " + actual.release() + " refuses it"
                    + firstFailure().map(f -> " (" + describe(f) + ")").orElse(""));
        }
        return this;
    }

    /** The chain is not trusted, for whatever reason. */
    public TrustReportAssert isNotTrusted() {
        isNotNull();
        if (actual.trusted()) {
            fail("Expected the chain not to be trusted, but iOS " + actual.release() + " trusts it");
        }
        return this;
    }

    /** The chain is not trusted, and a failure with this code is among the reasons ({@link TrustReport#failures()}). */
    public TrustReportAssert isNotTrustedBecause(FindingCode code) {
        isNotTrusted();
        if (actual.failures().stream().noneMatch(f -> f.code() == code)) {
            fail("Expected the chain to be refused because of " + code.code() + ", but the failures are "
                    + actual.failures().stream()
                            .map(TrustReportAssert::describe)
                            .toList());
        }
        return this;
    }

    /** The single error iOS reports ({@link TrustReport#error()}) is this one. */
    public TrustReportAssert hasError(TrustError error) {
        isNotNull();
        if (!actual.error().equals(Optional.of(error))) {
            fail("Expected iOS to report " + error + " but it reports "
                    + actual.error().map(TrustError::toString).orElse("no error"));
        }
        return this;
    }

    /** Apple's result type. */
    public TrustReportAssert hasResult(SecTrustResult result) {
        isNotNull();
        if (actual.result() != result) {
            fail("Expected the result " + result + " but it is " + actual.result());
        }
        return this;
    }

    /** A finding with this code was recorded (failure or information); narrow it with {@link FindingAssert}. */
    public FindingAssert hasFinding(FindingCode code) {
        isNotNull();
        List<Finding> matching =
                actual.findings().stream().filter(f -> f.code() == code).toList();
        if (matching.isEmpty()) {
            fail("Expected a " + code.code() + " finding, but the findings are "
                    + actual.findings().stream()
                            .map(TrustReportAssert::describe)
                            .toList());
        }
        return new FindingAssert(this, code, matching);
    }

    /** No finding with this code was recorded. */
    public TrustReportAssert doesNotHaveFinding(FindingCode code) {
        isNotNull();
        actual.findings().stream()
                .filter(f -> f.code() == code)
                .findFirst()
                .ifPresent(f -> fail("Expected no " + code.code() + " finding, but found " + describe(f)));
        return this;
    }

    /** The report, for further plain AssertJ assertions. */
    public TrustReport report() {
        return actual;
    }

    void fail(String expectation) {
        failWithMessage(
                "%s",
                expectation + clockHint(actual).map(h -> "\n\n" + h).orElse("") + "\n\nReport:\n" + actual.explain());
    }

    private Optional<Finding> firstFailure() {
        return actual.failures().stream().findFirst();
    }

    /** A finding as its one line ({@link Finding#toString()}). */
    static String describe(Finding f) {
        return f.toString();
    }

    /** How far outside the path's common validity an instant must be for the clock hint (deliberate edge tests stay quiet). */
    private static final Duration CLOCK_HINT_DISTANCE = Duration.ofDays(1);

    /**
     * The clock trap: the path's certificates are all valid together at some instant, but the evaluation
     * instant is more than a day away from that window. That almost always means the test evaluated fixtures
     * minted around {@code TestPki.now()} with the wall clock.
     */
    static Optional<String> clockHint(TrustReport report) {
        Instant at = report.evaluatedAt();
        List<PathCertificate> path = report.path();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Instant from = path.stream()
                .map(PathCertificate::notBefore)
                .max(Instant::compareTo)
                .orElseThrow();
        Instant to = path.stream()
                .map(PathCertificate::notAfter)
                .min(Instant::compareTo)
                .orElseThrow();
        if (from.isAfter(to)) {
            return Optional.empty(); // never valid together: the test is about validity itself
        }
        Duration off = at.isBefore(from)
                ? Duration.between(at, from)
                : at.isAfter(to) ? Duration.between(to, at) : Duration.ZERO;
        if (off.compareTo(CLOCK_HINT_DISTANCE) <= 0) {
            return Optional.empty();
        }
        return Optional.of("Hint: the evaluation instant " + at + " is " + off.toDays() + " days "
                + (at.isBefore(from) ? "before" : "after") + " the only time the path's certificates are all valid ("
                + from + " to " + to + "). Fixtures are minted around TestPki.now(); evaluate at that instant:"
                + " PkiTrust.secTrust(pki, \"" + report.release() + "\") or SecTrust.ios(\"" + report.release()
                + "\").at(pki.now()).");
    }
}
