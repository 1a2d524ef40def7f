package io.github.sectrust4j.ct.internal;

import com.google.common.hash.Hashing;
import io.github.sectrust4j.cert.TotalVerificationBudget;
import io.github.sectrust4j.cert.VerdictCache;
import io.github.sectrust4j.ct.CtLog;
import io.github.sectrust4j.ct.LogId;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SCT signature verdicts kept across evaluations in a bounded {@link VerdictCache}, as certificate
 * signature verdicts are, so a warm evaluation of a chain with embedded SCTs runs no log-signature
 * cryptography. The key is the SHA-256 of everything the verification reads: the log's key (by its log id, the
 * SHA-256 of the key, which {@link CtLog} checks), the signed
 * entry (precert or x509, which fixes the leaf and, for a precert, the issuer key hash; a parsed leaf's precert
 * entry is named by the leaf's SHA-256 and the issuer key hash, which fix it) and the SCT's
 * exact bytes (version, log id, timestamp, extensions, algorithms, signature). A verdict is a pure function
 * of those bytes, so the cache never changes an answer; a changed byte anywhere is a different key.
 * Thread-safe.
 */
final class CachingSctVerifier {
    static final int DEFAULT_MAX_ENTRIES = 10_000;

    /** The process-wide cache every evaluation uses (bounded; immutable data only). */
    static final CachingSctVerifier SHARED = new CachingSctVerifier(SctSignatures::verify, DEFAULT_MAX_ENTRIES);

    /** The cryptographic check behind the cache. */
    @FunctionalInterface
    interface Check {
        boolean verify(SignedCertificateTimestamp sct, byte[] signedData, CtLog log);
    }

    private final Check delegate;
    private final VerdictCache verdicts;
    private final AtomicLong verifications = new AtomicLong();

    CachingSctVerifier(Check delegate, int maxEntries) {
        this.delegate = delegate;
        this.verdicts = new VerdictCache(maxEntries);
    }

    /**
     * True iff {@code sct} (parsed from {@code rawSct}) verifies with {@code log}'s key over {@code entry};
     * {@code entryDigest} is the SHA-256 of {@code entry} (worked out once per evaluation).
     */
    boolean verify(
            SignedCertificateTimestamp sct, byte[] rawSct, SignedEntries.Entry entry, byte[] entryDigest, CtLog log) {
        ByteBuffer key = key(sct, rawSct, entryDigest, log);
        if (!TotalVerificationBudget.charge(TotalVerificationBudget.Kind.SCT, key)) {
            return false; // the evaluation's verification budget is spent: the SCT does not count
        }
        return verdicts.computeIfAbsent(key, () -> {
            verifications.incrementAndGet();
            return delegate.verify(sct, SignedEntries.signedData(sct, entry), log);
        });
    }

    /**
     * The cache key; the last one made for {@code sct} is kept on it with the log and entry digest it covers
     * ({@code sct} was parsed from {@code rawSct}), so re-evaluating a parsed leaf does not hash it again. The log
     * is named by its id, the SHA-256 of its key: neither is copied nor hashed per SCT.
     */
    private static ByteBuffer key(SignedCertificateTimestamp sct, byte[] rawSct, byte[] entryDigest, CtLog log) {
        LogId logId = log.logId();
        if (sct.verdictKey() instanceof KeyFor last
                && Arrays.equals(last.entryDigest, entryDigest)
                && last.logId.equals(logId)) {
            return last.key;
        }
        ByteBuffer key = ByteBuffer.wrap(Hashing.sha256()
                .newHasher()
                .putBytes(logId.bytes()) // the SHA-256 of the log's key (CtLog checks it): 32 bytes, not the whole key
                .putBytes(entryDigest)
                .putInt(rawSct.length)
                .putBytes(rawSct)
                .hash()
                .asBytes());
        sct.verdictKey(new KeyFor(logId, entryDigest.clone(), key));
        return key;
    }

    /** A verdict key and the log id and entry digest it was made from (the SCT's bytes being the holder's). */
    private record KeyFor(LogId logId, byte[] entryDigest, ByteBuffer key) {}

    /** SCT signatures actually verified (cache misses) since this cache was made. */
    long verifications() {
        return verifications.get();
    }

    long cachedVerdicts() {
        return verdicts.size();
    }

    /** Forgets every verdict (benchmarks measuring a cold evaluation). */
    void clear() {
        verdicts.clear();
    }
}
