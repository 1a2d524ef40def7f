package io.github.sectrust4j.bench;

import io.github.sectrust4j.cert.CertificateInput;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Breakdown: parsing a chain's three certificates from DER, sectrust4j's {@code Certificate} against
 * the JDK's {@code CertificateFactory} (cycled past its 750-entry cache, see {@link JdkPkixBenchmark}).
 * Microseconds per chain.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class ParseBenchmark {

    @Param({"EC_P256", "RSA_2048"})
    public ChainFamily family;

    @Param({"256"})
    public int chains;

    private ChainCorpus corpus;
    private CertificateFactory factory;
    private int next;

    @Setup
    public void setup() throws CertificateException {
        corpus = ChainCorpus.of(family, chains);
        factory = CertificateFactory.getInstance("X.509");
    }

    private ChainCorpus.Chain nextChain() {
        ChainCorpus.Chain c = corpus.get(next);
        next = next + 1 == corpus.size() ? 0 : next + 1;
        return c;
    }

    @Benchmark
    public void parseSectrust4j(Blackhole bh) {
        ChainCorpus.Chain c = nextChain();
        bh.consume(CertificateInput.fromDer(c.leaf()));
        bh.consume(CertificateInput.fromDer(c.intermediate()));
        bh.consume(CertificateInput.fromDer(c.root()));
    }

    @Benchmark
    public void parseJdk(Blackhole bh) throws CertificateException {
        ChainCorpus.Chain c = nextChain();
        bh.consume(factory.generateCertificate(new ByteArrayInputStream(c.leaf())));
        bh.consume(factory.generateCertificate(new ByteArrayInputStream(c.intermediate())));
        bh.consume(factory.generateCertificate(new ByteArrayInputStream(c.root())));
    }
}
