package io.github.sectrust4j.bench;

import io.github.sectrust4j.cert.PublicKeyInfo;
import io.github.sectrust4j.cert.SignatureAlgorithm;
import io.github.sectrust4j.cert.SignatureBackend;
import io.github.sectrust4j.cert.SignatureBackends;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every signature verification the process makes (certificates, SCTs, OCSP: all go through
 * {@link SignatureBackends#selected()}), with its inputs copied, so that a benchmark can run the same
 * verifications again with the same backend and nothing else: the cryptographic floor under an evaluation.
 * Installed by reflection in place of the selected backend (deliberately not API) and removed on close.
 * Single-threaded use (setup only).
 */
final class RecordedSignatures implements AutoCloseable {
    /** One verification: the backend that made it and what it verified. */
    record Verification(
            SignatureBackend backend,
            SignatureAlgorithm algorithm,
            PublicKeyInfo key,
            byte[] signed,
            byte[] signature,
            boolean verified) {
        /** The same verification again; true iff it gives the recorded verdict. */
        boolean verifyAgain() {
            return backend.verifies(algorithm, key, signed, signature) == verified;
        }
    }

    private final Field current;
    private final SignatureBackend original;
    private final List<Verification> made = new ArrayList<>();

    private RecordedSignatures(Field current, SignatureBackend original) {
        this.current = current;
        this.original = original;
    }

    static RecordedSignatures install() {
        try {
            SignatureBackend original = SignatureBackends.current();
            Field current = SignatureBackends.class.getDeclaredField("current");
            current.setAccessible(true);
            RecordedSignatures recorder = new RecordedSignatures(current, original);
            current.set(null, new SignatureBackend() {
                @Override
                public String name() {
                    return original.name();
                }

                @Override
                public boolean verifies(
                        SignatureAlgorithm algorithm, PublicKeyInfo key, byte[] signed, byte[] signature) {
                    boolean verified = original.verifies(algorithm, key, signed, signature);
                    recorder.made.add(
                            new Verification(original, algorithm, key, signed.clone(), signature.clone(), verified));
                    return verified;
                }
            });
            return recorder;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach SignatureBackends.current (did it move?)", e);
        }
    }

    /** The verifications made since the last call. */
    List<Verification> takeAll() {
        List<Verification> out = List.copyOf(made);
        made.clear();
        return out;
    }

    @Override
    public void close() {
        try {
            current.set(null, original);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
