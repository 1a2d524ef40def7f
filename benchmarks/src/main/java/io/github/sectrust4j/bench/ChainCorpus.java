package io.github.sectrust4j.bench;

import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Distinct root → intermediate → leaf chains of one {@link ChainFamily}, as DER. Every chain has its
 * own three keys (so no verdict or decoded-key cache entry of one chain can serve another) and its own
 * names and serials. Minted with {@link TestPki} from a fixed seed, so the corpus is the same bytes on
 * every run; because RSA key generation is slow, a minted corpus is also written to
 * {@code ${sectrust4j.bench.corpusDir}} (default {@code ${java.io.tmpdir}/sectrust4j-bench-corpus}) and
 * read back by later JMH forks. Deleting that directory only costs the minting time again.
 */
public final class ChainCorpus {
    /** The TestPki seed of every corpus. */
    static final long SEED = 20_26_02L;
    /** The evaluation instant: TestPki's default "now", inside every certificate's validity window. */
    public static final Instant AT = TestPki.DEFAULT_NOW;

    private static final int FORMAT_VERSION = 1;

    private static final ConcurrentMap<String, ChainCorpus> LOADED = new ConcurrentHashMap<>();

    /** One chain: DER of each certificate and the leaf's DNS name. */
    public record Chain(String host, byte[] leaf, byte[] intermediate, byte[] root) {}

    private final ChainFamily family;
    private final List<Chain> chains;

    private ChainCorpus(ChainFamily family, List<Chain> chains) {
        this.family = family;
        this.chains = List.copyOf(chains);
    }

    public ChainFamily family() {
        return family;
    }

    public int size() {
        return chains.size();
    }

    public Chain get(int i) {
        return chains.get(i);
    }

    public List<Chain> chains() {
        return chains;
    }

    /** The corpus of {@code count} chains of {@code family}, from the disk cache or freshly minted. */
    public static ChainCorpus of(ChainFamily family, int count) {
        return LOADED.computeIfAbsent(family + "-" + count, k -> loadOrMint(family, count));
    }

    /** Mints {@code count} chains without touching the disk cache. */
    static ChainCorpus mint(ChainFamily family, int count) {
        TestPki pki = TestPki.seeded(SEED + family.ordinal());
        List<Chain> chains = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HeldCertificate root = pki.root("Bench " + family + " Root " + i)
                    .key(family.keyAlgorithm())
                    .build();
            HeldCertificate ca = pki.intermediate("Bench " + family + " CA " + i, root)
                    .key(family.keyAlgorithm())
                    .build();
            String host = "host" + i + ".bench.example";
            HeldCertificate leaf = pki.leaf(host, ca).key(family.keyAlgorithm()).build();
            chains.add(new Chain(host, leaf.der(), ca.der(), root.der()));
        }
        return new ChainCorpus(family, chains);
    }

    private static ChainCorpus loadOrMint(ChainFamily family, int count) {
        Path dir = Path.of(System.getProperty(
                "sectrust4j.bench.corpusDir",
                Path.of(System.getProperty("java.io.tmpdir"), "sectrust4j-bench-corpus")
                        .toString()));
        Path file = dir.resolve(family + "-" + count + "-" + SEED + "-v" + FORMAT_VERSION + ".bin");
        if (Files.isRegularFile(file)) {
            try {
                return read(family, file);
            } catch (IOException | RuntimeException e) {
                // a torn or stale file: mint again and overwrite it
            }
        }
        ChainCorpus corpus = mint(family, count);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(tmp))) {
                out.writeInt(FORMAT_VERSION);
                out.writeInt(corpus.size());
                for (Chain c : corpus.chains) {
                    out.writeUTF(c.host());
                    write(out, c.leaf());
                    write(out, c.intermediate());
                    write(out, c.root());
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the corpus cache " + file, e);
        }
        return corpus;
    }

    private static ChainCorpus read(ChainFamily family, Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            if (in.readInt() != FORMAT_VERSION) {
                throw new IOException("format version");
            }
            int n = in.readInt();
            List<Chain> chains = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                chains.add(new Chain(in.readUTF(), read(in), read(in), read(in)));
            }
            return new ChainCorpus(family, chains);
        }
    }

    private static void write(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] read(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }
}
