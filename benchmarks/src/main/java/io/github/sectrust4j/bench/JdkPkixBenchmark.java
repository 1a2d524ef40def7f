package io.github.sectrust4j.bench;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorResult;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Set;
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
 * The JDK's PKIX {@link CertPathValidator} on the same chains: trust anchor = the chain's root,
 * revocation off, validation date = {@link ChainCorpus#AT}. Microseconds per chain.
 *
 * <p>COLD parses the three certificates with {@link CertificateFactory} on every invocation. The JDK
 * caches in two places that would make that warm: {@code X509CertImpl} remembers a successful
 * {@code verify} on the object, and {@code X509Factory} keeps the last 750 parsed certificates by
 * encoding and hands back the cached object. The corpus is cycled in order and holds more than 750
 * certificates (3 × 256), so each parse misses the factory cache and yields a new, never-verified
 * object; {@link #setup()} checks exactly that and refuses to run otherwise.
 *
 * <p>WARM validates pre-parsed certificate objects again and again (their verdicts cached on the objects).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class JdkPkixBenchmark {

    @Param({"EC_P256", "RSA_2048"})
    public ChainFamily family;

    @Param({"256"})
    public int chains;

    private ChainCorpus corpus;
    private CertificateFactory factory;
    private CertPathValidator validator;
    private Date at;
    private CertPath[] warmPaths;
    private PKIXParameters[] warmParameters;
    private int next;

    @Setup
    public void setup() throws GeneralSecurityException {
        corpus = ChainCorpus.of(family, chains);
        factory = CertificateFactory.getInstance("X.509");
        validator = CertPathValidator.getInstance("PKIX");
        at = Date.from(ChainCorpus.AT);
        warmPaths = new CertPath[corpus.size()];
        warmParameters = new PKIXParameters[corpus.size()];
        for (int i = 0; i < corpus.size(); i++) {
            ChainCorpus.Chain c = corpus.get(i);
            warmPaths[i] = factory.generateCertPath(List.of(parse(c.leaf()), parse(c.intermediate())));
            warmParameters[i] = parameters(parse(c.root()));
            validator.validate(warmPaths[i], warmParameters[i]); // throws if the corpus is broken
        }
        checkFactoryCacheIsCycled();
    }

    /** Parsing the whole corpus in order must push a certificate out of the JDK's factory cache. */
    private void checkFactoryCacheIsCycled() throws CertificateException {
        X509Certificate first = parse(corpus.get(0).leaf());
        for (ChainCorpus.Chain c : corpus.chains()) {
            parse(c.leaf());
            parse(c.intermediate());
            parse(c.root());
        }
        if (parse(corpus.get(0).leaf()) == first) {
            throw new IllegalStateException("the JDK's CertificateFactory cache still holds the corpus after a full"
                    + " cycle: cold runs would reuse verified objects; use more chains (-p chains=...)");
        }
    }

    private X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    }

    private PKIXParameters parameters(X509Certificate root) throws GeneralSecurityException {
        PKIXParameters p = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        p.setRevocationEnabled(false);
        p.setDate(at);
        return p;
    }

    private int nextIndex() {
        int i = next;
        next = next + 1 == corpus.size() ? 0 : next + 1;
        return i;
    }

    /** Fresh certificate objects from DER every time: parsing included, no verdicts cached on the objects. */
    @Benchmark
    public CertPathValidatorResult jdkPkixCold() throws GeneralSecurityException {
        ChainCorpus.Chain c = corpus.get(nextIndex());
        X509Certificate leaf = parse(c.leaf());
        X509Certificate ca = parse(c.intermediate());
        X509Certificate root = parse(c.root());
        return validator.validate(factory.generateCertPath(List.of(leaf, ca)), parameters(root));
    }

    /** The same certificate objects every cycle (the JDK caches each object's verified key). */
    @Benchmark
    public CertPathValidatorResult jdkPkixWarm() throws GeneralSecurityException {
        int i = nextIndex();
        return validator.validate(warmPaths[i], warmParameters[i]);
    }
}
