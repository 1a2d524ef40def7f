package io.github.sectrust4j.bench;

import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import java.util.ArrayList;
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

/**
 * Scaling with what the caller supplies (issue 14 item 5): one chain (leaf, issuing CA) evaluated with
 * {@code supplied} extra certificates beside it. The extras are the issuing CAs of the other chains of a
 * {@link ChainCorpus}: every one has its own subject name, so none is ever a candidate issuer.
 *
 * <ul>
 *   <li>{@code noExtras} / {@code extraIntermediates} / {@code extrasInChain}: cold, from PEM text per
 *       invocation — the chain alone; the chain with the extras as intermediates the device has
 *       ({@code withIntermediates}); the chain with the extras sent by the server after the leaf. Signature
 *       verdicts stay in the evaluator's cache: what these rows add to {@code noExtras} is reading and
 *       indexing the extras.
 *   <li>{@code profileRootsConfigureAndEvaluate} / {@code appAnchorsConfigureAndEvaluate}: {@code supplied}
 *       parsed roots (the chain's own among them) installed one by one as full-trust profile roots, or given
 *       as app anchors, then one evaluation; {@code profileRootsEvaluate} / {@code appAnchorsEvaluate}: the
 *       evaluation alone with the configuration built once.
 * </ul>
 *
 * Microseconds per invocation. Setup fails unless every variant trusts the chain.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class SuppliedScalingBenchmark {

    @Param({"EC_P256"})
    public ChainFamily family;

    @Param({"1000"})
    public int supplied;

    private SecTrust base;
    private Certificate root;
    private String chainPem;
    private String extrasPem;
    private String chainWithExtrasPem;
    private List<Certificate> presented;
    private List<Certificate> roots;
    private SecTrust profileTrust;
    private SecTrust anchorTrust;

    @Setup
    public void setup() {
        ChainCorpus corpus = ChainCorpus.of(family, supplied + 1);
        ChainCorpus.Chain chain = corpus.get(0);
        base = SecTrust.ios(SecTrustColdBenchmark.RELEASE).at(ChainCorpus.AT).forServer(chain.host());
        root = CertificateInput.fromDer(chain.root());
        chainPem = BatchLines.pem(chain.leaf()) + BatchLines.pem(chain.intermediate());
        StringBuilder extras = new StringBuilder();
        roots = new ArrayList<>();
        for (int i = 0; i < supplied; i++) {
            roots.add(CertificateInput.fromDer(corpus.get(i).root()));
            extras.append(BatchLines.pem(corpus.get(i + 1).intermediate()));
        }
        extrasPem = extras.toString();
        chainWithExtrasPem = chainPem + extrasPem;
        presented = CertificateInput.fromPem(chainPem);
        profileTrust = profileRoots();
        anchorTrust = base.withAnchors(roots);
        check(noExtras(), "noExtras");
        check(extraIntermediates(), "extraIntermediates");
        check(extrasInChain(), "extrasInChain");
        check(profileRootsEvaluate(), "profileRootsEvaluate");
        check(appAnchorsEvaluate(), "appAnchorsEvaluate");
    }

    private static void check(TrustReport r, String what) {
        if (!r.trusted()) {
            throw new IllegalStateException(what + ": the chain is not trusted: " + r.findings());
        }
    }

    private SecTrust profileRoots() {
        SecTrust t = base;
        for (Certificate r : roots) {
            t = t.withProfileRoot(r, FullTrust.ON);
        }
        return t;
    }

    @Benchmark
    public TrustReport noExtras() {
        return base.withAnchors(root).evaluate(chainPem);
    }

    @Benchmark
    public TrustReport extraIntermediates() {
        return base.withAnchors(root).withIntermediates(extrasPem).evaluate(chainPem);
    }

    @Benchmark
    public TrustReport extrasInChain() {
        return base.withAnchors(root).evaluate(chainWithExtrasPem);
    }

    @Benchmark
    public TrustReport profileRootsConfigureAndEvaluate() {
        return profileRoots().evaluate(presented);
    }

    @Benchmark
    public TrustReport appAnchorsConfigureAndEvaluate() {
        return base.withAnchors(roots).evaluate(presented);
    }

    @Benchmark
    public TrustReport profileRootsEvaluate() {
        return profileTrust.evaluate(presented);
    }

    @Benchmark
    public TrustReport appAnchorsEvaluate() {
        return anchorTrust.evaluate(presented);
    }
}
