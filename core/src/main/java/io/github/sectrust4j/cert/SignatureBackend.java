package io.github.sectrust4j.cert;

/**
 * The cryptography behind every signature sectrust4j checks — certificate links, SCTs, OCSP responses
 * and their responder certificates: one public-key verification of {@code signature} over
 * {@code signed}. Bouncy Castle is the reference ({@link #bouncyCastle()}); a native JCA provider
 * (AWS-LC through ACCP, BoringSSL through Conscrypt) may back ECDSA and RSA PKCS#1 v1.5 when present
 * ({@link SignatureBackends}). Every backend gives the same verdicts; implementations never throw and
 * are thread-safe.
 */
public interface SignatureBackend {

    /** {@code bc}, {@code accp} or {@code conscrypt}: the name {@link SignatureBackends#PROPERTY} takes. */
    String name();

    /**
     * True iff {@code signature} over {@code signed} verifies with {@code key} under {@code algorithm}
     * (its parameters included). An unknown algorithm, a key/algorithm mismatch, a key beyond
     * {@link KeyBounds} or a malformed signature all mean false.
     */
    boolean verifies(SignatureAlgorithm algorithm, PublicKeyInfo key, byte[] signed, byte[] signature);

    /** The Bouncy Castle reference backend (one process-wide instance; it caches decoded keys). */
    static SignatureBackend bouncyCastle() {
        return BcSignatureBackend.INSTANCE;
    }
}
