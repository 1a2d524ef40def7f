package io.github.sectrust4j.bench;

import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import java.util.ArrayList;
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
 * Real chains with embedded SCTs ({@link RealChainCorpus}: google.com, apple.com, microsoft.com …, 2–4
 * SCTs each, anchored in Apple's 2023071300 store), {@code SecTrust.ios("17.0").at(t).forServer(host)
 * .evaluate(chain)} with the full CT pass. Minted corpus chains carry no SCTs, so the other benchmarks
 * cannot see the CT cost; this one can. Microseconds per chain. Modes:
 * <ul>
 * <li>{@code warm}: parsed chains evaluated again and again; certificate and SCT verdicts from the caches.</li>
 * <li>{@code sctCold}: as warm, but the SCT verdict cache is emptied before every invocation (outside the
 * measured time): every SCT signature verified again, the cost of a warm evaluation before SCT verdicts
 * were cached.</li>
 * <li>{@code cold}: certificates parsed from DER in the measured time, every signature cache emptied
 * before every invocation.</li>
 * <li>{@code noLogs}: as warm, with an empty caller log list: no SCT is looked at (the chains then fail
 * CT) — the floor a warm evaluation with cached SCT verdicts should reach.</li>
 * </ul>
 * Setup fails unless every chain is trusted and CT-qualified (with the release's list); tear-down prints
 * the certificate and SCT signature verifications per measured evaluation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class RealChainBenchmark {

    @Param({"warm", "sctCold", "cold", "noLogs"})
    public String mode;

    /** The signature backend ({@code -Dsectrust4j.verifier}): Bouncy Castle or a native provider. */
    @Param({"bc", "accp", "conscrypt"})
    public String verifier;

    private List<RealChainCorpus.Chain> corpus;
    private List<List<Certificate>> presented;
    private SecTrust[] trust;
    private EvaluatorCaches caches;
    private int next;
    private int current;
    private long evaluations;
    private long certAtStart;
    private long sctAtStart;
    private long setupCert;
    private long setupSct;

    @Setup(Level.Trial)
    public void setup() {
        corpus = RealChainCorpus.load();
        io.github.sectrust4j.cert.SignatureBackends.use(verifier);
        caches = EvaluatorCaches.install();
        SecTrust base = SecTrust.ios(RealChainCorpus.RELEASE);
        presented = new ArrayList<>();
        trust = new SecTrust[corpus.size()];
        for (int i = 0; i < corpus.size(); i++) {
            RealChainCorpus.Chain c = corpus.get(i);
            presented.add(parse(c));
            trust[i] = base.at(c.at()).forServer(c.host());
            TrustReport r = trust[i].evaluate(presented.get(i));
            if (!r.trusted() || !r.certificateTransparency()) {
                throw new IllegalStateException(c.id() + " is not trusted and CT-qualified: " + r.explain());
            }
            if (mode.equals("noLogs")) {
                trust[i] = trust[i].withCtLogs(io.github.sectrust4j.ct.CtLogList.empty());
            }
        }
        certAtStart = caches.verifications();
        sctAtStart = caches.sctVerifications();
    }

    private static List<Certificate> parse(RealChainCorpus.Chain c) {
        List<Certificate> out = new ArrayList<>();
        c.der().forEach(d -> out.add(CertificateInput.fromDer(d)));
        return out;
    }

    @Setup(Level.Invocation)
    public void nextChain() {
        long cert = caches.verifications();
        long sct = caches.sctVerifications();
        if (mode.equals("cold")) {
            caches.clear();
        } else if (mode.equals("sctCold")) {
            caches.clearSctVerdicts();
        }
        setupCert += caches.verifications() - cert;
        setupSct += caches.sctVerifications() - sct;
        current = next;
        next = next + 1 == corpus.size() ? 0 : next + 1;
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf(
                "%n[real chains, %s, %s] %d evaluations, %.3f certificate and %.3f SCT signature verifications each%n",
                mode,
                verifier,
                evaluations,
                (caches.verifications() - certAtStart - setupCert) / (double) evaluations,
                (caches.sctVerifications() - sctAtStart - setupSct) / (double) evaluations);
    }

    @Benchmark
    public TrustReport realChain() {
        evaluations++;
        int i = current;
        List<Certificate> chain = mode.equals("cold") ? parse(corpus.get(i)) : presented.get(i);
        return trust[i].evaluate(chain);
    }
}
