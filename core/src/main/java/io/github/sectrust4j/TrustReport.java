package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.report.JsonReport;
import io.github.sectrust4j.report.TextReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an iPhone on {@link #release()} says about a server chain: the verdict, the error
 * {@code SecTrustEvaluateWithError} would report, the path iOS chose, and every finding.
 *
 * @param result            Apple's result type
 * @param error             the single OSStatus iOS reports; empty when trusted
 * @param path              the path iOS chose (the best path when untrusted, §12.1), leaf first
 * @param findings          every finding, failures first in reporting order, then information
 * @param release           the iOS release whose rules applied
 * @param trustStoreVersion the Apple trust-store version used for system roots; empty when none was used
 * @param policy            the policy evaluated
 * @param host              the host name or IP literal checked; empty when no name check was asked for
 * @param evaluatedAt       the evaluation instant (an input: evaluation is a pure function of it): the request's
 *                          {@code verifyTime}, set with {@link SecTrust#at} (names: see there)
 * @param info              CT, EV and revocation reporting of iOS's result dictionary (§12.2)
 */
public record TrustReport(
        SecTrustResult result,
        Optional<TrustError> error,
        List<PathCertificate> path,
        List<Finding> findings,
        IosRelease release,
        OptionalInt trustStoreVersion,
        Policy policy,
        Optional<String> host,
        Instant evaluatedAt,
        TrustResultInfo info) {
    public TrustReport {
        requireNonNull(info, "info");
        requireNonNull(result, "result");
        requireNonNull(error, "error");
        path = List.copyOf(path);
        findings = List.copyOf(findings);
        requireNonNull(release, "release");
        requireNonNull(trustStoreVersion, "trustStoreVersion");
        requireNonNull(policy, "policy");
        requireNonNull(host, "host");
        requireNonNull(evaluatedAt, "evaluatedAt");
        if (result.isTrusted() && error.isPresent()) {
            throw new IllegalArgumentException("a trusted result carries no error");
        }
    }

    /** A report without CT/EV/revocation information ({@link TrustResultInfo#NONE}). */
    public TrustReport(
            SecTrustResult result,
            Optional<TrustError> error,
            List<PathCertificate> path,
            List<Finding> findings,
            IosRelease release,
            OptionalInt trustStoreVersion,
            Policy policy,
            Optional<String> host,
            Instant evaluatedAt) {
        this(
                result,
                error,
                path,
                findings,
                release,
                trustStoreVersion,
                policy,
                host,
                evaluatedAt,
                TrustResultInfo.NONE);
    }

    /** {@code TrustExtendedValidation} (§10): the path is EV; only for a successful evaluation. */
    public boolean extendedValidation() {
        return info.extendedValidation();
    }

    /** {@code TrustCertificateTransparency} (§8.5): the path is CT-qualified; only for a successful evaluation. */
    public boolean certificateTransparency() {
        return info.certificateTransparency();
    }

    /** {@code TrustRevocationChecked} (§9.5): every position that needs it got a valid response; only when trusted. */
    public boolean revocationChecked() {
        return info.revocationChecked();
    }

    /** What {@code SecTrustEvaluateWithError} returns: true iff the result is Proceed or Unspecified. */
    public boolean trusted() {
        return result.isTrusted();
    }

    /** The findings that make the chain untrusted. */
    public List<Finding> failures() {
        return findings.stream().filter(Finding::isFailure).toList();
    }

    /** True if a finding with this code was recorded. */
    public boolean has(FindingCode code) {
        return findings.stream().anyMatch(f -> f.code() == code);
    }

    /** Human-readable verdict, path and findings with remedies, for admins. */
    public String explain() {
        return TextReport.render(this);
    }

    /**
     * A short multi-line summary (verdict, error, path, the first findings), e.g. what jshell prints for a
     * report; {@link #explain()} has everything, {@link #toJson()} is the stable form.
     */
    @Override
    public String toString() {
        return TextReport.summary(this);
    }

    /** The BATCH-CONTRACT response object (without {@code id}), as one line of JSON. */
    public String toJson() {
        return JsonReport.render(this);
    }
}
