package io.github.sectrust4j.cert;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A distinguished name in Apple's normalized form (§1.3), as an opaque comparison key. Two names
 * match for parent lookup iff their keys are equal. Hash and equality are precomputed/cheap.
 */
public final class NormalizedName {
    private final byte[] key;
    private final int hash;

    NormalizedName(byte[] key) {
        this.key = key;
        this.hash = Arrays.hashCode(key);
    }

    /**
     * The normalized form of a DER-encoded Name, the same a certificate with this subject has (its
     * {@code normalizedSubject()}); empty if unparseable. Lets an index of names skip parsing certificates.
     */
    public static java.util.Optional<NormalizedName> ofName(byte[] der) {
        try {
            // the key alone, as DistinguishedName.from computes it (not its readable text)
            org.bouncycastle.asn1.ASN1Primitive name = org.bouncycastle.asn1.ASN1Primitive.fromByteArray(der);
            return name instanceof org.bouncycastle.asn1.ASN1Sequence seq
                    ? DistinguishedName.normalize(seq, null)
                    : java.util.Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The comparison key bytes (a copy). Not DER; only meaningful for equality. */
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedName n && n.hash == hash && Arrays.equals(n.key, key);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "NormalizedName[" + HexFormat.of().formatHex(key) + "]";
    }
}
