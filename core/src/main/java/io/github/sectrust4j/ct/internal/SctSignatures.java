package io.github.sectrust4j.ct.internal;

import com.google.common.collect.MapMaker;
import io.github.sectrust4j.cert.EncodingMemo;
import io.github.sectrust4j.cert.KeyBounds;
import io.github.sectrust4j.cert.PublicKeyInfo;
import io.github.sectrust4j.cert.SignatureAlgorithm;
import io.github.sectrust4j.cert.SignatureBackend;
import io.github.sectrust4j.cert.SignatureBackends;
import io.github.sectrust4j.ct.CtLog;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Verifies an SCT signature with the log key: RSA (PKCS #1 v1.5) or ECDSA with SHA-1, SHA-256 or
 * SHA-384 as the SCT declares (spec §8.2 item 7), through the process's {@link SignatureBackend} (the
 * one that verifies certificates), as the X.509 signature algorithm the pair names.
 */
final class SctSignatures {
    private static final SignatureAlgorithm RSA_SHA1 = algorithm("1.2.840.113549.1.1.5", true);
    private static final SignatureAlgorithm RSA_SHA256 = algorithm("1.2.840.113549.1.1.11", true);
    private static final SignatureAlgorithm RSA_SHA384 = algorithm("1.2.840.113549.1.1.12", true);
    private static final SignatureAlgorithm ECDSA_SHA1 = algorithm("1.2.840.10045.4.1", false);
    private static final SignatureAlgorithm ECDSA_SHA256 = algorithm("1.2.840.10045.4.3.2", false);
    private static final SignatureAlgorithm ECDSA_SHA384 = algorithm("1.2.840.10045.4.3.3", false);

    /** Longest log key kept (a 16,384-bit RSA SubjectPublicKeyInfo is ~2.1 KB; real log keys are P-256, 91 B). */
    static final int MAX_KEPT_KEY_BYTES = 4_096;

    /**
     * Log keys decoded and checked against {@link KeyBounds} once (a log list has a few hundred): empty for
     * a key out of bounds or not a SubjectPublicKeyInfo. Both are pure functions of the key's bytes. A key longer
     * than {@link #MAX_KEPT_KEY_BYTES} is decoded each time: a caller's huge keys would otherwise pin the heap.
     */
    private static final EncodingMemo<Optional<PublicKeyInfo>> LOG_KEYS = new EncodingMemo<>(1_024, MAX_KEPT_KEY_BYTES);

    /** Most log-list entries whose key {@link #BY_LOG} keeps (a few log lists' worth). */
    static final int MAX_KEPT_LOGS = 4_096;

    /**
     * The key of each log-list entry an SCT was verified with, by the entry object (weak, compared by identity: an
     * entry's key never changes), so that a verification neither copies the key out of the entry nor hashes it to
     * find it in {@link #LOG_KEYS}; the same key {@link #LOG_KEYS} gives for the entry's key bytes. Kept for at most
     * {@link #MAX_KEPT_LOGS} live entries and only for keys {@link #LOG_KEYS} keeps.
     */
    private static final ConcurrentMap<CtLog, Optional<PublicKeyInfo>> BY_LOG =
            new MapMaker().weakKeys().makeMap();

    private SctSignatures() {}

    /** As {@link #verify(SignedCertificateTimestamp, byte[], byte[])} with {@code log}'s key. */
    static boolean verify(SignedCertificateTimestamp sct, byte[] signedData, CtLog log) {
        return verify(SignatureBackends.selected(), sct, signedData, logKey(log));
    }

    /**
     * True only if the signature verifies; any unsupported algorithm, key mismatch or error is false.
     * Verdicts are remembered by the one SCT verdict cache in front of this ({@link CachingSctVerifier}).
     */
    static boolean verify(SignedCertificateTimestamp sct, byte[] signedData, byte[] logSpki) {
        return verify(SignatureBackends.selected(), sct, signedData, logSpki);
    }

    /** As {@link #verify(SignedCertificateTimestamp, byte[], byte[])} with {@code backend}'s cryptography. */
    static boolean verify(SignatureBackend backend, SignedCertificateTimestamp sct, byte[] signedData, byte[] logSpki) {
        return verify(backend, sct, signedData, logKey(logSpki));
    }

    private static boolean verify(
            SignatureBackend backend, SignedCertificateTimestamp sct, byte[] signedData, Optional<PublicKeyInfo> key) {
        if (key.isEmpty()) {
            return false;
        }
        SignatureAlgorithm algorithm = algorithm(sct);
        if (algorithm == null) {
            return false;
        }
        // a backend never throws, except the selected one when -Dsectrust4j.verifier is wrong, and that
        // misconfiguration must not read as an invalid SCT
        return backend.verifies(algorithm, key.get(), signedData, sct.signatureView());
    }

    /** The log key to verify with; empty if it is out of {@link KeyBounds} or not a SubjectPublicKeyInfo. */
    static Optional<PublicKeyInfo> logKey(byte[] logSpki) {
        return LOG_KEYS.get(logSpki, 0, logSpki.length, () -> decodeLogKey(logSpki));
    }

    /** {@link #logKey(byte[])} of {@code log}'s key, found by the entry object once it was looked up by its bytes. */
    static Optional<PublicKeyInfo> logKey(CtLog log) {
        Optional<PublicKeyInfo> key = BY_LOG.get(log);
        if (key == null) {
            byte[] spki = log.spki();
            key = logKey(spki);
            if (spki.length <= MAX_KEPT_KEY_BYTES && BY_LOG.size() < MAX_KEPT_LOGS) {
                BY_LOG.put(log, key);
            }
        }
        return key;
    }

    /** Whether this log key is kept (tests). */
    static boolean keeps(byte[] logSpki) {
        return LOG_KEYS.keeps(logSpki, 0, logSpki.length);
    }

    private static Optional<PublicKeyInfo> decodeLogKey(byte[] logSpki) {
        if (!KeyBounds.within(logSpki)) {
            return Optional.empty(); // a caller-supplied log key whose verification cost is unbounded
        }
        try {
            return Optional.of(PublicKeyInfo.fromDer(logSpki));
        } catch (RuntimeException e) {
            return Optional.empty(); // not a SubjectPublicKeyInfo
        }
    }

    /** The X.509 signature algorithm of the SCT's (hash, signature) pair; null for any other pair. */
    private static SignatureAlgorithm algorithm(SignedCertificateTimestamp sct) {
        boolean ecdsa = sct.signatureAlgorithm() == SignedCertificateTimestamp.SIGNATURE_ECDSA;
        if (!ecdsa && sct.signatureAlgorithm() != SignedCertificateTimestamp.SIGNATURE_RSA) {
            return null;
        }
        return switch (sct.hashAlgorithm()) {
            case SignedCertificateTimestamp.HASH_SHA1 -> ecdsa ? ECDSA_SHA1 : RSA_SHA1;
            case SignedCertificateTimestamp.HASH_SHA256 -> ecdsa ? ECDSA_SHA256 : RSA_SHA256;
            case SignedCertificateTimestamp.HASH_SHA384 -> ecdsa ? ECDSA_SHA384 : RSA_SHA384;
            default -> null;
        };
    }

    private static SignatureAlgorithm algorithm(String oid, boolean nullParameters) {
        try {
            ASN1ObjectIdentifier id = new ASN1ObjectIdentifier(oid);
            return SignatureAlgorithm.fromDer(
                    (nullParameters ? new AlgorithmIdentifier(id, DERNull.INSTANCE) : new AlgorithmIdentifier(id))
                            .getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
