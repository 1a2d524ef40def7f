package io.github.sectrust4j.cert;

import java.math.BigInteger;
import java.time.Instant;

/**
 * What parsing a certificate's three elements yields, by either reading: {@link StrictTbsReader} (strict DER, no
 * ASN.1 object tree) or Bouncy Castle's parse in {@link Certificate}. Both give equal values for the same DER.
 *
 * @param issuerField where the issuer Name is encoded, or null if the DER headers do not delimit the fields
 * @param issuer      the issuer's {@link DistinguishedName} when it is the subject's, else what decodes it on first
 *                    use (Bouncy Castle's ASN1Primitive, or null: decode {@code issuerField})
 * @param publicKey   what classifies the key on first use: Bouncy Castle's SubjectPublicKeyInfo, or the
 *                    {@link Der.Tlv} where it is encoded
 * @param bcHolder    what Bouncy Castle's holder is built from on first use ({@link Certificate#bouncyCastleHolder})
 */
record CertificateFields(
        SignatureAlgorithm signatureAlgorithm,
        byte[] signatureValue,
        int version,
        BigInteger serialNumber,
        byte[] serialNumberBytes,
        SignatureAlgorithm tbsSignatureAlgorithm,
        Der.Tlv issuerField,
        Object issuer,
        Instant notBefore,
        Instant notAfter,
        DistinguishedName subject,
        Object publicKey,
        ExtensionDecoder ext,
        Object bcHolder) {}
