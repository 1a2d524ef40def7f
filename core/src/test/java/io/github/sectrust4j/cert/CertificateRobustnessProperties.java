package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Mutated real certificates (flipped, truncated, inserted bytes) must either parse or fail with
 * {@link CertificateInputException} — never another exception, never a hang.
 */
class CertificateRobustnessProperties {
    static final List<byte[]> SEEDS = seeds();

    private static List<byte[]> seeds() {
        try (Stream<Path> s = Files.list(SharedData.appleRoots())) {
            return s.filter(p -> p.toString().endsWith(".cer"))
                    .sorted()
                    .limit(40)
                    .map(p -> {
                        try {
                            return Files.readAllBytes(p);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> seed() {
        return Arbitraries.of(SEEDS);
    }

    private static void parsesOrFailsCleanly(byte[] der) {
        try {
            Certificate c = Certificate.parse(der);
            Statistics.collect("parsed");
            assertThat(c.der()).isEqualTo(der);
        } catch (CertificateInputException e) {
            Statistics.collect("refused");
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.reason()).isNotBlank();
        }
    }

    @Property(tries = 400)
    void flippedBytes(
            @ForAll("seed") byte[] seed,
            @ForAll @IntRange(min = 0, max = 100_000) int pos,
            @ForAll @IntRange(min = 1, max = 255) int xor,
            @ForAll @IntRange(min = 1, max = 4) int count) {
        Statistics.coverage(c -> {
            c.check("parsed").count(n -> n > 0);
            c.check("refused").count(n -> n > 0);
        });
        byte[] d = seed.clone();
        for (int i = 0; i < count; i++) {
            d[(pos + i * 7919) % d.length] ^= (byte) xor;
        }
        parsesOrFailsCleanly(d);
    }

    @Property(tries = 200)
    void truncated(@ForAll("seed") byte[] seed, @ForAll @IntRange(min = 0, max = 100_000) int cut) {
        Statistics.coverage(c -> {
            c.check("refused").count(n -> n > 0);
        });
        byte[] d = Arrays.copyOf(seed, cut % seed.length);
        if (d.length == 0) {
            Statistics.collect("empty");
            return;
        }
        try {
            Certificate.parse(d);
            throw new AssertionError("a truncated certificate parsed");
        } catch (CertificateInputException expected) {
            Statistics.collect("refused");
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void insertedBytes(
            @ForAll("seed") byte[] seed, @ForAll @IntRange(min = 0, max = 100_000) int pos, @ForAll byte[] insert) {
        Statistics.coverage(c -> {
            c.check("parsed").count(n -> n > 0);
            c.check("refused").count(n -> n > 0);
        });
        int at = pos % (seed.length + 1);
        byte[] d = new byte[seed.length + insert.length];
        System.arraycopy(seed, 0, d, 0, at);
        System.arraycopy(insert, 0, d, at, insert.length);
        System.arraycopy(seed, at, d, at + insert.length, seed.length - at);
        parsesOrFailsCleanly(d);
    }

    @Property(tries = 200)
    void randomBytes_andRandomPem(@ForAll byte[] junk) {
        Statistics.label("length").collect(junk.length <= 16 ? "up to 16" : "longer");
        Statistics.label("length").coverage(c -> {
            c.check("up to 16").count(n -> n > 0);
            c.check("longer").count(n -> n > 0);
        });
        try {
            CertificateInput.parse(junk);
        } catch (CertificateInputException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        String pem = "-----BEGIN CERTIFICATE-----\n" + new String(junk, StandardCharsets.ISO_8859_1)
                + "\n-----END CERTIFICATE-----";
        try {
            CertificateInput.fromPem(pem);
        } catch (CertificateInputException e) {
            assertThat(e.index()).isIn(-1, 0);
        }
    }

    @Property(tries = 50)
    void deeplyNestedGarbage_failsCleanly(@ForAll @IntRange(min = 1, max = 30_000) int depth) {
        Statistics.coverage(c -> {
            c.check("refused").count(n -> n > 0);
        });
        Statistics.label("depth").collect(depth < 100 ? "under 100" : "100 or more");
        Statistics.label("depth").coverage(c -> {
            c.check("under 100").count(n -> n > 0);
            c.check("100 or more").count(n -> n > 0);
        });
        // SEQUENCE { SEQUENCE { ... } } nested `depth` times, built from the inside out
        byte[] d = new byte[0];
        for (int i = 0; i < Math.min(depth, 2000); i++) {
            d = wrap(d);
        }
        parsesOrFailsCleanly(d);
    }

    private static byte[] wrap(byte[] inner) {
        int n = inner.length;
        byte[] header = n < 128
                ? new byte[] {0x30, (byte) n}
                : n < 256
                        ? new byte[] {0x30, (byte) 0x81, (byte) n}
                        : n < 65536
                                ? new byte[] {0x30, (byte) 0x82, (byte) (n >> 8), (byte) n}
                                : new byte[] {0x30, (byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        byte[] out = Arrays.copyOf(header, header.length + n);
        System.arraycopy(inner, 0, out, header.length, n);
        return out;
    }
}
