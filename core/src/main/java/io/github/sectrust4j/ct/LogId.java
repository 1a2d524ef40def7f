package io.github.sectrust4j.ct;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.hash.Hashing;
import java.util.Arrays;
import java.util.Base64;

/** A CT log id: the SHA-256 of the log's SubjectPublicKeyInfo DER (RFC 6962 §3.2). Immutable. */
public final class LogId implements Comparable<LogId> {
    /** Length of a v1 log id in bytes. */
    public static final int LENGTH = 32;

    private final byte[] bytes;
    /** {@link #base64()}, made on first use (reports name the log of every SCT). */
    private volatile String base64;

    private LogId(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The log id with these 32 bytes. */
    public static LogId of(byte[] bytes) {
        checkArgument(
                bytes != null && bytes.length == LENGTH,
                "A CT log id has %s bytes, got %s",
                LENGTH,
                bytes == null ? "null" : String.valueOf(bytes.length));
        return new LogId(bytes.clone());
    }

    /** The log id of a log whose public key is this SubjectPublicKeyInfo DER. */
    public static LogId ofSpki(byte[] spkiDer) {
        checkArgument(spkiDer != null, "SubjectPublicKeyInfo must not be null");
        return new LogId(Hashing.sha256().hashBytes(spkiDer).asBytes());
    }

    /** Parses a base64 log id as found in Apple's and Google's log lists. */
    public static LogId fromBase64(String base64) {
        checkArgument(base64 != null, "log id must not be null");
        byte[] b;
        try {
            b = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a base64 CT log id: '" + base64 + "'", e);
        }
        return of(b);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String base64() {
        String b = base64;
        if (b == null) {
            b = Base64.getEncoder().encodeToString(bytes);
            base64 = b; // racing threads store equal strings
        }
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(LogId o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    /** Base64, as logs are named in log lists. */
    @Override
    public String toString() {
        return base64();
    }
}
