package io.github.sectrust4j.cert;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values decoded from an encoding, kept by its exact bytes: a field that recurs across certificates (a signature
 * AlgorithmIdentifier, the issuer Name of every leaf of one CA) or a CT log's key is decoded once. Only for
 * values that are a pure function of those bytes and immutable, so a kept value equals a fresh decode. Bounded in
 * count and in bytes: when {@code max} encodings are kept, they are all dropped, and an encoding longer than
 * {@code maxLength} is decoded but never kept (fields that recur are small; a hostile stream of certificates with
 * ever new, huge fields would otherwise pin {@code max} of them). Thread-safe.
 *
 * @param <V> the decoded value
 */
public final class EncodingMemo<V> {
    private final int max;
    private final int maxLength;
    private final Map<ByteBuffer, V> kept = new ConcurrentHashMap<>();

    public EncodingMemo(int max, int maxLength) {
        this.max = max;
        this.maxLength = maxLength;
    }

    /** The value of the encoding {@code der[from, to)}, decoded by {@code decode} unless kept. */
    public V get(byte[] der, int from, int to, Supplier<V> decode) {
        if (to - from > maxLength) {
            return decode.get();
        }
        V known = kept.get(ByteBuffer.wrap(der, from, to - from));
        if (known != null) {
            return known;
        }
        V decoded = decode.get();
        if (kept.size() >= max) {
            kept.clear(); // a stream of ever new encodings: start again rather than grow
        }
        kept.putIfAbsent(ByteBuffer.wrap(Arrays.copyOfRange(der, from, to)), decoded);
        return decoded;
    }

    /** Whether the encoding {@code der[from, to)} is kept (tests). */
    public boolean keeps(byte[] der, int from, int to) {
        return kept.containsKey(ByteBuffer.wrap(der, from, to - from));
    }

    /** How many encodings are kept (tests). */
    int size() {
        return kept.size();
    }

    int max() {
        return max;
    }

    int maxLength() {
        return maxLength;
    }
}
