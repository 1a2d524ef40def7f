package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.KeyAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.hardening.HostileInputs;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hostile-load harness for {@code batch} (not a unit test; issue 10): generates N request lines mixing
 * ordinary requests with every hostile kind the hardening suite reproduces, and checks N responses
 * (count, order, ids), reporting the longest gap between two responses (≈ the worst line's time, as
 * each response is flushed when ready) and the answers by kind. Build with
 * {@code mvn -B -o -q -pl core -am package -DskipTests} and {@code test-compile}, then:
 * <pre>
 * CP=core/target/sectrust4j.jar:core/target/test-classes:test-fixtures/target/classes
 * VALID=reference/apple-trust-store/valid/valid-snapshot-2023-09.sqlite3
 * java -cp $CP io.github.sectrust4j.cli.HostileBatchHarness generate 100000 $VALID \
 *   | /usr/bin/time -v java -Xmx64m -jar core/target/sectrust4j.jar batch \
 *   | java -cp $CP io.github.sectrust4j.cli.HostileBatchHarness check 100000
 * </pre>
 * Per 1,000 lines: 1 line of 700,000 empty objects (2 MB), 1 string of 1.1 M characters, 1 nesting
 * 100,000 deep, 5 exceptions plists with 199,000 references to one dictionary, 5 PEM labels of 100 KB,
 * 10 with 20 SCTs under a CT log key with a 60,000-bit exponent (root as an extra system root, so CT applies), 10 with 101 SCTs, 10 with 101 OCSP
 * responses, 20 naming the Valid database by a new name each time (a fresh "./" prefix), 5 naming a
 * database whose issuers table is an endless recursive view; per 5,000 lines one 8 MB line; the rest
 * ordinary (trusted with an app anchor, host mismatch, malformed certificate, broken JSON).
 */
public final class HostileBatchHarness {
    private HostileBatchHarness() {}

    public static void main(String[] args) throws Exception {
        long n = Long.parseLong(args[1]);
        if (args[0].equals("generate")) {
            generate(n, Path.of(args[2]));
        } else {
            check(n);
        }
    }

    private static String kind(long i) {
        if (i % 5000 == 4999) {
            return "line-8mb";
        }
        int k = (int) (i % 1000);
        if (k == 7) {
            return "objects-2mb";
        }
        if (k == 17) {
            return "string-1.1m";
        }
        if (k == 27) {
            return "deep";
        }
        int m = (int) (i % 200);
        if (m == 3) {
            return "plist-bomb";
        }
        if (m == 5) {
            return "pem-label-100k";
        }
        if (m == 9) {
            return "view-database";
        }
        int c = (int) (i % 100);
        if (c == 11) {
            return "huge-ct-log-key";
        }
        if (c == 13) {
            return "101-scts";
        }
        if (c == 15) {
            return "101-ocsp";
        }
        if (i % 50 == 19) {
            return "database-new-name";
        }
        return switch ((int) (i % 4)) {
            case 0 -> "trusted";
            case 1 -> "host-mismatch";
            case 2 -> "malformed-certificate";
            default -> "broken-json";
        };
    }

    private static void generate(long n, Path validDatabase) throws Exception {
        TestPki pki = TestPki.seeded(2610);
        HeldCertificate root = pki.root("Contoso Root CA").build();
        HeldCertificate ca = pki.intermediate("Contoso Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("sip.contoso.com", ca).build();
        Path dir = Files.createTempDirectory("sectrust4j-hostile");
        Path view = dir.resolve("view.sqlite3");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + view);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE admin(key TEXT PRIMARY KEY NOT NULL,ival INTEGER NOT NULL,value BLOB)");
            st.execute("CREATE VIEW issuers AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                    + "SELECT n AS groupid, randomblob(32) AS issuer_hash FROM r");
            for (String t : new String[] {
                "groups(groupid, flags, format, data, policies)",
                "serials(groupid, serial)",
                "hashes(groupid, sha256)",
                "dates(groupid, notbefore, notafter)"
            }) {
                st.execute("CREATE TABLE " + t);
            }
        }
        KeyPair huge = HostileInputs.withHugeEquivalentExponent(pki.nextKeyPair(KeyAlgorithm.rsa(2048)));
        byte[] hugeSpki = huge.getPublic().getEncoded();
        // signed with the real private key: valid under the huge exponent, which only the key bound refuses
        TestCtLog log = new TestCtLog("huge log", "Evil", huge, KeyAlgorithm.rsa(2048));
        String sct = Base64.getEncoder()
                .encodeToString(log.sctFor(leaf, pki.now().minusSeconds(60)).encoded());
        String ocsp = Base64.getEncoder()
                .encodeToString(pki.ocsp(leaf, ca).good().brokenSignature().build());
        String bomb = Base64.getEncoder().encodeToString(HostileInputs.sharedReferencesPlist(199_000, 0));
        String label = "X".repeat(100_000);

        try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            for (long i = 0; i < n; i++) {
                String id = "h" + i;
                String kind = kind(i);
                String head = "{\"id\":\"" + id + "\",";
                ObjectNode t = BatchProcessor.MAPPER.createObjectNode();
                t.put("id", id);
                t.putArray("chain").add(leaf.pem()).add(ca.pem());
                t.put("at", pki.now().toString());
                t.put("host", "sip.contoso.com");
                t.putArray("anchors").add(root.pem());
                String line = switch (kind) {
                    case "line-8mb" -> head + "\"x\":\"" + "a".repeat(8 * 1024 * 1024) + "\"}";
                    case "objects-2mb" -> head + "\"x\":[" + "{},".repeat(700_000) + "{}]}";
                    case "string-1.1m" -> head + "\"x\":\"" + "b".repeat(1_100_000) + "\"}";
                    case "deep" -> head + "\"x\":" + "[".repeat(100_000) + "}";
                    case "plist-bomb" -> t.put("exceptions", bomb).toString();
                    case "pem-label-100k" ->
                        t.set(
                                        "chain",
                                        BatchProcessor.MAPPER
                                                .createArrayNode()
                                                .add("-----BEGIN " + label + "-----\nAAAA\n-----END " + label
                                                        + "-----\n"))
                                .toString();
                    case "view-database" ->
                        t.put("revocationDatabase", view.toString()).toString();
                    case "huge-ct-log-key" -> {
                        t.remove("anchors");
                        t.putArray("extraSystemRoots").add(root.pem());
                        t.putArray("ctLogs")
                                .addObject()
                                .put("key", Base64.getEncoder().encodeToString(hugeSpki))
                                .put("operator", "Evil")
                                .put("description", "huge log");
                        ArrayNode scts = t.putArray("scts");
                        for (int k = 0; k < 20; k++) {
                            scts.add(sct);
                        }
                        yield t.toString();
                    }
                    case "101-scts" -> {
                        ArrayNode scts = t.putArray("scts");
                        for (int k = 0; k < 101; k++) {
                            scts.add(sct);
                        }
                        yield t.toString();
                    }
                    case "101-ocsp" -> {
                        ArrayNode responses = t.putArray("ocspResponses");
                        for (int k = 0; k < 101; k++) {
                            responses.add(ocsp);
                        }
                        yield t.toString();
                    }
                    case "database-new-name" ->
                        t.put(
                                        "revocationDatabase",
                                        validDatabase.toAbsolutePath().getParent() + "/"
                                                + "./".repeat((int) (i / 50) % 1000 + 1) + validDatabase.getFileName())
                                .toString();
                    case "host-mismatch" -> t.put("host", "www.fabrikam.com").toString();
                    case "malformed-certificate" ->
                        t.set(
                                        "chain",
                                        BatchProcessor.MAPPER
                                                .createArrayNode()
                                                .add(leaf.pem())
                                                .add("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                                .toString();
                    case "broken-json" -> {
                        String s = t.toString();
                        yield s.substring(0, s.length() / 2);
                    }
                    default -> t.toString();
                };
                out.write(line);
                out.write('\n');
            }
        }
    }

    private static void check(long n) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        long i = 0;
        Map<String, long[]> byKind = new TreeMap<>(); // trusted, not trusted, input error, internal error
        long worstGap = 0;
        long worstLine = -1;
        long worstWarmGap = 0; // after the first 100 responses (class loading, trust-store loading)
        long worstWarmLine = -1;
        long last = System.nanoTime();
        for (String line = in.readLine(); line != null; line = in.readLine(), i++) {
            long now = System.nanoTime();
            if (i > 0 && now - last > worstGap) {
                worstGap = now - last;
                worstLine = i;
            }
            if (i >= 100 && now - last > worstWarmGap) {
                worstWarmGap = now - last;
                worstWarmLine = i;
            }
            last = now;
            JsonNode r = BatchProcessor.MAPPER.readTree(line);
            String id = r.get("id").asText();
            if (!("h" + i).equals(id)) {
                throw new IllegalStateException("line " + i + ": id " + id + ", expected h" + i);
            }
            long[] counts = byKind.computeIfAbsent(kind(i), k -> new long[4]);
            if (r.has("trusted")) {
                counts[r.get("trusted").booleanValue() ? 0 : 1]++;
            } else if (r.at("/error/input").isTextual()) {
                counts[2]++;
            } else {
                counts[3]++;
            }
        }
        System.out.printf(
                "responses %d of %d in order; longest gap between responses %.3f s (before h%d, %s)%n",
                i, n, worstGap / 1e9, worstLine, worstLine < 0 ? "-" : kind(worstLine));
        System.out.printf(
                "after the first 100: longest gap %.3f s (before h%d, %s)%n",
                worstWarmGap / 1e9, worstWarmLine, worstWarmLine < 0 ? "-" : kind(worstWarmLine));
        System.out.println("kind: trusted / not trusted / input error / internal error");
        byKind.forEach((k, c) -> System.out.printf("  %-22s %d / %d / %d / %d%n", k, c[0], c[1], c[2], c[3]));
        if (i != n) {
            throw new IllegalStateException("expected " + n + " responses, got " + i);
        }
    }
}
