package io.github.sectrust4j.testing;

import io.github.sectrust4j.TrustReport;

/**
 * Entry point of the report assertions; import it beside AssertJ's own {@code assertThat}:
 *
 * <pre>{@code
 * import static io.github.sectrust4j.testing.TrustReportAssertions.assertThat;
 *
 * assertThat(report).isTrusted();
 * assertThat(report).isNotTrustedBecause(FindingCode.SSL_HOSTNAME).hasError(TrustError.HOST_NAME_MISMATCH);
 * assertThat(report).hasFinding(FindingCode.ANCHOR_TRUSTED).atCertificate(2);
 * }</pre>
 *
 * Every failure message carries {@link TrustReport#explain()}.
 */
public final class TrustReportAssertions {
    private TrustReportAssertions() {}

    public static TrustReportAssert assertThat(TrustReport actual) {
        return new TrustReportAssert(actual);
    }
}
