package io.github.sectrust4j.ct.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.SharedData;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.policy.RuleSet;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Cost harness for one CT evaluation (not a unit test). After {@code mvn -pl core -am test-compile},
 * run with the module classpath (see changes/ct-README.md):
 * <pre>
 * java -cp core/target/classes:core/target/test-classes:trust-stores/target/classes:&lt;jars&gt; \
 *      io.github.sectrust4j.ct.internal.CtEvaluationHarness
 * </pre>
 * Reports the median and p90 time of evaluating real leaves (the x509-limbo online cases, 2–4
 * embedded SCTs each, RSA and ECDSA leaves, ECDSA logs) against Apple's 2023071300 log list, and of
 * converting that log list.
 */
public final class CtEvaluationHarness {
    private CtEvaluationHarness() {}

    public static void main(String[] args) throws Exception {
        JsonNode limbo = new ObjectMapper().readTree(SharedData.limbo().toFile());
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<CtRequest> requests = new ArrayList<>();
        int scts = 0;
        CtLogList logs = CtLogList.of(AppleTrustStores.version(2023071300));
        for (JsonNode tc : limbo.get("testcases")) {
            if (!tc.get("id").asText().startsWith("online::")) {
                continue;
            }
            X509Certificate leaf = (X509Certificate) cf.generateCertificate(
                    new ByteArrayInputStream(tc.get("peer_certificate").asText().getBytes(StandardCharsets.US_ASCII)));
            X509Certificate issuer = null;
            for (JsonNode p : tc.get("untrusted_intermediates")) {
                X509Certificate c = (X509Certificate) cf.generateCertificate(
                        new ByteArrayInputStream(p.asText().getBytes(StandardCharsets.US_ASCII)));
                if (c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
                    issuer = c;
                }
            }
            Instant at = Instant.parse(tc.get("validation_time").asText()).plus(Duration.ofDays(7));
            CtRequest r = CtRequest.builder(leaf.getEncoded(), at)
                    .issuerSpki(issuer.getPublicKey().getEncoded())
                    .build();
            scts += CtEvaluator.evaluate(
                            r, logs, RuleSet.forRelease(IosRelease.NEWEST).ctRules())
                    .outcomes()
                    .size();
            requests.add(r);
        }
        IosRelease release = IosRelease.NEWEST;
        for (int i = 0; i < 300; i++) {
            for (CtRequest r : requests) {
                CtEvaluator.evaluate(r, logs, RuleSet.forRelease(release).ctRules());
            }
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            for (CtRequest r : requests) {
                long s = System.nanoTime();
                CtEvaluator.evaluate(r, logs, RuleSet.forRelease(release).ctRules());
                times.add(System.nanoTime() - s);
            }
        }
        times.sort(null);
        System.out.printf(
                "CT evaluation of one real leaf (%d leaves, %d embedded SCTs): median %.3f ms, p90 %.3f ms%n",
                requests.size(), scts, times.get(times.size() / 2) / 1e6, times.get(times.size() * 9 / 10) / 1e6);
        List<Long> conv = new ArrayList<>();
        var store = AppleTrustStores.version(2023071300);
        for (int i = 0; i < 200; i++) {
            long s = System.nanoTime();
            CtLogList.of(store);
            conv.add(System.nanoTime() - s);
        }
        conv.sort(null);
        System.out.printf(
                "CtLogList.of(store 2023071300, %d logs): median %.3f ms%n",
                store.ctLogs().size(), conv.get(100) / 1e6);
    }
}
