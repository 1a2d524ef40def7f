package io.github.sectrust4j.cert.bench;

import io.github.sectrust4j.SharedData;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.KeyAlgorithm;
import io.github.sectrust4j.cert.SignatureVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Documented harness (not a unit test): parse and self-signature-verification speed over Apple's
 * trust-store history. Run from the repository root:
 *
 * <pre>
 * mvn -B -o -q -pl core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp "$(cat core/target/cp.txt):core/target/classes:core/target/test-classes" \
 *     io.github.sectrust4j.cert.bench.CertificateBenchmark [path/to/apple-trust-store/certs]
 * </pre>
 *
 * Prints the median of several rounds; expect noise on shared machines.
 */
public final class CertificateBenchmark {
    private CertificateBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : SharedData.appleRoots();
        List<byte[]> ders = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".cer")).sorted().toList()) {
                ders.add(Files.readAllBytes(p));
            }
        }
        List<Certificate> certs = new ArrayList<>();
        List<Double> parseUs = new ArrayList<>();
        for (int round = 0; round < 9; round++) {
            certs.clear();
            long t0 = System.nanoTime();
            for (byte[] d : ders) {
                try {
                    certs.add(Certificate.parse(d));
                } catch (RuntimeException e) {
                    // the one Apple file with trailing text
                }
            }
            parseUs.add((System.nanoTime() - t0) / 1e3 / certs.size());
        }
        System.out.printf("parse: %d certificates, median %.1f us/certificate%n", certs.size(), median(parseUs));
        List<Certificate> selfIssued =
                certs.stream().filter(Certificate::isSelfIssued).toList();
        List<Double> cold = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            SignatureVerifier v = SignatureVerifier.bouncyCastle();
            long t0 = System.nanoTime();
            for (Certificate c : selfIssued) {
                v.verifies(c, c.publicKey());
            }
            cold.add((System.nanoTime() - t0) / 1e6 / selfIssued.size());
        }
        System.out.printf(
                "verify, cold verifier (key decoding included): median %.3f ms/check over %d%n",
                median(cold), selfIssued.size());
        for (KeyAlgorithm alg : List.of(KeyAlgorithm.RSA, KeyAlgorithm.EC)) {
            List<Certificate> sub = selfIssued.stream()
                    .filter(c -> c.publicKey().algorithm() == alg)
                    .toList();
            SignatureVerifier v = SignatureVerifier.bouncyCastle();
            sub.forEach(c -> v.verifies(c, c.publicKey()));
            List<Double> warm = new ArrayList<>();
            for (int round = 0; round < 7; round++) {
                long t0 = System.nanoTime();
                sub.forEach(c -> v.verifies(c, c.publicKey()));
                warm.add((System.nanoTime() - t0) / 1e6 / sub.size());
            }
            System.out.printf("verify %s, warm: median %.3f ms/check over %d%n", alg, median(warm), sub.size());
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        return s.get(s.size() / 2);
    }
}
