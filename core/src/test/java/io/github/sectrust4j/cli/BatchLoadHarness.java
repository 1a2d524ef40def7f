package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory-flatness harness for {@code batch} (not a unit test): generates N request lines on stdout
 * and checks N responses on stdin (count, order, ids), so a million lines never touch the disk.
 * Build with {@code mvn -B -o -q -pl core -am package -DskipTests} and {@code test-compile}, then:
 * <pre>
 * CP=core/target/sectrust4j.jar:core/target/test-classes:test-fixtures/target/classes
 * java -cp $CP io.github.sectrust4j.cli.BatchLoadHarness generate 1000000 \
 *   | /usr/bin/time -v java -Xmx64m -Xlog:gc:file=/tmp/batch-gc.log -jar core/target/sectrust4j.jar batch \
 *   | java -cp $CP io.github.sectrust4j.cli.BatchLoadHarness check 1000000
 * </pre>
 * The mix: 2/6 trusted-looking requests with an app anchor, 1/6 host mismatch against a pinned
 * trust-store version, 1/6 with a profile root and OCSP/SCT fields, 1/6 malformed certificate,
 * 1/6 broken JSON. "Flat" = the GC log's heap-after-GC stays level from the first thousand lines to
 * the last, and the run finishes under {@code -Xmx64m}.
 */
public final class BatchLoadHarness {
    private BatchLoadHarness() {}

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[1]);
        if (args[0].equals("generate")) {
            generate(n);
        } else {
            check(n);
        }
    }

    private static void generate(long n) throws Exception {
        TestPki pki = TestPki.seeded(2026);
        HeldCertificate root = pki.root("Contoso Root CA").build();
        HeldCertificate ca = pki.intermediate("Contoso Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("sip.contoso.com", ca).build();
        List<ObjectNode> templates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ObjectNode t = BatchProcessor.MAPPER.createObjectNode();
            t.put("id", "");
            t.putArray("chain").add(leaf.pem()).add(ca.pem());
            t.put("at", pki.now().toString());
            switch (i) {
                case 0, 1 -> {
                    t.put("host", "sip.contoso.com");
                    t.putArray("anchors").add(root.pem());
                }
                case 2 ->
                    t.put("host", "www.fabrikam.com")
                            .put("systemRoots", 2023071300)
                            .put("ios", "17.4");
                case 3 -> {
                    t.put("host", "sip.contoso.com");
                    t.putArray("userRoots")
                            .addObject()
                            .put("cert", root.pem())
                            .put("install", "profile")
                            .put("fullTrust", true);
                    t.putArray("ocspResponses").add("MAMKAQE=");
                    t.putArray("scts").add("AAEC");
                }
                case 4 ->
                    t.putArray("chain")
                            .add(leaf.pem())
                            .add("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
                default -> {}
            }
            templates.add(t);
        }
        try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            for (long i = 0; i < n; i++) {
                int k = (int) (i % 6);
                ObjectNode t = templates.get(k);
                t.put("id", "r" + i);
                String line = t.toString();
                out.write(k == 5 ? line.substring(0, line.length() / 2) : line);
                out.write('\n');
            }
        }
    }

    private static void check(long n) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        long i = 0;
        long trusted = 0;
        long untrusted = 0;
        long inputErrors = 0;
        long internalErrors = 0;
        for (String line = in.readLine(); line != null; line = in.readLine(), i++) {
            JsonNode r = BatchProcessor.MAPPER.readTree(line);
            String id = r.get("id").textValue();
            if (!("r" + i).equals(id)) {
                throw new IllegalStateException("line " + i + ": id " + id + ", expected r" + i);
            }
            if (r.has("trusted")) {
                if (r.get("trusted").booleanValue()) {
                    trusted++;
                } else {
                    untrusted++;
                }
            } else if (r.at("/error/input").isTextual()) {
                inputErrors++;
            } else {
                internalErrors++;
            }
        }
        System.out.printf(
                "responses %d of %d in order; trusted %d, not trusted %d, input errors %d, internal errors %d%n",
                i, n, trusted, untrusted, inputErrors, internalErrors);
        if (i != n) {
            throw new IllegalStateException("expected " + n + " responses, got " + i);
        }
    }
}
