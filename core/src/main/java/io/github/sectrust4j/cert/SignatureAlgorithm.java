package io.github.sectrust4j.cert;

import java.util.Map;

/**
 * A signature AlgorithmIdentifier: its OID, the raw DER (parameters matter for RSA-PSS), and the
 * hash classification.
 */
public record SignatureAlgorithm(String oid, SignatureHash hash, byte[] der) {

    private static final Map<String, SignatureHash> HASHES = Map.ofEntries(
            Map.entry(Oids.MD2_WITH_RSA, SignatureHash.MD2),
            Map.entry(Oids.MD4_WITH_RSA, SignatureHash.MD4),
            Map.entry(Oids.MD5_WITH_RSA, SignatureHash.MD5),
            Map.entry(Oids.OIW_MD5_WITH_RSA, SignatureHash.MD5),
            Map.entry(Oids.SHA1_WITH_RSA, SignatureHash.SHA1),
            Map.entry(Oids.OIW_SHA1_WITH_RSA, SignatureHash.SHA1),
            Map.entry(Oids.SHA224_WITH_RSA, SignatureHash.SHA224),
            Map.entry(Oids.SHA256_WITH_RSA, SignatureHash.SHA256),
            Map.entry(Oids.SHA384_WITH_RSA, SignatureHash.SHA384),
            Map.entry(Oids.SHA512_WITH_RSA, SignatureHash.SHA512),
            Map.entry(Oids.ECDSA_WITH_SHA1, SignatureHash.SHA1),
            Map.entry(Oids.ECDSA_WITH_SHA224, SignatureHash.SHA224),
            Map.entry(Oids.ECDSA_WITH_SHA256, SignatureHash.SHA256),
            Map.entry(Oids.ECDSA_WITH_SHA384, SignatureHash.SHA384),
            Map.entry(Oids.ECDSA_WITH_SHA512, SignatureHash.SHA512),
            Map.entry(Oids.DSA_WITH_SHA1, SignatureHash.SHA1),
            Map.entry(Oids.OIW_DSA_WITH_SHA1, SignatureHash.SHA1),
            Map.entry(Oids.DSA_WITH_SHA224, SignatureHash.SHA224),
            Map.entry(Oids.DSA_WITH_SHA256, SignatureHash.SHA256),
            Map.entry(Oids.ED25519, SignatureHash.NONE_ED),
            Map.entry(Oids.ED448, SignatureHash.NONE_ED));

    public SignatureAlgorithm {
        der = der.clone();
    }

    static SignatureAlgorithm of(String oid, byte[] der) {
        return new SignatureAlgorithm(oid, HASHES.getOrDefault(oid, SignatureHash.UNKNOWN), der);
    }

    /**
     * The algorithm of an AlgorithmIdentifier's DER (an OCSP response's, a responder certificate's).
     *
     * @throws IllegalArgumentException if {@code der} is not an AlgorithmIdentifier
     */
    public static SignatureAlgorithm fromDer(byte[] der) {
        try {
            org.bouncycastle.asn1.x509.AlgorithmIdentifier id =
                    org.bouncycastle.asn1.x509.AlgorithmIdentifier.getInstance(der);
            return of(id.getAlgorithm().getId(), der);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an AlgorithmIdentifier", e);
        }
    }

    @Override
    public byte[] der() {
        return der.clone();
    }

    /** The DER itself, not a copy: for verifiers, which never modify it. */
    byte[] derInternal() {
        return der;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignatureAlgorithm a && java.util.Arrays.equals(a.der, der);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return oid + " (" + hash + ")";
    }
}
