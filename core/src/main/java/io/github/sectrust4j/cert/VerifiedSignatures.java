package io.github.sectrust4j.cert;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.BooleanSupplier;

/**
 * Verdicts of signature verifications over caller-supplied data (stapled OCSP responses and their
 * responder certificates; SCTs have their own {@code CachingSctVerifier}), remembered in a {@link VerdictCache} by a digest of everything the verdict depends on. A
 * verification is a pure function of its inputs, so reusing a verdict cannot change a result; it
 * bounds the work when one request makes the same check many times (100 stapled responses at every
 * position of every candidate path, the same TLS SCT under every candidate issuer). Bounded size;
 * thread-safe. Internal to sectrust4j.
 */
public final class VerifiedSignatures {
    private static final VerdictCache VERDICTS = new VerdictCache(8_192);

    private VerifiedSignatures() {}

    /**
     * The verdict of {@code verification}, which checks {@code signature} over {@code signed} with the
     * key {@code keyDer} and the algorithm {@code algorithm}, computed once per distinct input.
     */
    public static boolean verify(
            byte[] keyDer, byte[] algorithm, byte[] signed, byte[] signature, BooleanSupplier verification) {
        return verdict(ByteBuffer.wrap(digest(keyDer, algorithm, signed, signature)), verification);
    }

    /**
     * As {@link #verify(byte[], byte[], byte[], byte[], BooleanSupplier)}, charged to the evaluation's
     * {@link TotalVerificationBudget} as a verification of {@code kind}: false, without verifying, if the
     * budget cannot pay for it.
     */
    public static boolean verify(
            TotalVerificationBudget.Kind kind,
            byte[] keyDer,
            byte[] algorithm,
            byte[] signed,
            byte[] signature,
            BooleanSupplier verification) {
        ByteBuffer key = ByteBuffer.wrap(digest(keyDer, algorithm, signed, signature));
        return TotalVerificationBudget.charge(kind, key) && verdict(key, verification);
    }

    private static boolean verdict(ByteBuffer key, BooleanSupplier verification) {
        return VERDICTS.computeIfAbsent(key, () -> {
            try {
                return verification.getAsBoolean();
            } catch (RuntimeException e) {
                return false; // the verification itself failed: nothing verifies
            }
        });
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
