package io.github.sectrust4j.cert;

/**
 * The hash of a certificate signature algorithm, as Apple's classifier maps it (§2.2, §1.5).
 * {@link #NONE_ED} is EdDSA (no separate hash); {@link #UNKNOWN} covers RSA-PSS and anything
 * unrecognized.
 */
public enum SignatureHash {
    MD2,
    MD4,
    MD5,
    SHA1,
    SHA224,
    SHA256,
    SHA384,
    SHA512,
    NONE_ED,
    UNKNOWN;

    /** MD2/MD4/MD5: rejected by the fatal {@code WeakSignature} check (unless self-signed). */
    public boolean failsWeakSignature() {
        return this == MD2 || this == MD4 || this == MD5;
    }

    /**
     * MD2/MD4/MD5/SHA-1: rejected by {@code SignatureHashAlgorithms} (iOS 13+). Unknown hashes such
     * as RSA-PSS are NOT rejected by that check (§2.2).
     */
    public boolean isWeak() {
        return failsWeakSignature() || this == SHA1;
    }

    /**
     * "Weak hash" for path scoring and the iOS 11–12 SystemTrustedWeakHash rule (§1.5, §4.3):
     * MD2/MD4/MD5/SHA-1 and unrecognized hashes. EdDSA is treated as not weak [inferred].
     */
    public boolean isWeakForScoring() {
        return isWeak() || this == UNKNOWN;
    }
}
