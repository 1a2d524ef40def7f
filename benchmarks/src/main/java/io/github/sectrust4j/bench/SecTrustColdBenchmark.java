package io.github.sectrust4j.bench;

import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * sectrust4j COLD: {@code SecTrust.ios("17.4").at(AT).forServer(leaf name).withAnchors(root)
 * .evaluate(leaf, intermediate)} on certificates parsed from DER in the measured time (JDK PKIX cold
 * parses too), with the evaluator's signature caches emptied before every invocation, outside the
 * measured time ({@link EvaluatorCaches}). Microseconds per chain.
 *
 * <p>{@code anchor=cold}: nothing cached. The evaluator then runs three signature verifications: the two
 * links and the anchor's own self-signature, which Apple's path score needs (§1.5 "top is
 * self-signed", computed by {@code SecCertificateIsSelfSigned}, a real signature check).
 * {@code anchor=known}: the caches are emptied, then the anchor's self-signature verdict is put back —
 * the usual deployment, where an app evaluates many server chains against the same anchor; two
 * verifications (the links), like the RAW baseline.
 *
 * <p>Setup fails unless a chain evaluates as trusted with exactly that many verifications; tear-down
 * prints the verifications per measured evaluation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class SecTrustColdBenchmark {
    static final String RELEASE = "17.4";

    @Param({"EC_P256", "RSA_2048"})
    public ChainFamily family;

    @Param({"256"})
    public int chains;

    @Param({"cold", "known"})
    public String anchor;

    private ChainCorpus corpus;
    private SecTrust base;
    private EvaluatorCaches caches;
    private int next;
    private ChainCorpus.Chain chain;
    private long verificationsAtStart;
    private long evaluations;
    private long setupVerifications;

    @Setup(Level.Trial)
    public void setup() {
        corpus = ChainCorpus.of(family, chains);
        base = SecTrust.ios(RELEASE).at(ChainCorpus.AT);
        caches = EvaluatorCaches.install();
        long expected = expectedVerifications();
        for (int i = 0; i < corpus.size(); i++) {
            prepare(i);
            long before = caches.verifications();
            TrustReport r = evaluate(chain);
            long used = caches.verifications() - before;
            if (!r.trusted() || used != expected) {
                throw new IllegalStateException("chain " + i + ": expected trusted with " + expected
                        + " signature verifications, got " + r.result() + " with " + used + ": " + r.findings());
            }
        }
        verificationsAtStart = caches.verifications();
    }

    private long expectedVerifications() {
        return anchor.equals("known") ? 2 : 3;
    }

    /** Empties the caches (and restores the anchor's verdict for {@code anchor=known}) for chain {@code i}. */
    private void prepare(int i) {
        chain = corpus.get(i);
        caches.clear();
        if (anchor.equals("known")) {
            Certificate root = CertificateInput.fromDer(chain.root());
            caches.verifyThroughCache(root, root);
        }
    }

    @Setup(Level.Invocation)
    public void nextChain() {
        long before = caches.verifications();
        prepare(next);
        setupVerifications += caches.verifications() - before;
        next = next + 1 == corpus.size() ? 0 : next + 1;
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf(
                "%n[sectrust4j cold, anchor=%s] %d evaluations, %.3f signature verifications each%n",
                anchor,
                evaluations,
                (caches.verifications() - verificationsAtStart - setupVerifications) / (double) evaluations);
    }

    private TrustReport evaluate(ChainCorpus.Chain c) {
        Certificate leaf = CertificateInput.fromDer(c.leaf());
        Certificate ca = CertificateInput.fromDer(c.intermediate());
        Certificate root = CertificateInput.fromDer(c.root());
        return base.forServer(c.host()).withAnchors(List.of(root)).evaluate(List.of(leaf, ca));
    }

    /** Fresh certificates from DER, empty signature caches. */
    @Benchmark
    public TrustReport sectrust4jCold() {
        evaluations++;
        return evaluate(chain);
    }
}
