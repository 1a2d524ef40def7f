package io.github.sectrust4j.engine;

import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.TrustResultInfo;
import io.github.sectrust4j.cert.ServerChain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict for a chain holding certificates iOS cannot parse (§14.2 step 1): result Invalid with
 * errSecParam, one {@code UnparseableCertificate} finding per refused entry, ahead of what the parsed
 * certificates alone would have given (kept, so the admin sees every other problem too).
 */
public final class UnparseableCertificates {
    private static final Rule RULE = Rule.of(
            "§14.2",
            "every certificate the server sends must be one iOS can parse: "
                    + "SecTrustCreateWithCertificates takes only parsed certificates (errSecParam); SecureTransport builds no "
                    + "trust for such a chain and fails the handshake with errSSLXCertChainInvalid (sslCrypto.c)",
            Confidence.APPLE_CODE);

    private UnparseableCertificates() {}

    /** {@code report} (of the parsed certificates) as iOS would answer for the whole chain sent. */
    public static TrustReport refuse(TrustReport report, List<ServerChain.Unparseable> unparseable) {
        if (unparseable.isEmpty()) {
            return report;
        }
        List<Finding> findings = new ArrayList<>();
        for (ServerChain.Unparseable u : unparseable) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("position", u.position());
            evidence.put("parseFailure", u.reason());
            findings.add(new Finding(
                    FindingCode.UNPARSEABLE_CERTIFICATE,
                    FindingCode.UNPARSEABLE_CERTIFICATE.defaultSeverity(),
                    -1,
                    "",
                    "Certificate " + u.position() + " of the chain the server sends cannot "
                            + "be parsed by iOS (" + u.reason()
                            + "): iOS cannot create a trust object from this chain, so "
                            + "the connection fails whatever the other certificates are.",
                    evidence,
                    RULE,
                    "Remove or replace certificate " + u.position() + " in the chain the server sends (re-export the "
                            + "chain from the CA's files; a certificate that other TLS stacks accept can still be malformed "
                            + "DER iOS refuses)."));
        }
        findings.addAll(report.findings());
        return new TrustReport(
                SecTrustResult.INVALID,
                Optional.of(TrustError.PARAM),
                report.path(),
                findings,
                report.release(),
                report.trustStoreVersion(),
                report.policy(),
                report.host(),
                report.evaluatedAt(),
                TrustResultInfo.NONE);
    }
}
