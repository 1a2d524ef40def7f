package io.github.sectrust4j.ct.internal;

import io.github.sectrust4j.ct.LogId;
import java.time.Instant;
import java.util.Arrays;

/**
 * A v1 SignedCertificateTimestamp (RFC 6962 §3.2), parsed exactly as iOS parses it (spec §8.2 item 1):
 * version v1 only, a 32-byte log id, an 8-byte millisecond timestamp, length-prefixed extensions, one
 * hash-algorithm byte, one signature-algorithm byte, and a length-prefixed signature whose length is
 * exactly the remaining bytes. Immutable.
 */
public final class SignedCertificateTimestamp {
    /** RFC 6962 Version v1. */
    public static final int VERSION_V1 = 0;
    // TLS 1.2 HashAlgorithm / SignatureAlgorithm code points (RFC 5246 §7.4.1.4.1)
    public static final int HASH_SHA1 = 2;
    public static final int HASH_SHA256 = 4;
    public static final int HASH_SHA384 = 5;
    public static final int SIGNATURE_RSA = 1;
    public static final int SIGNATURE_ECDSA = 3;

    // version(1) + log id(32) + timestamp(8) + extensions length(2)
    private static final int FIXED_PREFIX = 1 + LogId.LENGTH + 8 + 2;

    private final LogId logId;
    private final long timestampMillis;
    private final byte[] extensions;
    private final int hashAlgorithm;
    private final int signatureAlgorithm;
    private final byte[] signature;
    private final byte[] encoded;
    /** The last verdict-cache key made for this SCT ({@link CachingSctVerifier}), with what it was made from. */
    private volatile Object verdictKey;

    private SignedCertificateTimestamp(
            LogId logId,
            long timestampMillis,
            byte[] extensions,
            int hashAlgorithm,
            int signatureAlgorithm,
            byte[] signature,
            byte[] encoded) {
        this.logId = logId;
        this.timestampMillis = timestampMillis;
        this.extensions = extensions;
        this.hashAlgorithm = hashAlgorithm;
        this.signatureAlgorithm = signatureAlgorithm;
        this.signature = signature;
        this.encoded = encoded;
    }

    /** Parses one TLS-encoded SCT (without its list length prefix). Never throws. */
    public static Parsed<SignedCertificateTimestamp> parse(byte[] tls) {
        if (tls == null) {
            return Parsed.malformed("no SCT bytes");
        }
        if (tls.length < FIXED_PREFIX) {
            return Parsed.malformed(
                    "SCT is " + tls.length + " bytes, shorter than the " + FIXED_PREFIX + "-byte fixed part");
        }
        int version = tls[0] & 0xff;
        int extLen = u16(tls, 41);
        int afterExt = FIXED_PREFIX + extLen;
        if (tls.length < afterExt + 4) {
            return Parsed.malformed("SCT extensions length " + extLen + " leaves no room for the signature");
        }
        int sigLen = u16(tls, afterExt + 2);
        int expected = afterExt + 4 + sigLen;
        if (expected != tls.length) {
            return Parsed.malformed("SCT signature length " + sigLen + " does not match the remaining "
                    + (tls.length - afterExt - 4) + " bytes");
        }
        if (version != VERSION_V1) {
            return Parsed.malformed("SCT version " + version + " is not v1");
        }
        long ts = 0;
        for (int i = 33; i < 41; i++) {
            ts = (ts << 8) | (tls[i] & 0xff);
        }
        return Parsed.ok(new SignedCertificateTimestamp(
                LogId.of(Arrays.copyOfRange(tls, 1, 33)),
                ts,
                Arrays.copyOfRange(tls, FIXED_PREFIX, afterExt),
                tls[afterExt] & 0xff,
                tls[afterExt + 1] & 0xff,
                Arrays.copyOfRange(tls, afterExt + 4, tls.length),
                tls.clone()));
    }

    Object verdictKey() {
        return verdictKey;
    }

    void verdictKey(Object key) {
        verdictKey = key;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    /** Always {@link #VERSION_V1}: other versions do not parse. */
    public int version() {
        return VERSION_V1;
    }

    public LogId logId() {
        return logId;
    }

    /** The raw uint64 timestamp (milliseconds since 1970), to be compared unsigned. */
    public long timestampMillis() {
        return timestampMillis;
    }

    /** The timestamp with millisecond precision. */
    public Instant timestamp() {
        return Instant.ofEpochSecond(
                Long.divideUnsigned(timestampMillis, 1000), Long.remainderUnsigned(timestampMillis, 1000) * 1_000_000L);
    }

    /**
     * The timestamp as iOS compares it with log dates: truncated to whole seconds (spec §0, "Time").
     */
    public Instant timestampSeconds() {
        return Instant.ofEpochSecond(Long.divideUnsigned(timestampMillis, 1000));
    }

    public byte[] extensions() {
        return extensions.clone();
    }

    /** TLS HashAlgorithm code point, e.g. {@link #HASH_SHA256}. */
    public int hashAlgorithm() {
        return hashAlgorithm;
    }

    /** TLS SignatureAlgorithm code point, e.g. {@link #SIGNATURE_ECDSA}. */
    public int signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** The exact bytes this SCT was parsed from. */
    public byte[] encoded() {
        return encoded.clone();
    }

    // package-private views without copies, for verification
    byte[] extensionsView() {
        return extensions;
    }

    byte[] signatureView() {
        return signature;
    }

    /** "ECDSA-SHA256" style name of the declared algorithm, for reports. */
    public String algorithmName() {
        String sig = switch (signatureAlgorithm) {
            case SIGNATURE_RSA -> "RSA";
            case SIGNATURE_ECDSA -> "ECDSA";
            default -> "sig(" + signatureAlgorithm + ")";
        };
        String hash = switch (hashAlgorithm) {
            case HASH_SHA1 -> "SHA1";
            case HASH_SHA256 -> "SHA256";
            case HASH_SHA384 -> "SHA384";
            default -> "hash(" + hashAlgorithm + ")";
        };
        return sig + "-" + hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedCertificateTimestamp other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "SCT[log=" + logId + ", timestamp=" + timestamp() + ", " + algorithmName() + ", " + encoded.length
                + " bytes]";
    }
}
