package io.github.sectrust4j.ct.internal;

/**
 * Why one SCT did or did not count, in the order iOS tests it (spec §8.2 items 1–7).
 */
public enum SctVerdict {
    /** Parsed, timely, from a trusted log, and the signature verifies. */
    VALID,
    /** Does not parse exactly as a v1 SCT (or its list is malformed) (§8.2 item 1). */
    MALFORMED,
    /** The signed entry could not be built: an embedded SCT without an issuer (one-certificate chain) (§8.2). */
    ENTRY_UNAVAILABLE,
    /** Timestamp after the verify time (§8.2 item 2). */
    FUTURE_TIMESTAMP,
    /** The log id is not in the trusted-log set (§8.2 item 3). */
    UNKNOWN_LOG,
    /** The log is in the list but pending or rejected, which iOS omits entirely (§8.4). */
    LOG_REJECTED,
    /** An external (TLS/OCSP) SCT from a retired log: only embedded SCTs may come from retired logs (§8.2 item 4). */
    RETIRED_LOG_EXTERNAL,
    /**
     * iOS 9 only: the log retired before the leaf's notBefore (embedded SCT) or before the verify time
     * (TLS/OCSP SCT) (§13.3).
     */
    RETIRED_BEFORE_USE,
    /** The log is read-only and the SCT is timestamped after it froze (§8.2 item 5). */
    AFTER_READ_ONLY,
    /** The log is temporally sharded and the leaf's notAfter lies outside its window (§8.2 item 6). */
    OUTSIDE_SHARD,
    /** The signature does not verify with the log's key, or its algorithm is not supported (§8.2 item 7). */
    INVALID_SIGNATURE;

    public boolean isValid() {
        return this == VALID;
    }
}
