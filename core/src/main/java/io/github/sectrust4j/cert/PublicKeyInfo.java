package io.github.sectrust4j.cert;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
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

    /**
     * A named curve as {@link #fromStrictDer} recognizes it: the DER of the whole AlgorithmIdentifier
     * {@code SEQUENCE { id-ecPublicKey, curve OID }}.
     */
    private record NamedCurve(String oid, ASN1ObjectIdentifier id, Curve curve, byte[] algorithmDer) {}

    private static final Map<String, Curve> CURVES = Map.of(
            Oids.SECP192R1, new Curve("P-192", 24, 192),
            Oids.SECP224R1, new Curve("P-224", 28, 224),
            Oids.SECP256R1, new Curve("P-256", 32, 256),
            Oids.SECP384R1, new Curve("P-384", 48, 384),
            Oids.SECP521R1, new Curve("P-521", 66, 521));

    /** The DER of the AlgorithmIdentifier rsaEncryption with NULL parameters (RFC 3279 §2.3.1). */
    private static final byte[] RSA_ALGORITHM_DER =
            algorithmDer(new AlgorithmIdentifier(new ASN1ObjectIdentifier(Oids.RSA_ENCRYPTION), DERNull.INSTANCE));

    private static final List<NamedCurve> NAMED_CURVES = CURVES.entrySet().stream()
            .sorted(Map.Entry.comparingByKey()) // a fixed order; the encodings differ, so any order finds the same
            .map(e -> {
                ASN1ObjectIdentifier id = new ASN1ObjectIdentifier(e.getKey());
                return new NamedCurve(
                        e.getKey(),
                        id,
                        e.getValue(),
                        algorithmDer(new AlgorithmIdentifier(new ASN1ObjectIdentifier(Oids.EC_PUBLIC_KEY), id)));
            })
            .toList();

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
    /**
     * The decoded RSAPublicKey of an rsaEncryption key; null otherwise. Read by {@link #fromStrictDer}, it is decoded
     * on first use (a leaf's key is classified on every evaluation and never verifies anything); racing threads store
     * equal keys.
     */
    private volatile RSAPublicKey rsaKey;
    /** Where in {@link #spkiDer} the RSAPublicKey that {@link #rsaKey} decodes on first use begins; 0 if not deferred. */
    private final int deferredRsaKeyAt;
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
        this(
                algorithm,
                algorithmOid,
                parseable,
                sizeBytes,
                bits,
                curveOid,
                curveName,
                spkiDer,
                subjectPublicKey,
                null,
                0);
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
            RSAPublicKey rsaKey,
            int deferredRsaKeyAt) {
        this.rsaKey = rsaKey;
        this.deferredRsaKeyAt = deferredRsaKeyAt;
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
                    return new PublicKeyInfo(
                            KeyAlgorithm.RSA, oid, b > 0, (b + 7) / 8, b, null, null, der, keyBits, k, 0);
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

    /**
     * The key of the SubjectPublicKeyInfo encoded at [{@code start}, {@code end}) of {@code der}, read straight from
     * the bytes when it has one of the two shapes nearly every certificate's key has, in strict DER (minimal lengths,
     * a BIT STRING without unused bits): rsaEncryption with NULL parameters and an RSAPublicKey of two minimal
     * non-negative INTEGERs, or id-ecPublicKey on one of the five named curves. Then it is equal in every respect to
     * {@link #from(SubjectPublicKeyInfo)} of the same bytes (Bouncy Castle re-encodes strict DER to the same bytes,
     * and reads those INTEGERs as the values they are); for any other SPKI, null: that reading decides. Never throws.
     */
    static PublicKeyInfo fromStrictDer(byte[] der, int start, int end) {
        long spki = strictElement(der, start, end, 0x30);
        if (spki < 0 || (int) spki != end) {
            return null;
        }
        int at = (int) (spki >>> 32);
        if (startsWith(der, at, end, RSA_ALGORITHM_DER)) {
            int keyAt = keyBitsContents(der, at + RSA_ALGORITHM_DER.length, end);
            int bits = keyAt < 0 ? -1 : rsaModulusBits(der, keyAt, end);
            if (bits < 0) {
                return null;
            }
            return new PublicKeyInfo(
                    KeyAlgorithm.RSA,
                    Oids.RSA_ENCRYPTION,
                    bits > 0,
                    (bits + 7) / 8,
                    bits,
                    null,
                    null,
                    Arrays.copyOfRange(der, start, end),
                    Arrays.copyOfRange(der, keyAt, end),
                    null,
                    keyAt - start);
        }
        for (NamedCurve named : NAMED_CURVES) {
            if (startsWith(der, at, end, named.algorithmDer())) {
                int keyAt = keyBitsContents(der, at + named.algorithmDer().length, end);
                if (keyAt < 0) {
                    return null;
                }
                byte[] keyBits = Arrays.copyOfRange(der, keyAt, end);
                Curve c = named.curve();
                boolean onCurve = isOnCurve(named.id(), keyBits); // as from(SubjectPublicKeyInfo)
                return new PublicKeyInfo(
                        KeyAlgorithm.EC,
                        Oids.EC_PUBLIC_KEY,
                        onCurve,
                        onCurve ? c.fieldBytes() : 0,
                        onCurve ? c.bits() : 0,
                        named.oid(),
                        c.name(),
                        Arrays.copyOfRange(der, start, end),
                        keyBits);
            }
        }
        return null;
    }

    private static byte[] algorithmDer(AlgorithmIdentifier algorithm) {
        try {
            return algorithm.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] der, int at, int end, byte[] prefix) {
        return end - at >= prefix.length && Arrays.equals(der, at, at + prefix.length, prefix, 0, prefix.length);
    }

    /**
     * Where the key of the BIT STRING at {@code at}, ending exactly at {@code end} without unused bits, begins; -1
     * otherwise.
     */
    private static int keyBitsContents(byte[] der, int at, int end) {
        long bitString = strictElement(der, at, end, 0x03);
        if (bitString < 0 || (int) bitString != end) {
            return -1;
        }
        int contents = (int) (bitString >>> 32);
        return contents < end && der[contents] == 0 ? contents + 1 : -1;
    }

    /**
     * The bit length of the modulus of the RSAPublicKey {@code SEQUENCE { INTEGER, INTEGER }} at [{@code at},
     * {@code end}), both INTEGERs minimal and non-negative; -1 for anything else.
     */
    private static int rsaModulusBits(byte[] der, int at, int end) {
        long key = strictElement(der, at, end, 0x30);
        if (key < 0 || (int) key != end) {
            return -1;
        }
        long modulus = strictElement(der, (int) (key >>> 32), end, 0x02);
        if (modulus < 0 || !minimalNonNegative(der, (int) (modulus >>> 32), (int) modulus)) {
            return -1;
        }
        long exponent = strictElement(der, (int) modulus, end, 0x02);
        if (exponent < 0
                || (int) exponent != end
                || !minimalNonNegative(der, (int) (exponent >>> 32), (int) exponent)) {
            return -1;
        }
        int from = (int) (modulus >>> 32);
        int to = (int) modulus;
        if (der[from] == 0) {
            from++; // the sign octet of a modulus whose top bit is set (or the INTEGER 0)
        }
        return from == to ? 0 : (to - from - 1) * 8 + 32 - Integer.numberOfLeadingZeros(der[from] & 0xff);
    }

    private static boolean minimalNonNegative(byte[] der, int from, int to) {
        return to > from && der[from] >= 0 && (to - from == 1 || der[from] != 0 || der[from + 1] < 0);
    }

    /**
     * The element with tag {@code tag} at {@code at} within {@code limit}, with a minimal definite length of at most
     * two octets: its contents' start in the high 32 bits and its end in the low ones; -1 if it is not one.
     */
    private static long strictElement(byte[] der, int at, int limit, int tag) {
        if (limit - at < 2 || (der[at] & 0xff) != tag) {
            return -1;
        }
        int first = der[at + 1] & 0xff;
        int p = at + 2;
        int length;
        if (first < 0x80) {
            length = first;
        } else if (first == 0x81 && limit - p >= 1 && (der[p] & 0xff) >= 0x80) {
            length = der[p] & 0xff;
            p += 1;
        } else if (first == 0x82 && limit - p >= 2 && der[p] != 0) {
            length = ((der[p] & 0xff) << 8) | (der[p + 1] & 0xff);
            p += 2;
        } else {
            return -1;
        }
        return length <= limit - p ? ((long) p << 32) | (p + length) : -1;
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

    /** The RSAPublicKey of an rsaEncryption key (decoded once), if it decodes. */
    RSAPublicKey rsaKeyInternal() {
        RSAPublicKey k = rsaKey;
        if (k == null && deferredRsaKeyAt > 0) {
            try {
                // what from(SubjectPublicKeyInfo) decodes, from the BIT STRING's key that fromStrictDer checked
                k = RSAPublicKey.getInstance(Asn1.parse(Arrays.copyOfRange(spkiDer, deferredRsaKeyAt, spkiDer.length)));
            } catch (IOException | RuntimeException e) {
                return null; // not reached: fromStrictDer takes only keys that decode
            }
            rsaKey = k;
        }
        return k;
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
