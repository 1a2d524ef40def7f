package io.github.sectrust4j.policy.rfc5280;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.SharedData;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs the x509-limbo cases about name constraints, policy constraints, path length and pathological
 * chains through {@link BasicCertificateProcessing} and {@link ParentChecks} directly: every path from
 * the peer to a trusted certificate (anchors tried first, signatures verified, at most 64 paths) is
 * processed with a trusted anchor, and the case "passes" if one path has no failure. Host names,
 * EKU and limbo's {@code max_chain_depth} are not this step's business. The cases where iOS's
 * RFC 5280 processing decides differently from limbo are listed with the reason in {@link #DIVERGENT}.
 */
class LimboRfc5280Test {
    private static final List<String> PREFIXES =
            List.of("rfc5280::nc::", "rfc5280::pc::", "pathlen::", "pathological::");
    private static final Instant DEFAULT_TIME = Instant.parse("2024-01-01T00:00:00Z");

    /** Case id → why this step's verdict differs from limbo's expectation. */
    static final Map<String, String> DIVERGENT = Map.ofEntries(
            Map.entry(
                    "pathlen::max-chain-depth-0-exhausted",
                    "limbo's max_chain_depth is a verifier option; iOS has no chain-length limit (§1.4, only the "
                            + "100-path cap), so the chain passes RFC 5280 processing"),
            Map.entry(
                    "pathlen::max-chain-depth-1-exhausted",
                    "as max-chain-depth-0-exhausted: no maximum chain depth on iOS (§1.4)"),
            Map.entry(
                    "rfc5280::nc::permitted-dns-match-noncritical",
                    "iOS honours a non-critical nameConstraints extension like a critical one (§2.3 item 6 only "
                            + "fails critical extensions with unsupported forms); the leaf's name is permitted"),
            Map.entry(
                    "rfc5280::nc::not-allowed-in-ee-noncritical",
                    "nameConstraints are merged only at CA positions (RFC 5280 §6.1.4 (g), i < n); an EE's own "
                            + "nameConstraints are ignored, not rejected [inferred]"),
            Map.entry(
                    "rfc5280::nc::not-allowed-in-ee-critical",
                    "as not-allowed-in-ee-noncritical: nameConstraints is a known extension, so even critical it "
                            + "raises no CriticalExtensions failure on the leaf [inferred]"),
            Map.entry(
                    "rfc5280::nc::nc-permits-invalid-dns-san",
                    "the malformed SAN '.example.com' lies within the subtree 'example.com' for Apple's suffix "
                            + "matcher, so NameConstraints passes; the full evaluation still fails, on SSLHostname "
                            + "(foo.example.com does not match '.example.com')"));

    @Test
    void limboCasesAgreeExceptForDocumentedDivergences() throws IOException {
        JsonNode root = new ObjectMapper().readTree(SharedData.limbo().toFile());
        Map<String, String> disagreements = new TreeMap<>();
        int ran = 0;
        StringBuilder report = new StringBuilder();
        for (JsonNode tc : root.get("testcases")) {
            String id = tc.get("id").asText();
            if (PREFIXES.stream().noneMatch(id::startsWith)) {
                continue;
            }
            ran++;
            boolean expected = tc.get("expected_result").asText().equals("SUCCESS");
            String verdict;
            boolean actual;
            try {
                Verdict v = evaluate(tc);
                actual = v.accepted;
                verdict = v.summary;
            } catch (CertificateInputException e) {
                actual = false;
                verdict = "input rejected: " + e.getMessage();
            }
            report.append(id)
                    .append(": limbo=")
                    .append(expected ? "SUCCESS" : "FAILURE")
                    .append(" ours=")
                    .append(actual ? "SUCCESS" : "FAILURE")
                    .append(" ")
                    .append(verdict)
                    .append('\n');
            if (actual != expected) {
                disagreements.put(id, verdict);
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/limbo-rfc5280.txt"), report);
        System.out.println("limbo rfc5280: " + ran + " cases, " + disagreements.size()
                + " disagree (details: target/limbo-rfc5280.txt)");
        assertThat(ran).isGreaterThan(40);
        assertThat(disagreements.keySet()).isEqualTo(DIVERGENT.keySet());
    }

    private record Verdict(boolean accepted, String summary) {}

    private static Verdict evaluate(JsonNode tc) {
        List<Certificate> trusted = new ArrayList<>();
        tc.get("trusted_certs").forEach(n -> trusted.addAll(CertificateInput.fromPem(n.asText())));
        List<Certificate> intermediates = new ArrayList<>();
        tc.get("untrusted_intermediates").forEach(n -> intermediates.addAll(CertificateInput.fromPem(n.asText())));
        Certificate leaf =
                CertificateInput.fromPem(tc.get("peer_certificate").asText()).get(0);
        Instant at = tc.get("validation_time").isNull()
                ? DEFAULT_TIME
                : Instant.parse(tc.get("validation_time").asText());
        EvaluationRequest request = TestPaths.request("17.4", at, leaf);

        List<List<Certificate>> paths = new ArrayList<>();
        extend(new ArrayList<>(List.of(leaf)), trusted, intermediates, paths);
        if (paths.isEmpty()) {
            return new Verdict(false, "no path to a trusted certificate");
        }
        String first = null;
        for (List<Certificate> chain : paths) {
            Certificate top = chain.get(chain.size() - 1);
            CandidatePath path = TestPaths.path(true, false, chain, verifies(top, top));
            List<Failure> failures =
                    new ArrayList<>(BasicCertificateProcessing.process(path, true, request, TestPaths.rules("17.4")));
            for (int i = 1; i < chain.size(); i++) {
                failures.addAll(ParentChecks.check(path, i, request, TestPaths.rules("17.4")));
            }
            String summary = "path of " + chain.size() + ": "
                    + failures.stream()
                            .map(f -> f.code() + "@" + f.index() + f.evidence())
                            .toList();
            if (failures.isEmpty()) {
                return new Verdict(true, summary);
            }
            if (first == null) {
                first = summary;
            }
        }
        return new Verdict(false, first + (paths.size() > 1 ? " (+" + (paths.size() - 1) + " other paths fail)" : ""));
    }

    /** Depth-first: anchors first (a path ends at the first trusted issuer), then intermediates. */
    private static void extend(
            List<Certificate> partial, List<Certificate> trusted, List<Certificate> pool, List<List<Certificate>> out) {
        if (out.size() >= 64 || partial.size() > 10) {
            return;
        }
        Certificate current = partial.get(partial.size() - 1);
        for (Certificate anchor : trusted) {
            if (issues(anchor, current)) {
                List<Certificate> done = new ArrayList<>(partial);
                if (!partial.contains(anchor)) {
                    done.add(anchor);
                }
                out.add(done);
            }
        }
        for (Certificate ca : pool) {
            if (!partial.contains(ca) && !trusted.contains(ca) && issues(ca, current)) {
                List<Certificate> next = new ArrayList<>(partial);
                next.add(ca);
                extend(next, trusted, pool, out);
            }
        }
    }

    private static boolean issues(Certificate issuer, Certificate child) {
        return issuer.normalizedSubject().isPresent()
                && issuer.normalizedSubject().equals(child.normalizedIssuer())
                && verifies(child, issuer);
    }

    private static final Map<Certificate, X509Certificate> JDK = new LinkedHashMap<>();

    private static synchronized X509Certificate jdk(Certificate c) {
        return JDK.computeIfAbsent(c, k -> {
            try {
                return (X509Certificate)
                        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(k.der()));
            } catch (Exception e) {
                return null;
            }
        });
    }

    private static boolean verifies(Certificate child, Certificate issuer) {
        X509Certificate c = jdk(child);
        X509Certificate i = jdk(issuer);
        if (c == null || i == null) {
            return false;
        }
        try {
            c.verify(i.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
