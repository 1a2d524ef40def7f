package io.github.sectrust4j.cert;

import java.util.Map;

/**
 * A signature AlgorithmIdentifier: its OID, the raw DER (parameters matter for RSA-PSS), and the
 * hash classification.
 */
public record SignatureAlgorithm(String oid, SignatureHash hash, byte[] der) {

    private static final Map<String, SignatureHash> HASHES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.2", SignatureHash.MD2),
            Map.entry("1.2.840.113549.1.1.3", SignatureHash.MD4),
            Map.entry("1.2.840.113549.1.1.4", SignatureHash.MD5),
            Map.entry("1.3.14.3.2.3", SignatureHash.MD5),
            Map.entry("1.2.840.113549.1.1.5", SignatureHash.SHA1),
            Map.entry("1.3.14.3.2.29", SignatureHash.SHA1),
            Map.entry("1.2.840.113549.1.1.14", SignatureHash.SHA224),
            Map.entry("1.2.840.113549.1.1.11", SignatureHash.SHA256),
            Map.entry("1.2.840.113549.1.1.12", SignatureHash.SHA384),
            Map.entry("1.2.840.113549.1.1.13", SignatureHash.SHA512),
            Map.entry("1.2.840.10045.4.1", SignatureHash.SHA1),
            Map.entry("1.2.840.10045.4.3.1", SignatureHash.SHA224),
            Map.entry("1.2.840.10045.4.3.2", SignatureHash.SHA256),
            Map.entry("1.2.840.10045.4.3.3", SignatureHash.SHA384),
            Map.entry("1.2.840.10045.4.3.4", SignatureHash.SHA512),
            Map.entry("1.2.840.10040.4.3", SignatureHash.SHA1),
            Map.entry("1.3.14.3.2.27", SignatureHash.SHA1),
            Map.entry("2.16.840.1.101.3.4.3.1", SignatureHash.SHA224),
            Map.entry("2.16.840.1.101.3.4.3.2", SignatureHash.SHA256),
            Map.entry("1.3.101.112", SignatureHash.NONE_ED),
            Map.entry("1.3.101.113", SignatureHash.NONE_ED));

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
            org.bouncycastle.asn1.x509.AlgorithmIdentifier id = org.bouncycastle.asn1.x509.AlgorithmIdentifier.getInstance(der);
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
