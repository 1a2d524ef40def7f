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
 * sectrust4j on the corpus: {@code SecTrust.ios("17.4").at(AT).forServer(leaf name)
 * .withAnchors(root).evaluate(leaf, intermediate)} — an app anchor, so exactly two signature checks.
 * Microseconds per chain.
 *
 * <p>COLD parses the three certificates from DER on every invocation (JDK PKIX cold parses too) and
 * starts with empty signature caches: {@link Cold} clears them before each invocation, outside the
 * measured time (see {@link EvaluatorCaches}). WARM evaluates the same parsed chains again and again,
 * so both signature verdicts come from the verdict cache.
 *
 * <p>Setup evaluates a chain with cleared caches and fails unless it is trusted with exactly two
 * signature verifications; tear-down prints the verifications per cold evaluation actually measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class SecTrustBenchmark {
    static final String RELEASE = "17.4";

    @Param({"EC_P256", "RSA_2048"})
    public ChainFamily family;

    @Param({"256"})
    public int chains;

    private ChainCorpus corpus;
    private SecTrust base;
    private EvaluatorCaches caches;
    private List<Certificate>[] warmChains;
    private SecTrust[] warmTrust;
    private int next;
    private long verificationsAtStart;
    private long coldEvaluations;

    /** Empties the evaluator's signature caches before every invocation of a cold benchmark. */
    @State(Scope.Thread)
    public static class Cold {
        EvaluatorCaches caches;

        @Setup(Level.Trial)
        public void locate() {
            caches = EvaluatorCaches.install();
        }

        @Setup(Level.Invocation)
        public void clearCaches() {
            caches.clear();
        }
    }

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setup() {
        corpus = ChainCorpus.of(family, chains);
        base = SecTrust.ios(RELEASE).at(ChainCorpus.AT);
        caches = EvaluatorCaches.install();

        caches.clear();
        long before = caches.verifications();
        TrustReport first = evaluateFresh(corpus.get(0));
        long used = caches.verifications() - before;
        if (!first.trusted() || used != 2) {
            throw new IllegalStateException("expected a trusted chain with 2 signature verifications, got "
                    + first.result() + " with " + used + ": " + first.findings());
        }

        warmChains = new List[corpus.size()];
        warmTrust = new SecTrust[corpus.size()];
        for (int i = 0; i < corpus.size(); i++) {
            ChainCorpus.Chain c = corpus.get(i);
            warmChains[i] = List.of(CertificateInput.fromDer(c.leaf()), CertificateInput.fromDer(c.intermediate()));
            warmTrust[i] = base.forServer(c.host()).withAnchors(List.of(CertificateInput.fromDer(c.root())));
            TrustReport r = warmTrust[i].evaluate(warmChains[i]);
            if (!r.trusted()) {
                throw new IllegalStateException("corpus chain " + i + " is not trusted: " + r.findings());
            }
        }
        verificationsAtStart = caches.verifications();
    }

    @TearDown(Level.Trial)
    public void report() {
        if (coldEvaluations > 0) {
            System.out.printf("%n[sectrust4j] %d cold evaluations, %.3f signature verifications per evaluation%n",
                    coldEvaluations, (caches.verifications() - verificationsAtStart) / (double) coldEvaluations);
        }
    }

    private int nextIndex() {
        int i = next;
        next = next + 1 == corpus.size() ? 0 : next + 1;
        return i;
    }

    private TrustReport evaluateFresh(ChainCorpus.Chain c) {
        Certificate leaf = CertificateInput.fromDer(c.leaf());
        Certificate ca = CertificateInput.fromDer(c.intermediate());
        Certificate root = CertificateInput.fromDer(c.root());
        return base.forServer(c.host()).withAnchors(List.of(root)).evaluate(List.of(leaf, ca));
    }

    /** Fresh certificates from DER, empty signature caches: parsing, two key decodings, two verifications. */
    @Benchmark
    public TrustReport sectrust4jCold(Cold cold) {
        coldEvaluations++;
        return evaluateFresh(corpus.get(nextIndex()));
    }

    /** Parsed certificates reused; both signature verdicts come from the verdict cache. */
    @Benchmark
    public TrustReport sectrust4jWarm() {
        int i = nextIndex();
        return warmTrust[i].evaluate(warmChains[i]);
    }
}
