package io.github.sectrust4j.cert;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;

/**
 * A bounded, thread-safe memo of signature verdicts keyed by digests of everything a verification
 * read (key, signed data, signature). The one verdict store of sectrust4j: certificate links
 * ({@link CachingSignatureVerifier}), SCTs (the ct package) and OCSP signatures ({@link VerifiedSignatures})
 * each keep one. A verdict is a pure function of its key's preimage, so sharing it across evaluations
 * never changes an answer. When another {@link SignatureBackend} is selected the cache starts afresh, so
 * every verdict in it was reached by the backend in use.
 *
 * <p>A table of at most {@code maxEntries} (and {@value #MAX_SLOTS}) slots in sets of {@value #WAYS}: a key (a digest: its hash is
 * uniform) has one set; a new key takes a free slot of its set, else replaces one of them at random. A
 * lookup compares whole keys, so a verdict is only ever returned for its own key. Every line of a stream of
 * distinct chains stores new verdicts: here that is an array write, where the LRU cache this replaced
 * (Guava's, with its queues and eviction) cost more than the rest of an SCT check's Java side.
 */
public final class VerdictCache {
    /** Slots per set. */
    static final int WAYS = 4;
    /** The table is made whole up front: a larger maximum gets this many slots (a few MB), not an array it names. */
    static final int MAX_SLOTS = 1 << 20;

    /** A cached verdict: immutable, so safely published through the array. */
    private record Verdict(ByteBuffer key, boolean valid) {}

    private final AtomicReferenceArray<Verdict> slots;
    /**
     * Each slot's key hash ({@link #tag}; {@link #FREE} for a slot never filled), side by side so that a set's four
     * are read together: a lookup touches a verdict (and its key's bytes) only where the hash matches, and a store
     * finds a free slot here too, so a new verdict costs no read of the slots (on a stream of new chains every
     * lookup misses and every store is new: the slots' cache line was a miss of its own). Written with the slot,
     * not atomically with it: a hash that does not match its slot only makes a lookup miss or a verdict be
     * replaced, and a match is always confirmed on the whole key.
     */
    private final AtomicIntegerArray hashes;

    /** The {@link #hashes} entry of a slot never filled (or cleared). */
    private static final int FREE = 0;

    private final int sets;
    /** The backend selection ({@link SignatureBackends#epoch()}) the verdicts were reached under. */
    private volatile Object epoch = SignatureBackends.epoch();
    /** This cache under the current selection: the owner of verdicts memoized elsewhere on its behalf. */
    private volatile Object owner = new Object();

    public VerdictCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        this.sets = Math.max(1, Math.min(maxEntries, MAX_SLOTS) / WAYS);
        this.slots = new AtomicReferenceArray<>(Math.min(maxEntries, sets * WAYS));
        this.hashes = new AtomicIntegerArray(slots.length());
    }

    /**
     * This cache's identity under the current backend selection, a new one when the cache starts afresh:
     * the owner of verdicts memoized elsewhere (on certificates) on its behalf.
     */
    Object owner() {
        Object now = SignatureBackends.epoch();
        if (now != epoch) {
            synchronized (this) {
                if (now != epoch) {
                    clear();
                    owner = new Object();
                    epoch = now;
                }
            }
        }
        return owner;
    }

    /** The cached verdict for {@code key}, or null. */
    public Boolean get(ByteBuffer key) {
        owner();
        int hash = tag(key);
        int first = first(hash);
        int end = end(first);
        for (int i = first; i < end; i++) {
            if (hashes.get(i) == hash) {
                Verdict v = slots.get(i);
                if (v != null && v.key().equals(key)) {
                    return v.valid();
                }
            }
        }
        return null;
    }

    public void put(ByteBuffer key, boolean valid) {
        int hash = tag(key);
        int first = first(hash);
        int end = end(first);
        int free = -1;
        for (int i = first; i < end; i++) {
            int h = hashes.get(i);
            if (h == FREE) {
                if (free < 0) {
                    free = i;
                }
            } else if (h == hash) {
                Verdict v = slots.get(i);
                if (v != null && v.key().equals(key)) {
                    if (v.valid() != valid) {
                        slots.setRelease(i, new Verdict(key, valid));
                    }
                    return;
                }
            }
        }
        int at = free >= 0 ? free : first + ThreadLocalRandom.current().nextInt(end - first);
        // release stores, not volatile ones: a verdict is immutable (final fields), so a reader that sees the
        // reference sees it whole, and no reader needs the store ordered before its own later loads; a volatile
        // store's full fence, twice per new verdict, cost more than the rest of this method on a stream of new chains
        slots.setRelease(at, new Verdict(key, valid));
        hashes.setRelease(at, hash);
    }

    /** The cached verdict for {@code key}, else {@code verify}'s answer, remembered. */
    public boolean computeIfAbsent(ByteBuffer key, BooleanSupplier verify) {
        Boolean cached = get(key);
        if (cached != null) {
            return cached;
        }
        boolean v = verify.getAsBoolean();
        put(key, v);
        return v;
    }

    /** The key's hash as {@link #hashes} holds it: never {@link #FREE}. */
    private static int tag(ByteBuffer key) {
        int hash = key.hashCode();
        return hash == FREE ? 1 : hash;
    }

    /** The first slot of the set of a key with this hash. */
    private int first(int hash) {
        return Math.floorMod(hash, sets) * WAYS;
    }

    private int end(int first) {
        return Math.min(first + WAYS, slots.length());
    }

    /** Number of cached verdicts (a count of the table: for tests and benchmarks). */
    public long size() {
        long n = 0;
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) {
                n++;
            }
        }
        return n;
    }

    /** Forgets every verdict (benchmarks measuring a cold evaluation). */
    public void clear() {
        for (int i = 0; i < slots.length(); i++) {
            slots.set(i, null);
            hashes.set(i, FREE);
        }
    }
}
