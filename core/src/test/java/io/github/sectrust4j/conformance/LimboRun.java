package io.github.sectrust4j.conformance;

import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One evaluation of a limbo case through the public API, or the input error that stopped it. A
 * certificate iOS cannot parse never becomes a {@code SecCertificateRef}, so the evaluation cannot run
 * (result Invalid, §12.1): that is "not trusted", with {@link LimboDivergence#INPUT_REJECTED} as its
 * evidence.
 */
record LimboRun(Optional<TrustReport> report, Optional<String> inputError) {

    boolean trusted() {
        return report.map(TrustReport::trusted).orElse(false);
    }

    /** The failure codes recorded (Apple check names), or {@code input-rejected}. */
    List<String> failureCodes() {
        return report.map(r -> r.failures().stream()
                        .map(f -> f.code().code())
                        .distinct()
                        .toList())
                .orElse(List.of(LimboDivergence.INPUT_REJECTED));
    }

    boolean has(String code) {
        return failureCodes().contains(code);
    }

    /** One line for reports and assertion messages. */
    String summary() {
        if (inputError.isPresent()) {
            return "input rejected: " + inputError.get();
        }
        TrustReport r = report.get();
        return r.result() + r.error().map(e -> " " + e).orElse("") + " failures="
                + r.failures().stream().map(LimboRun::describe).collect(Collectors.joining(", ", "[", "]"))
                + " path=" + r.path().size();
    }

    private static String describe(Finding f) {
        return f.code().code() + "@" + f.certificateIndex();
    }

    /**
     * Evaluates with the case's trusted certificates as app anchors and no Apple roots (so the store
     * cannot supply another path), iOS 26 rules, the case's host name and instant.
     */
    static LimboRun withAppAnchors(LimboCase c) {
        return run(c, true, SecTrust.newest().withoutSystemRoots());
    }

    /** Evaluates with the case's chain and the given configuration; anchors only if {@code anchors}. */
    static LimboRun run(LimboCase c, boolean anchors, SecTrust base) {
        try {
            SecTrust trust = base.forServer(c.peerName()).at(c.evaluationTime());
            if (anchors) {
                trust = trust.withAnchors(parse(c.trustedCerts()));
            }
            return new LimboRun(Optional.of(trust.evaluate(chain(c))), Optional.empty());
        } catch (CertificateInputException e) {
            return new LimboRun(Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    /** The presented chain: peer first, then the untrusted intermediates in limbo's order. */
    static List<Certificate> chain(LimboCase c) {
        List<Certificate> chain = new ArrayList<>(CertificateInput.fromPem(c.peer()));
        chain.addAll(parse(c.intermediates()));
        return chain;
    }

    static List<Certificate> parse(List<String> pems) {
        List<Certificate> out = new ArrayList<>();
        for (String pem : pems) {
            out.addAll(CertificateInput.fromPem(pem));
        }
        return out;
    }
}
