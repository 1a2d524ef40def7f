package io.github.sectrust4j.cert;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The one rule for keys the library verifies signatures with — issuer keys, SCT log keys, OCSP
 * responder keys — so that a caller-supplied key cannot make a verification run for seconds (a
 * 32,768-bit RSA modulus with a 32,768-bit exponent costs ~25 s per check; 20 SCTs under one such
 * log key took 58 s). A key beyond the bounds verifies nothing, like a curve the platform cannot use
 * (§4.1). Internal to sectrust4j.
 */
public final class KeyBounds {
    /**
     * 16,384 bits is Bouncy Castle's own default modulus limit; no standard allows an exponent above
     * 2^256 (FIPS 186-4 B.3.1) [inferred: iOS limits are not documented].
     */
    public static final int MAX_RSA_MODULUS_BITS = 16_384;

    public static final int MAX_RSA_EXPONENT_BITS = 256;
    /**
     * DSA domain bounds (FIPS 186-4's largest sizes, L = 3072, N = 256): a crafted 16,384-bit DSA key cost
     * ~1.4 s to check. iOS does not verify DSA at all (§4.1: always weak).
     */
    public static final int MAX_DSA_P_BITS = 3_072;

    public static final int MAX_DSA_Q_BITS = 256;

    private KeyBounds() {}

    /** True if verifying with an RSA key of this modulus and exponent costs a bounded time. */
    public static boolean rsaWithin(BigInteger modulus, BigInteger exponent) {
        return modulus.bitLength() <= MAX_RSA_MODULUS_BITS && exponent.bitLength() <= MAX_RSA_EXPONENT_BITS;
    }

    /** True if verifying with DSA domain parameters p and q costs a bounded time. */
    public static boolean dsaWithin(BigInteger p, BigInteger q) {
        return p.bitLength() <= MAX_DSA_P_BITS && q.bitLength() <= MAX_DSA_Q_BITS;
    }

    /**
     * True if the key (a DER SubjectPublicKeyInfo) is within the bounds: RSA and DSA keys are
     * checked, other algorithms (EC, EdDSA: fixed sizes) pass; an RSA or DSA key that cannot be
     * read is out of bounds (nothing could verify with it anyway).
     */
    public static boolean within(byte[] spki) {
        try {
            return within(SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(spki)));
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** As {@link #within(byte[])}, for a decoded key. */
    public static boolean within(SubjectPublicKeyInfo spki) {
        try {
            String oid = spki.getAlgorithm().getAlgorithm().getId();
            if (oid.equals(Oids.RSA_ENCRYPTION) || oid.equals(Oids.RSASSA_PSS)) {
                RSAPublicKey k = RSAPublicKey.getInstance(spki.parsePublicKey());
                return rsaWithin(k.getModulus(), k.getPublicExponent());
            }
            if (oid.equals(Oids.DSA)) {
                DSAParameter d = DSAParameter.getInstance(spki.getAlgorithm().getParameters());
                return d != null && dsaWithin(d.getP(), d.getQ());
            }
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
