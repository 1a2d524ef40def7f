package io.github.sectrust4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Request lines for measuring {@code batch} throughput (README, Performance, "Batch throughput"); writes
 * N lines to stdout:
 * <ul>
 * <li>{@code repeated N}: the 14 real x509-limbo {@code online} chains ({@link RealChainCorpus}: RSA and ECDSA
 * leaves, 2–4 embedded SCTs each, Apple's 2023071300 store, iOS 17.0), cycled: after the first 14 lines every
 * signature verdict comes from the caches.</li>
 * <li>{@code distinct N}: N distinct RSA-2048 leaves (own serial and host name, 2 embedded SCTs from two ECDSA
 * P-256 test logs given in {@code ctLogs}) under one RSA-2048 issuing CA, anchored with {@code anchors}: each
 * line costs one fresh RSA leaf signature and two fresh SCT signatures.</li>
 * </ul>
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.sectrust4j.bench.BatchLines distinct 20000 > /tmp/distinct.jsonl
 * java -cp benchmarks/target/benchmarks.jar io.github.sectrust4j.bench.BatchLines distinct 20000 15 > /tmp/distinct-15.jsonl
 * </pre>
 * Minting is slow (RSA signatures, two SCTs per leaf: about 6 ms a line); {@link #cached} keeps the lines in the
 * benchmark corpus folder ({@code sectrust4j.bench.corpusDir}) for later runs.
 */
public final class BatchLines {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The seed of the cached corpus; another seed mints another root, issuing CA and logs (a longer stream). */
    private static final int DEFAULT_SEED = 14;

    private BatchLines() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2
                || args.length > 3
                || !List.of("repeated", "distinct").contains(args[0])) {
            System.err.println("usage: BatchLines repeated|distinct N [seed]");
            System.exit(2);
        }
        long n = Long.parseLong(args[1]);
        int seed = args.length == 3 ? Integer.parseInt(args[2]) : DEFAULT_SEED;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            if (args[0].equals("repeated")) {
                repeated(n, out);
            } else {
                distinct(n, seed, out);
            }
        }
    }

    /** The first {@code n} lines of a kind, minted once and kept in the corpus folder. */
    static List<String> cached(String kind, int n) {
        Path dir = Path.of(System.getProperty(
                "sectrust4j.bench.corpusDir",
                Path.of(System.getProperty("java.io.tmpdir"), "sectrust4j-bench-corpus")
                        .toString()));
        Path file = dir.resolve("batch-" + kind + "-" + n + "-v1.jsonl");
        try {
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() == n) {
                    return lines;
                }
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                if (kind.equals("repeated")) {
                    repeated(n, out);
                } else {
                    distinct(n, DEFAULT_SEED, out);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the batch lines in " + file, e);
        }
    }

    private static void repeated(long n, Writer out) throws IOException {
        List<RealChainCorpus.Chain> corpus = RealChainCorpus.load();
        for (long i = 0; i < n; i++) {
            RealChainCorpus.Chain c = corpus.get((int) (i % corpus.size()));
            ObjectNode line = JSON.createObjectNode();
            line.put("id", "r" + i);
            ArrayNode chain = line.putArray("chain");
            c.der().forEach(d -> chain.add(pem(d)));
            line.put("host", c.host()).put("ios", RealChainCorpus.RELEASE).put("at", c.at().toString());
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
        }
    }

    private static void distinct(long n, int seed, Writer out) throws IOException {
        TestPki pki = TestPki.seeded(seed);
        String idPrefix = seed == DEFAULT_SEED ? "d" : "d" + seed + "-";
        HeldCertificate root = pki.root("Northwind Global Root R2").rsa(2048).build();
        HeldCertificate ca = pki.intermediate("Northwind RSA Issuing CA 2026", root)
                .rsa(2048)
                .build();
        TestCtLog a = pki.ctLog("Test Log A");
        TestCtLog b = pki.ctLog("Test Log B");
        Instant issued = pki.now().minus(Duration.ofDays(30));
        String rootPem = root.pem();
        String caPem = ca.pem();
        ObjectNode template = JSON.createObjectNode();
        template.putArray("anchors").add(rootPem);
        ArrayNode logs = template.putArray("ctLogs");
        logs.addObject().put("key", a.publicKeyBase64()).put("operator", "Operator A");
        logs.addObject().put("key", b.publicKeyBase64()).put("operator", "Operator B");
        for (long i = 0; i < n; i++) {
            String host = "shop" + i + ".northwind.example";
            HeldCertificate leaf = pki.leaf(host, ca)
                    .rsa(2048)
                    .keyIndex((int) (i % 8))
                    .embeddedScts(a, issued.plusSeconds(60))
                    .embeddedScts(b, issued.plusSeconds(60))
                    .build();
            ObjectNode line = JSON.createObjectNode();
            line.put("id", idPrefix + i);
            line.putArray("chain").add(leaf.pem()).add(caPem);
            line.put("host", host).put("ios", "17.4").put("at", pki.now().toString());
            line.setAll(template);
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
        }
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }
}
