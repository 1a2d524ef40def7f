package io.github.sectrust4j.bench;

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
 * RAW: only a chain's two signature checks (leaf ← intermediate, intermediate ← root), each with
 * issuer-key decoding from the SPKI bytes, TBS hashing and verification — and, for the new-anchor
 * floor, the root's self-signature too. The floor under any cold evaluation of the same chain.
 * Microseconds per chain.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class RawSignatureBenchmark {

    @Param({"EC_P256", "RSA_2048"})
    public ChainFamily family;

    @Param({"256"})
    public int chains;

    /** The native providers (their natives load on Linux x86_64; the benchmark fails where they do not). */
    private static final java.security.Provider ACCP =
            com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;

    private static final java.security.Provider CONSCRYPT = org.conscrypt.Conscrypt.newProvider();
    /** sectrust4j's backends: Bouncy Castle (the reference) and the two native ones. */
    private static final io.github.sectrust4j.cert.SignatureBackend BACKEND_BC =
            io.github.sectrust4j.cert.SignatureBackend.bouncyCastle();

    private static final io.github.sectrust4j.cert.SignatureBackend BACKEND_ACCP =
            io.github.sectrust4j.cert.SignatureBackends.use("accp");
    private static final io.github.sectrust4j.cert.SignatureBackend BACKEND_CONSCRYPT =
            io.github.sectrust4j.cert.SignatureBackends.use("conscrypt");

    private SignatureLink[][] links;
    /** Each chain's root self-signature (root ← root), which iOS also checks for an anchor it has not seen (§1.5). */
    private SignatureLink[] rootSelfSignatures;

    private int next;

    @Setup
    public void setup() {
        ChainCorpus corpus = ChainCorpus.of(family, chains);
        links = new SignatureLink[corpus.size()][];
        rootSelfSignatures = new SignatureLink[corpus.size()];
        for (int i = 0; i < corpus.size(); i++) {
            ChainCorpus.Chain c = corpus.get(i);
            links[i] = new SignatureLink[] {
                new SignatureLink(c.leaf(), c.intermediate()), new SignatureLink(c.intermediate(), c.root())
            };
            rootSelfSignatures[i] = new SignatureLink(c.root(), c.root());
            if (!links[i][0].verifyBcLightweight()
                    || !links[i][1].verifyBcLightweight()
                    || !links[i][0].verifyBcLightweight(true)
                    || !links[i][1].verifyBcLightweight(true)
                    || !rootSelfSignatures[i].verifyBcLightweight(true)
                    || !links[i][0].verifyJca()
                    || !links[i][1].verifyJca()
                    || !links[i][0].verifyJca(ACCP)
                    || !links[i][1].verifyJca(ACCP)
                    || !links[i][0].verifyJca(CONSCRYPT)
                    || !links[i][1].verifyJca(CONSCRYPT)
                    || !links[i][0].verifyWith(BACKEND_ACCP)
                    || !links[i][1].verifyWith(BACKEND_CONSCRYPT)
                    || !links[i][0].verifyWith(BACKEND_BC)
                    || !links[i][1].verifyWith(BACKEND_BC)) {
                throw new IllegalStateException("corpus chain " + i + " does not verify");
            }
        }
    }

    private int nextIndex() {
        int i = next;
        next = next + 1 == links.length ? 0 : next + 1;
        return i;
    }

    private SignatureLink[] nextChain() {
        return links[nextIndex()];
    }

    /** Bouncy Castle lightweight verifiers: the fastest available on Java 17. */
    @Benchmark
    public void rawBouncyCastle(Blackhole bh) {
        SignatureLink[] l = nextChain();
        bh.consume(l[0].verifyBcLightweight());
        bh.consume(l[1].verifyBcLightweight());
    }

    /**
     * Bouncy Castle lightweight verifiers hashing with the JDK's intrinsified SHA-256 — the fastest
     * verification available on Java 17 for both key types, and what sectrust4j's verifier does.
     */
    @Benchmark
    public void rawBouncyCastleJdkDigest(Blackhole bh) {
        SignatureLink[] l = nextChain();
        bh.consume(l[0].verifyBcLightweight(true));
        bh.consume(l[1].verifyBcLightweight(true));
    }

    /**
     * The three checks iOS makes for a chain whose root it has not seen: both links and the root's
     * self-signature (§1.5), fastest verifiers. The floor under a cold evaluation with a new anchor.
     */
    @Benchmark
    public void rawBouncyCastleJdkDigestWithRootSelfSignature(Blackhole bh) {
        int i = nextIndex();
        bh.consume(links[i][0].verifyBcLightweight(true));
        bh.consume(links[i][1].verifyBcLightweight(true));
        bh.consume(rootSelfSignatures[i].verifyBcLightweight(true));
    }

    /** SunEC / SunRsaSign through JCA, for reference. */
    @Benchmark
    public void rawJdkProviders(Blackhole bh) {
        SignatureLink[] l = nextChain();
        bh.consume(l[0].verifyJca());
        bh.consume(l[1].verifyJca());
    }

    /** Amazon Corretto Crypto Provider (AWS-LC) through JCA: what {@code -Dsectrust4j.verifier=accp} verifies with. */
    @Benchmark
    public void rawAccp(Blackhole bh) {
        SignatureLink[] l = nextChain();
        bh.consume(l[0].verifyJca(ACCP));
        bh.consume(l[1].verifyJca(ACCP));
    }

    /** Conscrypt (BoringSSL) through JCA: what {@code -Dsectrust4j.verifier=conscrypt} verifies with. */
    @Benchmark
    public void rawConscrypt(Blackhole bh) {
        SignatureLink[] l = nextChain();
        bh.consume(l[0].verifyJca(CONSCRYPT));
        bh.consume(l[1].verifyJca(CONSCRYPT));
    }

    /**
     * sectrust4j's Bouncy Castle backend with its decoded issuer keys warm: the verification alone, as an
     * evaluation makes it once the issuer's key is known. The baseline of {@link #backendAccp} and
     * {@link #backendConscrypt}.
     */
    @Benchmark
    public void backendBouncyCastle(Blackhole bh) {
        SignatureLink[] l = nextChain();
        bh.consume(l[0].verifyWith(BACKEND_BC));
        bh.consume(l[1].verifyWith(BACKEND_BC));
    }

    /** As {@link #backendBouncyCastle} through the ACCP backend ({@code --verifier accp}). */
    @Benchmark
    public void backendAccp(Blackhole bh) {
        SignatureLink[] l = nextChain();
        bh.consume(l[0].verifyWith(BACKEND_ACCP));
        bh.consume(l[1].verifyWith(BACKEND_ACCP));
    }

    /** As {@link #backendBouncyCastle} through the Conscrypt backend ({@code --verifier conscrypt}). */
    @Benchmark
    public void backendConscrypt(Blackhole bh) {
        SignatureLink[] l = nextChain();
        bh.consume(l[0].verifyWith(BACKEND_CONSCRYPT));
        bh.consume(l[1].verifyWith(BACKEND_CONSCRYPT));
    }
}
