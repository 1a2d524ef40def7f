package io.github.sectrust4j.cert;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The {@link SignatureAlgorithm} of an AlgorithmIdentifier, kept by its exact encoded bytes: certificates use a
 * handful of distinct identifiers, and decoding one (re-encoding it, naming its OID) is a twentieth of a parse. The
 * value is a pure function of those bytes, so a kept one equals a fresh decode. Bounded: once {@value #MAX} distinct
 * encodings are kept, others are decoded every time. Thread-safe.
 */
final class KnownAlgorithms {
    static final int MAX = 64;

    private static final Map<ByteBuffer, SignatureAlgorithm> KEPT = new ConcurrentHashMap<>();

    private KnownAlgorithms() {}

    /** The algorithm encoded in {@code der[from, to)}, decoded by {@code decode} the first time those bytes are seen. */
    static SignatureAlgorithm of(byte[] der, int from, int to, Supplier<SignatureAlgorithm> decode) {
        SignatureAlgorithm known = KEPT.get(ByteBuffer.wrap(der, from, to - from));
        if (known != null) {
            return known;
        }
        SignatureAlgorithm decoded = decode.get();
        if (KEPT.size() < MAX) {
            byte[] key = java.util.Arrays.copyOfRange(der, from, to);
            KEPT.putIfAbsent(ByteBuffer.wrap(key), decoded);
        }
        return decoded;
    }

    /** How many encodings are kept (tests). */
    static int size() {
        return KEPT.size();
    }
}
