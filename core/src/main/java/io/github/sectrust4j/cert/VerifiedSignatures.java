package io.github.sectrust4j.cert;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

/**
 * Verdicts of signature verifications over caller-supplied data (stapled OCSP responses, their
 * responder certificates, SCTs), remembered by a digest of everything the verdict depends on. A
 * verification is a pure function of its inputs, so reusing a verdict cannot change a result; it
 * bounds the work when one request makes the same check many times (100 stapled responses at every
 * position of every candidate path, the same TLS SCT under every candidate issuer). Bounded size;
 * thread-safe. Internal to sectrust4j.
 */
public final class VerifiedSignatures {
    private static final Cache<ByteBuffer, Boolean> VERDICTS = CacheBuilder.newBuilder().maximumSize(8_192).build();

    private VerifiedSignatures() {}

    /**
     * The verdict of {@code verification}, which checks {@code signature} over {@code signed} with the
     * key {@code keyDer} and the algorithm {@code algorithm}, computed once per distinct input.
     */
    public static boolean verify(byte[] keyDer, byte[] algorithm, byte[] signed, byte[] signature,
                                 BooleanSupplier verification) {
        ByteBuffer key = ByteBuffer.wrap(digest(keyDer, algorithm, signed, signature));
        try {
            return VERDICTS.get(key, verification::getAsBoolean);
        } catch (ExecutionException | RuntimeException e) {
            return false; // the verification itself failed: nothing verifies
        }
    }

    private static byte[] digest(byte[]... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha256.update(ByteBuffer.allocate(4).putInt(part.length).array()); // unambiguous framing
                sha256.update(part);
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
