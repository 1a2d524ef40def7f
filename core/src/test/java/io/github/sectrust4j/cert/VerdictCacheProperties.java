package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The verdict table is exact (a verdict only for its own key's bytes), bounded (never more than its
 * maximum), keeps what was just stored, and stays exact under concurrent use.
 */
class VerdictCacheProperties {
    /** A digest key, as the caches make them. */
    private static ByteBuffer key(int i) {
        return ByteBuffer.wrap(Hashing.sha256().hashInt(i).asBytes());
    }

    /** The verdict of key {@code i} in these tests: a pure function of the key, as a real verdict is. */
    private static boolean verdict(int i) {
        return Integer.bitCount(i) % 2 == 0;
    }

    @Property(tries = 200)
    void verdictsAreExactAndBounded(
            @ForAll @IntRange(min = 1, max = 300) int maxEntries, @ForAll @IntRange(min = 0, max = 2_000) int keys) {
        VerdictCache cache = new VerdictCache(maxEntries);
        for (int i = 0; i < keys; i++) {
            cache.put(key(i), verdict(i));
            assertThat(cache.get(key(i))).as("just stored").isEqualTo(verdict(i));
        }
        int hits = 0;
        for (int i = 0; i < keys + 100; i++) {
            Boolean cached = cache.get(key(i));
            if (cached != null) {
                hits++;
                assertThat(i).as("a verdict for a key never stored").isLessThan(keys);
                assertThat(cached).as("key %s", i).isEqualTo(verdict(i));
            }
        }
        assertThat(cache.size()).isEqualTo(hits).isLessThanOrEqualTo(maxEntries);
        Statistics.label("filled").collect(keys >= maxEntries ? "more keys than slots" : "room for all");
        Statistics.label("filled").coverage(k -> {
            k.check("more keys than slots").percentage(p -> p > 30);
            k.check("room for all").percentage(p -> p > 5);
        });
    }

    @Example
    void aKeyDifferingInOneByte_findsNoVerdict() {
        VerdictCache cache = new VerdictCache(16);
        ByteBuffer stored = key(7);
        cache.put(stored, true);
        byte[] other = stored.array().clone();
        other[31] ^= 1;
        assertThat(cache.get(ByteBuffer.wrap(other))).isNull();
        assertThat(cache.get(ByteBuffer.wrap(stored.array().clone()))).isTrue();
    }

    /**
     * A key whose hash is the free-slot mark (0) is kept and found like any other, and after {@link VerdictCache#clear}
     * its set is free again: a slot whose hash still read "taken" would never be refilled while it stayed empty.
     */
    @Example
    void aKeyHashingToTheFreeMark_isKept_andClearFreesItsSet() {
        VerdictCache cache = new VerdictCache(4); // one set of four
        ByteBuffer zero = ByteBuffer.wrap(new byte[] {(byte) -31}); // 31 * 1 + (-31) == 0
        assertThat(zero.hashCode()).isZero();
        cache.put(zero, true);
        assertThat(cache.get(ByteBuffer.wrap(new byte[] {(byte) -31}))).isTrue();
        for (int i = 0; i < 3; i++) {
            cache.put(key(i), verdict(i));
        }
        assertThat(cache.size()).isEqualTo(4);
        // into a set whose hashes still read "taken", four keys would replace slots at random: all four kept by
        // chance 4!/4^4 a round, so ten rounds tell a clear that frees the hashes from one that does not
        for (int round = 0; round < 10; round++) {
            cache.clear();
            for (int i = 0; i < 4; i++) {
                cache.put(key(100 * round + i), verdict(i));
            }
            for (int i = 0; i < 4; i++) {
                assertThat(cache.get(key(100 * round + i)))
                        .as("key %d in a cleared set", 100 * round + i)
                        .isEqualTo(verdict(i));
            }
        }
    }

    @Example
    void withRoomForAll_everyVerdictIsKept() {
        VerdictCache cache = new VerdictCache(10_000);
        for (int i = 0; i < 1_000; i++) {
            cache.put(key(i), verdict(i));
        }
        // a set holds 4: 1,000 keys in 2,500 sets overflow one only by chance (p < 1e-3)
        long kept = 0;
        for (int i = 0; i < 1_000; i++) {
            kept += cache.get(key(i)) != null ? 1 : 0;
        }
        assertThat(kept).isGreaterThanOrEqualTo(995);
        cache.clear();
        assertThat(cache.size()).isZero();
        assertThat(cache.get(key(1))).isNull();
    }

    @Example
    void aHugeMaximum_makesABoundedTable() {
        VerdictCache cache = new VerdictCache(Integer.MAX_VALUE);
        cache.put(key(1), true);
        assertThat(cache.get(key(1))).isTrue();
        assertThat(cache.get(key(2))).isNull();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Example
    void concurrentUse_neverAnswersAnotherKeysVerdict() throws Exception {
        VerdictCache cache = new VerdictCache(64);
        AtomicInteger computed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    int wrong = 0;
                    java.util.Random random = new java.util.Random(seed);
                    for (int n = 0; n < 50_000; n++) {
                        int i = random.nextInt(200);
                        boolean v = cache.computeIfAbsent(key(i), () -> {
                            computed.incrementAndGet();
                            return verdict(i);
                        });
                        wrong += v == verdict(i) ? 0 : 1;
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(64);
        assertThat(computed.get()).as("the table answered some lookups").isLessThan(200_000);
    }
}
