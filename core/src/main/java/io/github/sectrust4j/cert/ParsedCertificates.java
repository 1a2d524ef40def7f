package io.github.sectrust4j.cert;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Certificates already parsed, by the base64 body of their PEM block: a stream of requests that sends the
 * same chains (or the same issuing CA under many leaves) parses each certificate once, and the evaluations
 * reuse the parsed object with everything it memoizes (signature verdicts, derived facts, Bouncy Castle's
 * view). Exact: the key is the whole body text, and decoding and parsing are functions of it; a body that
 * fails to parse is never kept. Bounded by weight, a share of the heap, so memory stays flat whatever the
 * input. A certificate parsed for the first time waits in a small direct-mapped array ({@link #probation}) and
 * joins the cache when it is looked up again there: a stream of distinct leaves then costs the cache neither an
 * insertion nor an eviction per leaf, while the issuing CAs every line repeats are found in the array without the
 * cache's bookkeeping. Thread-safe.
 */
public final class ParsedCertificates {
    /**
     * Heap retained per character of PEM body, an estimate on the safe side: the key text, the DER, the parsed
     * parts and what evaluations memoize on the certificate (measured at roughly 6× the body).
     */
    private static final int WEIGHT_PER_CHAR = 10;

    private final Cache<Body, Certificate> byBody;

    /**
     * Certificates parsed lately, one per slot chosen by the body's hash (a later body of the same slot replaces
     * the one there); a body found here is put into {@link #byBody} once. Half the byte budget: each slot counts
     * as a body of {@link #MAX_PROBATION_CHARS}. Empty (no slots) when the budget has no room for two.
     */
    private final AtomicReferenceArray<Entry> probation;

    /** The longest kept body text a {@link #probation} slot takes; a longer one goes straight to the cache. */
    static final int MAX_PROBATION_CHARS = 4096;

    /** Slots of {@link #probation} at most. */
    static final int MAX_PROBATION_SLOTS = 256;

    /** One certificate on probation, and whether it is in the cache yet (racy: a lost flag puts it twice). */
    private static final class Entry {
        final Body body;
        final Certificate certificate;
        boolean cached;

        Entry(Body body, Certificate certificate, boolean cached) {
            this.body = body;
            this.certificate = certificate;
            this.cached = cached;
        }
    }

    /**
     * A PEM body as a region of the text it was read from: a lookup hashes and compares the region in place
     * (no copy of the body per certificate sent again); a kept key holds its own copy of the body. The hash
     * samples the body ({@link #sampledHash}): a miss, the common case for a stream of distinct leaves, costs a
     * few dozen characters, not the whole body; equality still compares every character.
     */
    static final class Body {
        private final String text;
        private final int from;
        private final int to;
        private final int hash;

        private Body(String text, int from, int to, int hash) {
            this.text = text;
            this.from = from;
            this.to = to;
            this.hash = hash;
        }

        int length() {
            return to - from;
        }

        /**
         * The key to keep: this one when its text is little more than the body (a PEM string of one certificate:
         * its BEGIN and END lines), else a copy of the body, so a key never holds a long text around it.
         */
        Body kept() {
            return text.length() - length() <= MAX_KEPT_AROUND
                    ? this
                    : new Body(text.substring(from, to), 0, to - from, hash);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Body b
                    && b.hash == hash
                    && b.length() == length()
                    // the same PEM string sent again: one whole-string compare (intrinsic) settles it
                    && ((from == b.from && text.length() == b.text.length() && text.equals(b.text))
                            || text.regionMatches(from, b.text, b.from, length()));
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Characters of text around a body that a kept key may hold instead of copying the body. */
    static final int MAX_KEPT_AROUND = 128;

    /** Characters {@link #sampledHash} reads at most (besides the length). */
    static final int HASH_SAMPLES = 48;

    /**
     * A hash of {@code text[from, to)} from its length and at most {@link #HASH_SAMPLES} characters spread evenly
     * over it: certificates differ throughout (serial, key, signature), so distinct bodies rarely share it, and one
     * that does is told apart by {@link Body#equals}.
     */
    static int sampledHash(String text, int from, int to) {
        int length = to - from;
        int step = Math.max(1, length / HASH_SAMPLES);
        int h = length;
        for (int i = from; i < to; i += step) {
            h = 31 * h + text.charAt(i);
        }
        return h;
    }

    private ParsedCertificates(long maxBytes) {
        long chars = Math.max(0, maxBytes / WEIGHT_PER_CHAR);
        long slots = Math.min(MAX_PROBATION_SLOTS, chars / 2 / MAX_PROBATION_CHARS);
        // a power of two (a slot is the hash's low bits), 0 when there is no room for two
        this.probation = new AtomicReferenceArray<>(slots < 2 ? 0 : (int) Long.highestOneBit(slots));
        this.byBody = CacheBuilder.newBuilder()
                .maximumWeight(chars - (long) probation.length() * MAX_PROBATION_CHARS)
                .weigher((Body body, Certificate c) -> body.text.length())
                .concurrencyLevel(4)
                .build();
    }

    /** A cache that holds at most about {@code maxBytes} of heap. */
    public static ParsedCertificates ofSize(long maxBytes) {
        return new ParsedCertificates(maxBytes);
    }

    /**
     * A cache of a sixteenth of the maximum heap (4 MiB under {@code -Xmx64m}), at most 32 MiB: a stream of distinct
     * leaves fills it with certificates never sent again, so it must not grow with a large default heap.
     */
    public static ParsedCertificates shareOfHeap() {
        return new ParsedCertificates(Math.min(Runtime.getRuntime().maxMemory() / 16, 32L << 20));
    }

    /** The body {@code text[from, to)} as a key, hashed once for {@link #get} and {@link #put}. */
    static Body body(String text, int from, int to) {
        return new Body(text, from, to, sampledHash(text, from, to));
    }

    /** The certificate parsed from the body, if kept. */
    Certificate get(Body body) {
        int slot = slot(body);
        Entry e = slot < 0 ? null : probation.get(slot);
        if (e != null && e.body.equals(body)) {
            if (!e.cached) { // looked up again: worth the cache
                e.cached = true;
                byBody.put(e.body, e.certificate);
            }
            return e.certificate;
        }
        Certificate known = byBody.getIfPresent(body);
        if (known != null && slot >= 0) {
            Body kept = body.kept();
            if (kept.text.length() <= MAX_PROBATION_CHARS) {
                probation.set(slot, new Entry(kept, known, true)); // found in the array next time
            }
        }
        return known;
    }

    void put(Body body, Certificate certificate) {
        Body kept = body.kept();
        int slot = slot(body);
        if (slot >= 0 && kept.text.length() <= MAX_PROBATION_CHARS) {
            probation.set(slot, new Entry(kept, certificate, false));
        } else {
            byBody.put(kept, certificate);
        }
    }

    /** The body's {@link #probation} slot, or -1 when there are none. */
    private int slot(Body body) {
        int n = probation.length();
        return n == 0 ? -1 : (body.hash ^ (body.hash >>> 16)) & (n - 1);
    }

    /** How many certificates are held (tests). */
    public long size() {
        byBody.cleanUp();
        long waiting = 0;
        for (int i = 0; i < probation.length(); i++) {
            Entry e = probation.get(i);
            waiting += e != null && !e.cached ? 1 : 0;
        }
        return byBody.size() + waiting;
    }
}
