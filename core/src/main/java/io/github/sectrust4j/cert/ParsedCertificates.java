package io.github.sectrust4j.cert;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;

/**
 * Certificates already parsed, by the base64 body of their PEM block: a stream of requests that sends the
 * same chains (or the same issuing CA under many leaves) parses each certificate once, and the evaluations
 * reuse the parsed object with everything it memoizes (signature verdicts, derived facts, Bouncy Castle's
 * view). Exact: the key is the whole body text, and decoding and parsing are functions of it; a body that
 * fails to parse is never kept. Bounded by weight, a share of the heap, so memory stays flat whatever the
 * input. Thread-safe.
 */
public final class ParsedCertificates {
    /**
     * Heap retained per character of PEM body, an estimate on the safe side: the key text, the DER, the parsed
     * parts and what evaluations memoize on the certificate (measured at roughly 6× the body).
     */
    private static final int WEIGHT_PER_CHAR = 10;

    private final Cache<Body, Certificate> byBody;

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
        this.byBody = CacheBuilder.newBuilder()
                .maximumWeight(Math.max(0, maxBytes / WEIGHT_PER_CHAR))
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
        return byBody.getIfPresent(body);
    }

    void put(Body body, Certificate certificate) {
        byBody.put(body.kept(), certificate);
    }

    /** How many certificates are held (tests). */
    public long size() {
        byBody.cleanUp();
        return byBody.size();
    }
}
