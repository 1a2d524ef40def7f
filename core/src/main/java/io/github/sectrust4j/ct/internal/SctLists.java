package io.github.sectrust4j.ct.internal;

import io.github.sectrust4j.cert.Der;
import io.github.sectrust4j.cert.Oids;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.asn1.ocsp.CertID;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.bouncycastle.asn1.ocsp.SingleResponse;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Parsers for the three carriers of SCT lists (RFC 6962 §3.3). Every method returns a {@link Parsed}
 * and never throws on malformed input. A malformed list framing discards the whole list, as iOS does;
 * the individual SCTs are returned as raw bytes and parsed one by one by the evaluator, so one bad SCT
 * does not hide the others (spec §8.2).
 */
public final class SctLists {
    /** The leaf certificate's embedded SCT list extension (precertificate SCTs). */
    static final ASN1ObjectIdentifier EMBEDDED_SCT_LIST = new ASN1ObjectIdentifier(Oids.EMBEDDED_SCT_LIST);
    /** The precertificate poison extension (critical, NULL). */
    static final ASN1ObjectIdentifier PRECERT_POISON = new ASN1ObjectIdentifier(Oids.PRECERT_POISON);
    /** The SCT list extension of an OCSP single response. */
    static final ASN1ObjectIdentifier OCSP_SCT_LIST = new ASN1ObjectIdentifier(Oids.OCSP_SCT_LIST);

    private static final Map<ASN1ObjectIdentifier, String> CERT_ID_DIGESTS = Map.of(
            OIWObjectIdentifiers.idSHA1, "SHA-1",
            NISTObjectIdentifiers.id_sha224, "SHA-224",
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private SctLists() {}

    /**
     * Splits a TLS-encoded {@code SignedCertificateTimestampList} (2-byte total length, then 2-byte
     * length-prefixed SCTs) into its serialized SCTs. The form of the TLS extension and the content of
     * both ASN.1 extensions.
     */
    public static Parsed<List<byte[]>> splitTlsList(byte[] list) {
        if (list == null) {
            return Parsed.malformed("no SCT list bytes");
        }
        if (list.length < 2) {
            return Parsed.malformed("SCT list of " + list.length + " bytes has no length prefix");
        }
        int total = u16(list, 0);
        if (total != list.length - 2) {
            return Parsed.malformed(
                    "SCT list length " + total + " does not match the " + (list.length - 2) + " bytes that follow");
        }
        List<byte[]> out = new ArrayList<>();
        int at = 2;
        while (at < list.length) {
            if (list.length - at < 2) {
                return Parsed.malformed("SCT list entry " + out.size() + " is truncated in its length");
            }
            int len = u16(list, at);
            at += 2;
            if (len > list.length - at) {
                return Parsed.malformed("SCT list entry " + out.size() + " claims " + len + " bytes, "
                        + (list.length - at) + " remain");
            }
            out.add(Arrays.copyOfRange(list, at, at + len));
            at += len;
        }
        return Parsed.ok(List.copyOf(out));
    }

    /**
     * Parses the value of an SCT list extension (the extnValue octets of 1.3.6.1.4.1.11129.2.4.2 or
     * .5): a DER OCTET STRING wrapping the TLS-encoded list.
     */
    public static Parsed<List<byte[]>> fromExtensionValue(byte[] extnValueOctets) {
        if (extnValueOctets == null) {
            return Parsed.malformed("no extension value");
        }
        byte[] inner = Der.octetStringContents(extnValueOctets);
        if (inner != null) {
            return splitTlsList(inner);
        }
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(extnValueOctets);
            if (!(p instanceof ASN1OctetString os)) {
                return Parsed.malformed("SCT list extension value is not an OCTET STRING");
            }
            if (!Arrays.equals(p.getEncoded(ASN1Encoding.DER), extnValueOctets)) {
                return Parsed.malformed("SCT list extension value has trailing or non-DER bytes");
            }
            inner = os.getOctets();
        } catch (Exception e) {
            return Parsed.malformed("SCT list extension value is not DER: " + e.getMessage());
        }
        return splitTlsList(inner);
    }

    /** The embedded SCTs of a leaf certificate; an empty list when it has no SCT list extension. */
    public static Parsed<List<byte[]>> embeddedIn(byte[] leafDer) {
        Parsed<Certificate> cert = decodeCertificate(leafDer);
        return cert.isOk()
                ? embeddedIn(cert.value().get())
                : Parsed.malformed(cert.error().get());
    }

    /** Decodes a DER certificate (BC's structure, eagerly parsed), or says why it cannot. */
    static Parsed<Certificate> decodeCertificate(byte[] der) {
        try {
            ASN1Primitive p = der == null ? null : ASN1Primitive.fromByteArray(der);
            if (p == null) {
                return Parsed.malformed("certificate is empty");
            }
            return Parsed.ok(Certificate.getInstance(p));
        } catch (Exception e) {
            return Parsed.malformed("not a DER certificate: " + e.getMessage());
        }
    }

    static Parsed<List<byte[]>> embeddedIn(Certificate cert) {
        Extensions exts = cert.getTBSCertificate().getExtensions();
        Extension ext = exts == null ? null : exts.getExtension(EMBEDDED_SCT_LIST);
        if (ext == null) {
            return Parsed.ok(List.of());
        }
        return fromExtensionValue(ext.getExtnValue().getOctets());
    }

    /**
     * The SCTs of a stapled OCSP response (DER OCSPResponse): the SCT list extension of the first
     * single response whose CertID matches (leaf serial, leaf issuer name, issuer key), only if the
     * response status is successful; the OCSP signature is not verified for this purpose (spec §8.2).
     * An empty list when nothing matches.
     */
    public static Parsed<List<byte[]>> fromStapledOcspResponse(
            byte[] ocspResponseDer, byte[] leafDer, byte[] issuerSpkiDer) {
        Parsed<Certificate> leaf = decodeCertificate(leafDer);
        if (!leaf.isOk()) {
            return Parsed.malformed("leaf: " + leaf.error().get());
        }
        try {
            SubjectPublicKeyInfo issuerKey =
                    SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(issuerSpkiDer));
            if (issuerKey == null) {
                return Parsed.malformed("issuer key is empty");
            }
            return fromStapledOcspResponse(ocspResponseDer, leaf.value().get(), issuerKey);
        } catch (Exception e) {
            return Parsed.malformed("leaf or issuer key is not DER: " + e.getMessage());
        }
    }

    static Parsed<List<byte[]>> fromStapledOcspResponse(
            byte[] ocspResponseDer, Certificate leaf, SubjectPublicKeyInfo issuerKey) {
        try {
            OCSPResponse resp = OCSPResponse.getInstance(ASN1Primitive.fromByteArray(ocspResponseDer));
            if (resp.getResponseStatus().getIntValue() != OCSPResponseStatus.SUCCESSFUL) {
                return Parsed.ok(List.of());
            }
            ResponseBytes rb = resp.getResponseBytes();
            if (rb == null || !OCSPObjectIdentifiers.id_pkix_ocsp_basic.equals(rb.getResponseType())) {
                return Parsed.ok(List.of());
            }
            BasicOCSPResponse basic = BasicOCSPResponse.getInstance(
                    ASN1Primitive.fromByteArray(rb.getResponse().getOctets()));
            byte[] issuerName = leaf.getIssuer().getEncoded(ASN1Encoding.DER);
            byte[] issuerKeyBits = issuerKey.getPublicKeyData().getOctets();
            for (var element : basic.getTbsResponseData().getResponses()) {
                SingleResponse single = SingleResponse.getInstance(element);
                if (matches(single.getCertID(), leaf, issuerName, issuerKeyBits)) {
                    Extensions exts = single.getSingleExtensions();
                    Extension ext = exts == null ? null : exts.getExtension(OCSP_SCT_LIST);
                    return ext == null
                            ? Parsed.ok(List.of())
                            : fromExtensionValue(ext.getExtnValue().getOctets());
                }
            }
            return Parsed.ok(List.of());
        } catch (Exception e) {
            return Parsed.malformed("stapled OCSP response is not a DER OCSPResponse: " + e.getMessage());
        }
    }

    private static boolean matches(CertID id, Certificate leaf, byte[] issuerName, byte[] issuerKeyBits) {
        if (!id.getSerialNumber().getValue().equals(leaf.getSerialNumber().getValue())) {
            return false;
        }
        String digest = CERT_ID_DIGESTS.get(id.getHashAlgorithm().getAlgorithm());
        if (digest == null) {
            return false;
        }
        return MessageDigest.isEqual(
                        digest(digest, issuerName), id.getIssuerNameHash().getOctets())
                && MessageDigest.isEqual(
                        digest(digest, issuerKeyBits), id.getIssuerKeyHash().getOctets());
    }

    private static byte[] digest(String alg, byte[] data) {
        try {
            return MessageDigest.getInstance(alg).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(alg + " is not available in this Java runtime", e);
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
