package io.github.sectrust4j.ct.internal;

import com.google.common.hash.Hashing;
import io.github.sectrust4j.cert.Der;
import io.github.sectrust4j.cert.Der.Tlv;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Extension;

/**
 * The RFC 6962 §3.2 data a log signs. Package-private: the evaluator's detail.
 *
 * <p>The precertificate TBS is rebuilt as iOS rebuilds it: the leaf's TBSCertificate with the SCT
 * list extension dropped from the extension list. Only the lengths of the extension list, its [3]
 * wrapper and the TBS are re-encoded; every other field, and every other extension in its original
 * order, is kept byte for byte, so an odd encoding elsewhere in the certificate cannot change the
 * signed data.
 */
final class SignedEntries {
    private static final int ENTRY_X509 = 0;
    private static final int ENTRY_PRECERT = 1;
    private static final int TAG_SEQUENCE = 0x30;
    private static final int TAG_EXTENSIONS = 0xa3;
    private static final int TAG_OID = 0x06;
    /** The content octets of the embedded SCT list OID (its DER encoding, which is unique). */
    private static final byte[] EMBEDDED_SCT_LIST_OID = oidContent();

    private static final int MAX_U24 = (1 << 24) - 1;

    private SignedEntries() {}

    /** entry_type x509_entry + ASN.1Cert (the leaf DER). */
    static byte[] x509Entry(byte[] leafDer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(leafDer.length + 5);
        u16(out, ENTRY_X509);
        u24(out, leafDer.length);
        out.writeBytes(leafDer);
        return out.toByteArray();
    }

    /**
     * entry_type precert_entry + PreCert {issuer_key_hash, tbs_certificate}, or a reason why it cannot
     * be built (leaf TBS not decodable).
     */
    static Parsed<byte[]> precertEntry(byte[] leafDer, byte[] issuerSpkiDer) {
        return precertEntry(precertTbs(leafDer), issuerSpkiDer);
    }

    /** As {@link #precertEntry(byte[], byte[])} from the leaf's {@link #precertTbs} worked out before. */
    static Parsed<byte[]> precertEntry(Parsed<byte[]> tbs, byte[] issuerSpkiDer) {
        if (!tbs.isOk()) {
            return tbs;
        }
        byte[] t = tbs.value().get();
        if (t.length > MAX_U24) {
            return Parsed.malformed("TBSCertificate too long for a precert entry");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(t.length + 40);
        u16(out, ENTRY_PRECERT);
        out.writeBytes(issuerKeyHash(issuerSpkiDer));
        u24(out, t.length);
        out.writeBytes(t);
        return Parsed.ok(out.toByteArray());
    }

    /** An issuer key and its SHA-256: the issuer_key_hash of the last precert entry built. */
    private record IssuerKeyHash(byte[] spki, byte[] sha256) {}

    /** Every leaf of one issuing CA has the same issuer key: hashed once, not once per leaf (never modified). */
    private static volatile IssuerKeyHash lastIssuerKey;

    private static byte[] issuerKeyHash(byte[] issuerSpkiDer) {
        IssuerKeyHash last = lastIssuerKey;
        if (last != null && Arrays.equals(last.spki(), issuerSpkiDer)) {
            return last.sha256();
        }
        byte[] hash = Hashing.sha256().hashBytes(issuerSpkiDer).asBytes();
        lastIssuerKey = new IssuerKeyHash(issuerSpkiDer.clone(), hash);
        return hash;
    }

    /** The digitally-signed struct of a v1 SCT over this entry (signature_type certificate_timestamp). */
    static byte[] signedData(SignedCertificateTimestamp sct, byte[] entry) {
        byte[] ext = sct.extensionsView();
        ByteArrayOutputStream out = new ByteArrayOutputStream(entry.length + ext.length + 12);
        out.write(SignedCertificateTimestamp.VERSION_V1);
        out.write(0); // SignatureType certificate_timestamp
        long ts = sct.timestampMillis();
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (ts >>> shift) & 0xff);
        }
        out.writeBytes(entry);
        u16(out, ext.length);
        out.writeBytes(ext);
        return out.toByteArray();
    }

    /** The leaf's TBSCertificate without the embedded SCT list extension. */
    static Parsed<byte[]> precertTbs(byte[] leafDer) {
        return precertTbs(leafDer, false);
    }

    /**
     * As {@link #precertTbs(byte[])} for the DER of a parsed {@link io.github.sectrust4j.cert.Certificate}:
     * its parse already decoded every extension as {@code SEQUENCE { OID, [critical,] OCTET STRING }}, so an
     * extension is told apart by the bytes of its OID (a valid OID has one encoding) without decoding it again.
     */
    static Parsed<byte[]> precertTbsOfParsed(byte[] leafDer) {
        return precertTbs(leafDer, true);
    }

    private static Parsed<byte[]> precertTbs(byte[] leafDer, boolean extensionsDecoded) {
        try {
            Tlv cert = Der.read(leafDer, 0, leafDer.length);
            if (cert.tag() != TAG_SEQUENCE || cert.end() != leafDer.length) {
                return Parsed.malformed("leaf is not one DER SEQUENCE");
            }
            Tlv tbs = Der.read(leafDer, cert.contentStart(), cert.end());
            if (tbs.tag() != TAG_SEQUENCE) {
                return Parsed.malformed("leaf TBSCertificate is not a SEQUENCE");
            }
            ByteArrayOutputStream fields = new ByteArrayOutputStream(tbs.end() - tbs.start());
            boolean sawExtensions = false;
            for (Tlv f : Der.children(leafDer, tbs.contentStart(), tbs.end())) {
                if (f.tag() != TAG_EXTENSIONS) {
                    fields.write(leafDer, f.start(), f.end() - f.start());
                    continue;
                }
                sawExtensions = true;
                Tlv list = Der.read(leafDer, f.contentStart(), f.end());
                if (list.tag() != TAG_SEQUENCE || list.end() != f.end()) {
                    return Parsed.malformed("leaf extensions are not one SEQUENCE");
                }
                ByteArrayOutputStream kept = new ByteArrayOutputStream(list.end() - list.start());
                for (Tlv e : Der.children(leafDer, list.contentStart(), list.end())) {
                    if (!isEmbeddedSctList(leafDer, e, extensionsDecoded)) {
                        kept.write(leafDer, e.start(), e.end() - e.start());
                    }
                }
                fields.writeBytes(wrap(TAG_EXTENSIONS, wrap(TAG_SEQUENCE, kept.toByteArray())));
            }
            if (!sawExtensions) {
                return Parsed.malformed("leaf has no extensions, so no embedded SCTs");
            }
            return Parsed.ok(wrap(TAG_SEQUENCE, fields.toByteArray()));
        } catch (RuntimeException | java.io.IOException e) {
            return Parsed.malformed("leaf TBSCertificate cannot be decoded: " + e.getMessage());
        }
    }

    /** Whether the extension {@code e} is the embedded SCT list; decoded by Bouncy Castle unless already decoded. */
    private static boolean isEmbeddedSctList(byte[] der, Tlv e, boolean decoded) throws java.io.IOException {
        if (decoded && e.tag() == TAG_SEQUENCE && e.contentStart() < e.end()) {
            Tlv oid = Der.read(der, e.contentStart(), e.end());
            if (oid.tag() == TAG_OID) {
                return Arrays.equals(
                        der, oid.contentStart(), oid.end(), EMBEDDED_SCT_LIST_OID, 0, EMBEDDED_SCT_LIST_OID.length);
            }
        }
        byte[] raw = Arrays.copyOfRange(der, e.start(), e.end());
        Extension ext = Extension.getInstance(ASN1Primitive.fromByteArray(raw));
        return SctLists.EMBEDDED_SCT_LIST.equals(ext.getExtnId());
    }

    private static byte[] wrap(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int len = content.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int n = len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1;
            out.write(0x80 | n);
            for (int i = n - 1; i >= 0; i--) {
                out.write((len >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] oidContent() {
        try {
            byte[] enc = SctLists.EMBEDDED_SCT_LIST.getEncoded();
            Tlv t = Der.read(enc, 0, enc.length);
            return Arrays.copyOfRange(enc, t.contentStart(), t.end());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write((v >>> 8) & 0xff);
        out.write(v & 0xff);
    }

    private static void u24(ByteArrayOutputStream out, int v) {
        out.write((v >>> 16) & 0xff);
        out.write((v >>> 8) & 0xff);
        out.write(v & 0xff);
    }
}
