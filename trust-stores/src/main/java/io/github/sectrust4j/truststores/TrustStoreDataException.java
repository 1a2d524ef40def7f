package io.github.sectrust4j.truststores;

/** A bundled trust-store resource is missing or corrupt (a build problem, never a verdict). */
public final class TrustStoreDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrustStoreDataException(String message, Throwable cause) {
        super(message, cause);
    }

    public TrustStoreDataException(String message) {
        super(message);
    }
}
