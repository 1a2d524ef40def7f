package io.github.sectrust4j.cert;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A certificate's SubjectPublicKeyInfo, classified once the way Apple does (§4.1). Immutable.
 * Key size is in bytes as the platform reports it: RSA modulus bytes (ceil(bits/8)), EC field
 * element bytes for the five curves Apple supports. An EC key on any other curve, or an RSA key
 * whose modulus cannot be decoded, is {@linkplain #parseable() unparseable}: always weak, never
 * strong, and unusable for signature verification.
 */
public final class PublicKeyInfo {
    private record Curve(String name, int fieldBytes, int bits) {}

    private static final Map<String, Curve> CURVES = Map.of(
            Oids.SECP192R1, new Curve("P-192", 24, 192),
            Oids.SECP224R1, new Curve("P-224", 28, 224),
            Oids.SECP256R1, new Curve("P-256", 32, 256),
            Oids.SECP384R1, new Curve("P-384", 48, 384),
            Oids.SECP521R1, new Curve("P-521", 66, 521));

    private final KeyAlgorithm algorithm;
    private final String algorithmOid;
    private final boolean parseable;
    private final int sizeBytes;
    private final int bits;
    private final String curveOid;
    private final String curveName;
    private final byte[] spkiDer;
    /**
     * SHA-256 over {@link #spkiDer}, worked out on first use (a leaf's key is classified on every evaluation of a new
     * chain, and only issuers' keys are ever hashed: verdict keys, pins); racing threads store equal arrays.
     */
    private volatile byte[] spkiSha256;
    /** Hash of {@link #spkiSha256}, computed with it (keys are hashed on every link lookup); 0 until then. */
    private volatile int hash;

    private final byte[] subjectPublicKeySha1;
    /** The decoded RSAPublicKey of an rsaEncryption key; null otherwise. */
    private final RSAPublicKey rsaKey;
    /**
     * A signature backend's own form of this key, memoized by that backend ({@link NativeSignatureBackend}): a pure
     * function of the key's DER and the backend, made once per key object instead of looked up per verification.
     */
    private volatile Object backendKey;

    private PublicKeyInfo(
            KeyAlgorithm algorithm,
            String algorithmOid,
            boolean parseable,
            int sizeBytes,
            int bits,
            String curveOid,
            String curveName,
            byte[] spkiDer,
            byte[] subjectPublicKey) {
        this(algorithm, algorithmOid, parseable, sizeBytes, bits, curveOid, curveName, spkiDer, subjectPublicKey, null);
    }

    private PublicKeyInfo(
            KeyAlgorithm algorithm,
            String algorithmOid,
            boolean parseable,
            int sizeBytes,
            int bits,
            String curveOid,
            String curveName,
            byte[] spkiDer,
            byte[] subjectPublicKey,
            RSAPublicKey rsaKey) {
        this.rsaKey = rsaKey;
        this.algorithm = algorithm;
        this.algorithmOid = algorithmOid;
        this.parseable = parseable;
        this.sizeBytes = sizeBytes;
        this.bits = bits;
        this.curveOid = curveOid;
        this.curveName = curveName;
        this.spkiDer = spkiDer;
        this.subjectPublicKeySha1 = Digests.sha1(subjectPublicKey);
    }

    /**
     * The key of a SubjectPublicKeyInfo's DER (a CT log's, an OCSP responder's).
     *
     * @throws IllegalArgumentException if {@code spkiDer} is not a SubjectPublicKeyInfo
     */
    public static PublicKeyInfo fromDer(byte[] spkiDer) {
        try {
            return from(SubjectPublicKeyInfo.getInstance(spkiDer));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a SubjectPublicKeyInfo", e);
        }
    }

    static PublicKeyInfo from(SubjectPublicKeyInfo spki) {
        byte[] der;
        try {
            der = spki.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new Der.ParseProblem("subjectPublicKeyInfo cannot be encoded", e);
        }
        // the BIT STRING of the parsed SPKI (no re-parse of the DER just encoded)
        byte[] keyBits = spki.getPublicKeyData().getBytes();
        String oid = spki.getAlgorithm().getAlgorithm().getId();
        ASN1Encodable params = spki.getAlgorithm().getParameters();
        switch (oid) {
            case Oids.RSA_ENCRYPTION: {
                try {
                    RSAPublicKey k = RSAPublicKey.getInstance(
                            Asn1.parse(spki.getPublicKeyData().getOctets()));
                    int b = k.getModulus().bitLength();
                    // the decoded key is kept for the verifier: decoded once
                    return new PublicKeyInfo(KeyAlgorithm.RSA, oid, b > 0, (b + 7) / 8, b, null, null, der, keyBits, k);
                } catch (IOException | RuntimeException e) {
                    return new PublicKeyInfo(KeyAlgorithm.RSA, oid, false, 0, 0, null, null, der, keyBits);
                }
            }
            case Oids.EC_PUBLIC_KEY: {
                if (params instanceof ASN1ObjectIdentifier curveId) {
                    Curve c = CURVES.get(curveId.getId());
                    if (c != null) {
                        // a point that is not on the curve cannot be imported either [inferred: corecrypto
                        // validates public points]; such a key is unparseable, hence weak (§4.1)
                        boolean onCurve = isOnCurve(curveId, keyBits);
                        return new PublicKeyInfo(
                                KeyAlgorithm.EC,
                                oid,
                                onCurve,
                                onCurve ? c.fieldBytes() : 0,
                                onCurve ? c.bits() : 0,
                                curveId.getId(),
                                c.name(),
                                der,
                                keyBits);
                    }
                    return new PublicKeyInfo(KeyAlgorithm.EC, oid, false, 0, 0, curveId.getId(), null, der, keyBits);
                }
                // explicit curve parameters or missing parameters: Apple cannot use such keys (§4.1)
                return new PublicKeyInfo(KeyAlgorithm.EC, oid, false, 0, 0, null, null, der, keyBits);
            }
            case Oids.ED25519:
                return new PublicKeyInfo(KeyAlgorithm.ED25519, oid, true, 32, 256, null, "Ed25519", der, keyBits);
            case Oids.ED448:
                return new PublicKeyInfo(KeyAlgorithm.ED448, oid, true, 57, 456, null, "Ed448", der, keyBits);
            case Oids.DSA: {
                int b = 0;
                try {
                    if (params instanceof ASN1Sequence) {
                        b = DSAParameter.getInstance(params).getP().bitLength();
                    }
                } catch (RuntimeException e) {
                    b = 0;
                }
                return new PublicKeyInfo(KeyAlgorithm.DSA, oid, b > 0, (b + 7) / 8, b, null, null, der, keyBits);
            }
            default:
                return new PublicKeyInfo(KeyAlgorithm.OTHER, oid, false, 0, 0, null, null, der, keyBits);
        }
    }

    private static boolean isOnCurve(ASN1ObjectIdentifier curve, byte[] point) {
        try {
            // BC's custom implementations of the five curves (same curves, fast field arithmetic) first
            org.bouncycastle.asn1.x9.X9ECParameters params =
                    org.bouncycastle.crypto.ec.CustomNamedCurves.getByOID(curve);
            if (params == null) {
                params = org.bouncycastle.asn1.x9.ECNamedCurveTable.getByOID(curve);
            }
            return params != null && params.getCurve().decodePoint(point).isValid();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The form of this key a backend memoized with {@link #backendKey(Object)}, or null. */
    Object backendKey() {
        return backendKey;
    }

    /** Memoizes a backend's form of this key (immutable; it records the backend it belongs to). */
    void backendKey(Object key) {
        backendKey = key;
    }

    /** The RSAPublicKey decoded at parse time (rsaEncryption keys only), if any. */
    RSAPublicKey rsaKeyInternal() {
        return rsaKey;
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    /** The SPKI algorithm OID. */
    public String algorithmOid() {
        return algorithmOid;
    }

    /** False for keys Apple cannot use: unknown EC curves, explicit EC parameters, broken RSA, unknown algorithms. */
    public boolean parseable() {
        return parseable;
    }

    /** Key size in bytes as Apple reports it (§4.1); 0 if unparseable. */
    public int sizeBytes() {
        return sizeBytes;
    }

    /** RSA/DSA modulus bits, EC curve bits; 0 if unparseable. */
    public int bits() {
        return bits;
    }

    /** EC named-curve OID, if any. */
    public Optional<String> curveOid() {
        return Optional.ofNullable(curveOid);
    }

    /** "P-256" etc., "Ed25519"/"Ed448"; empty for RSA/DSA/unknown curves. */
    public Optional<String> curveName() {
        return Optional.ofNullable(curveName);
    }

    /** The SubjectPublicKeyInfo DER (a copy). */
    public byte[] spkiDer() {
        return spkiDer.clone();
    }

    /**
     * The SubjectPublicKeyInfo DER itself, for callers in this library that only read it (no copy per
     * evaluation); never to be changed: the array is shared by every evaluation of the certificate (this package is
     * not exported; a class-path caller writing into it would corrupt cached verdicts and key-list lookups).
     */
    public byte[] spkiDerView() {
        return spkiDer;
    }

    /** SHA-256 over the SPKI DER (pinning, verdict-cache key). */
    /** The SPKI SHA-256 itself, for package callers that only read it (no defensive copy per lookup). */
    byte[] spkiSha256Internal() {
        byte[] d = spkiSha256;
        if (d == null) {
            d = Digests.sha256(spkiDer);
            hash = Arrays.hashCode(d);
            spkiSha256 = d;
        }
        return d;
    }

    public byte[] spkiSha256() {
        return spkiSha256Internal().clone();
    }

    public String spkiSha256Hex() {
        return HexFormat.of().formatHex(spkiSha256Internal());
    }

    /** SHA-1 over the subjectPublicKey BIT STRING contents — Apple's blocked/distrusted key lists (§2.2). */
    public byte[] subjectPublicKeySha1() {
        return subjectPublicKeySha1.clone();
    }

    /**
     * {@link #subjectPublicKeySha1()} itself, for the key-list lookups of every evaluation; never to be changed
     * (shared, like {@link #spkiDerView()}).
     */
    public byte[] subjectPublicKeySha1View() {
        return subjectPublicKeySha1;
    }

    public String subjectPublicKeySha1Hex() {
        return HexFormat.of().formatHex(subjectPublicKeySha1);
    }

    private boolean atLeast(int bitsThreshold) {
        return sizeBytes >= (bitsThreshold + 7) / 8;
    }

    /** §4.1 "weak" row (fatal WeakKeySize): RSA < 1024, EC < 160, DSA/other/unparseable always. */
    public boolean isWeak() {
        if (!parseable) {
            return true;
        }
        return switch (algorithm) {
            case RSA -> !atLeast(1024);
            case EC -> !atLeast(160);
            case ED25519, ED448 -> false;
            default -> true;
        };
    }

    /** §4.1 "strong" row (path scoring; iOS 11–12 SystemTrustedWeakKey): RSA ≥ 2048, EC ≥ 224, EdDSA. */
    public boolean isStrong() {
        if (!parseable) {
            return false;
        }
        return switch (algorithm) {
            case RSA -> atLeast(2048);
            case EC -> atLeast(224);
            case ED25519, ED448 -> true;
            default -> false;
        };
    }

    /** §4.1 SSL KeySize row (iOS 13+): RSA ≥ 256 bytes, EC ≥ 32 bytes; EdDSA and others fail. */
    public boolean meetsSslMinimum() {
        if (!parseable) {
            return false;
        }
        return switch (algorithm) {
            case RSA -> atLeast(2048);
            case EC -> atLeast(256);
            default -> false;
        };
    }

    /** Size at least {@code minBits} for RSA/EC (EV rows of §4.1); false for other algorithms. */
    public boolean rsaOrEcAtLeast(int rsaMinBits, int ecMinBits) {
        if (!parseable) {
            return false;
        }
        return switch (algorithm) {
            case RSA -> atLeast(rsaMinBits);
            case EC -> atLeast(ecMinBits);
            default -> false;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKeyInfo k && Arrays.equals(k.spkiDer, spkiDer);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            spkiSha256Internal(); // the hash of the digest, as before, however the digest was first asked for
            h = hash;
        }
        return h;
    }

    @Override
    public String toString() {
        String size = switch (algorithm) {
            case RSA, DSA -> bits + "-bit";
            case EC -> curveName != null ? curveName : "unsupported curve " + curveOid;
            default -> "";
        };
        return (algorithm + " " + size).trim() + (parseable ? "" : " (unparseable)");
    }
}
