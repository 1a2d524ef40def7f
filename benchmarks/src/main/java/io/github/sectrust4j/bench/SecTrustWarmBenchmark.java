package io.github.sectrust4j.bench;

import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * sectrust4j WARM: the corpus parsed once, each chain's {@link SecTrust} built once, evaluated again
 * and again in turn; every signature verdict comes from the evaluator's verdict cache (the corpus has
 * far fewer links than the cache holds). Microseconds per chain.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class SecTrustWarmBenchmark {

    @Param({"EC_P256", "RSA_2048"})
    public ChainFamily family;

    @Param({"256"})
    public int chains;

    private List<Certificate>[] presented;
    private SecTrust[] trust;
    private EvaluatorCaches caches;
    private long verificationsAtStart;
    private long evaluations;
    private int next;

    @Setup
    @SuppressWarnings("unchecked")
    public void setup() {
        ChainCorpus corpus = ChainCorpus.of(family, chains);
        SecTrust base = SecTrust.ios(SecTrustColdBenchmark.RELEASE).at(ChainCorpus.AT);
        caches = EvaluatorCaches.install();
        presented = new List[corpus.size()];
        trust = new SecTrust[corpus.size()];
        for (int i = 0; i < corpus.size(); i++) {
            ChainCorpus.Chain c = corpus.get(i);
            presented[i] = List.of(CertificateInput.fromDer(c.leaf()), CertificateInput.fromDer(c.intermediate()));
            trust[i] = base.forServer(c.host()).withAnchors(List.of(CertificateInput.fromDer(c.root())));
            TrustReport r = trust[i].evaluate(presented[i]);
            if (!r.trusted()) {
                throw new IllegalStateException("corpus chain " + i + " is not trusted: " + r.findings());
            }
        }
        verificationsAtStart = caches.verifications();
    }

    @TearDown
    public void report() {
        System.out.printf(
                "%n[sectrust4j warm] %d evaluations, %.3f signature verifications each%n",
                evaluations, (caches.verifications() - verificationsAtStart) / (double) evaluations);
    }

    /** Parsed certificates reused; every verdict from the verdict cache. */
    @Benchmark
    public TrustReport sectrust4jWarm() {
        evaluations++;
        int i = next;
        next = next + 1 == presented.length ? 0 : next + 1;
        return trust[i].evaluate(presented[i]);
    }
}
