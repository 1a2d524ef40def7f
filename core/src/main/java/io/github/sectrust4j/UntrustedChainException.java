package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import java.security.cert.CertificateException;

/**
 * Thrown by {@link SecTrust#asTrustManager()} when the simulated iPhone refuses the server's chain. The
 * {@link #report()} says why and what to fix; the message is the report's verdict line and its first failure,
 * then {@link TrustReport#explain()}.
 *
 * <pre>{@code
 * catch (SSLHandshakeException e) {
 *     if (e.getCause() instanceof UntrustedChainException u) System.out.println(u.report().explain());
 * }
 * }</pre>
 */
public final class UntrustedChainException extends CertificateException {
    private static final long serialVersionUID = 1L;

    private final transient TrustReport report;

    public UntrustedChainException(TrustReport report) {
        super(message(requireNonNull(report, "report")));
        this.report = report;
    }

    /** The evaluation that refused the chain. */
    public TrustReport report() {
        return report;
    }

    private static String message(TrustReport report) {
        String first = report.failures().stream()
                .findFirst()
                .map(Finding::toString)
                .orElse(report.result().name());
        return "an iPhone on iOS " + report.release() + " refuses this chain (" + first + ")\n" + report.explain();
    }
}
