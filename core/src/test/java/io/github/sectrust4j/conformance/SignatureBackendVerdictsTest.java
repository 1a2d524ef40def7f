package io.github.sectrust4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.NativeVerifications;
import io.github.sectrust4j.cert.SignatureBackend;
import io.github.sectrust4j.cert.SignatureBackends;
import io.github.sectrust4j.cli.BatchRequests;
import io.github.sectrust4j.report.JsonReport;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The conformance suites give byte-identical JSON reports whether Bouncy Castle (the reference), ACCP
 * (AWS-LC) or Conscrypt (BoringSSL) verifies the signatures: x509-limbo with app anchors, limbo's real
 * 2023 chains with Apple's roots and CT log list (SCT signatures), Apple's ssl-policy vectors on iOS 26
 * and 12, and the scenario catalogue (stapled OCSP responses, SCTs in TLS and OCSP). Each backend starts
 * with empty verdict caches, and the native runs must have verified signatures natively.
 */
class SignatureBackendVerdictsTest {

    @AfterAll
    static void restoreTheConfiguredBackend() {
        SignatureBackends.use(System.getProperty(SignatureBackends.PROPERTY, "auto"));
    }

    @Test
    void conformanceReportsAreByteIdenticalWithBouncyCastleAccpAndConscrypt() throws IOException {
        Map<String, String> reference = reports("bc");
        List<LimboCase> limbo = LimboCase.loadAll();
        assertThat(reference)
                .hasSize(limbo.size()
                        + (int) limbo.stream().filter(LimboCase::online).count()
                        + 2 * AppleSslPolicyVectorsTest.VECTORS.size()
                        + ScenarioCatalogTest.read("requests.jsonl").size());
        assertThat(NativeVerifications.providers()).isNotEmpty();
        for (String provider : NativeVerifications.providers()) {
            SignatureBackend backend = SignatureBackends.use(provider);
            long before = NativeVerifications.of(backend);
            Map<String, String> reports = reports(provider);
            assertThat(NativeVerifications.of(backend) - before)
                    .as("%s verified natively", provider)
                    .isGreaterThan(200);
            assertThat(reports.keySet()).isEqualTo(reference.keySet());
            reference.forEach((id, json) ->
                    assertThat(reports.get(id)).as("%s: %s", provider, id).isEqualTo(json));
        }
    }

    /** Every conformance evaluation's JSON report (or input error) with backend {@code name}, by case. */
    private static Map<String, String> reports(String name) throws IOException {
        assertThat(SignatureBackends.use(name).name()).isEqualTo(name);
        Map<String, String> out = new TreeMap<>();
        for (LimboCase c : LimboCase.loadAll()) {
            LimboRun run = LimboRun.withAppAnchors(c);
            out.put(
                    "limbo " + c.id(),
                    run.report()
                            .map(JsonReport::render)
                            .orElse("input rejected: " + run.inputError().orElse("")));
            if (c.online()) {
                TrustReport system = SecTrust.newest()
                        .withCtLogs(OnlineChainsTrustStoreHistoryTest.logListAt(c.evaluationTime()))
                        .forServer(c.peerName())
                        .at(c.evaluationTime())
                        .evaluate(LimboRun.chain(c));
                out.put("online " + c.id(), JsonReport.render(system));
            }
        }
        AppleSslPolicyVectorsTest.mint();
        for (String release : List.of("26.0", "12.0")) {
            for (AppleSslPolicyVectorsTest.Vector v : AppleSslPolicyVectorsTest.VECTORS) {
                out.put(
                        "apple " + release + " #" + v.number(),
                        JsonReport.render(AppleSslPolicyVectorsTest.evaluate(release, v)));
            }
        }
        for (Map.Entry<String, JsonNode> request :
                ScenarioCatalogTest.read("requests.jsonl").entrySet()) {
            BatchRequests.Mapped mapped = BatchRequests.map(request.getValue());
            out.put(
                    "scenario " + request.getKey(),
                    JsonReport.render(mapped.trust().evaluate(mapped.chain())));
        }
        return out;
    }
}
