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

    private final Cache<String, Certificate> byBody;

    private ParsedCertificates(long maxBytes) {
        this.byBody = CacheBuilder.newBuilder().maximumWeight(Math.max(0, maxBytes / WEIGHT_PER_CHAR))
                .weigher((String body, Certificate c) -> body.length()).concurrencyLevel(4).build();
    }

    /** A cache that holds at most about {@code maxBytes} of heap. */
    public static ParsedCertificates ofSize(long maxBytes) {
        return new ParsedCertificates(maxBytes);
    }

    /** A cache of at most a sixteenth of the maximum heap (4 MiB under {@code -Xmx64m}). */
    public static ParsedCertificates shareOfHeap() {
        return new ParsedCertificates(Runtime.getRuntime().maxMemory() / 16);
    }

    Certificate get(String body) {
        return byBody.getIfPresent(body);
    }

    void put(String body, Certificate certificate) {
        byBody.put(body, certificate);
    }

    /** How many certificates are held (tests). */
    public long size() {
        byBody.cleanUp();
        return byBody.size();
    }
}
