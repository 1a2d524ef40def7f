package io.github.sectrust4j.ct.internal;

import com.google.common.hash.Hashing;
import io.github.sectrust4j.cert.Der;
import io.github.sectrust4j.cert.Der.Tlv;
import io.github.sectrust4j.text.ExceptionText;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /**
     * A signed entry: {@code entry_type} and the entry (RFC 6962 §3.2), as its few leading bytes and the certificate
     * bytes it ends with (the leaf's DER, or its precert TBS), which are never copied into an entry of their own:
     * {@link #signedData} copies both once, into the data a log signs.
     *
     * @param head the entry type and what precedes the certificate bytes (never modified)
     * @param body the certificate bytes (never modified)
     */
    record Entry(byte[] head, byte[] body) {
        int length() {
            return head.length + body.length;
        }

        /** The SHA-256 of the entry's bytes (head then body). */
        byte[] sha256() {
            return Hashing.sha256()
                    .newHasher()
                    .putBytes(head)
                    .putBytes(body)
                    .hash()
                    .asBytes();
        }

        /** The entry's bytes in one array (tests). */
        byte[] bytes() {
            return ByteBuffer.allocate(length()).put(head).put(body).array();
        }
    }

    /** entry_type x509_entry + ASN.1Cert (the leaf DER). */
    static Entry x509Entry(byte[] leafDer) {
        ByteBuffer head = ByteBuffer.allocate(5);
        head.putShort((short) ENTRY_X509);
        u24(head, leafDer.length);
        return new Entry(head.array(), leafDer);
    }

    /**
     * entry_type precert_entry + PreCert {issuer_key_hash, tbs_certificate}, or a reason why it cannot
     * be built (leaf TBS not decodable).
     */
    static Parsed<Entry> precertEntry(byte[] leafDer, byte[] issuerSpkiDer) {
        return precertEntry(precertTbs(leafDer), issuerSpkiDer);
    }

    /** As {@link #precertEntry(byte[], byte[])} from the leaf's {@link #precertTbs} worked out before. */
    static Parsed<Entry> precertEntry(Parsed<byte[]> tbs, byte[] issuerSpkiDer) {
        if (!tbs.isOk()) {
            return Parsed.malformed(tbs.error().orElseThrow());
        }
        byte[] t = tbs.value().get();
        if (t.length > MAX_U24) {
            return Parsed.malformed("TBSCertificate too long for a precert entry");
        }
        byte[] keyHash = issuerKeyHash(issuerSpkiDer);
        ByteBuffer head = ByteBuffer.allocate(2 + keyHash.length + 3);
        head.putShort((short) ENTRY_PRECERT);
        head.put(keyHash);
        u24(head, t.length);
        return Parsed.ok(new Entry(head.array(), t));
    }

    /** An issuer key and its SHA-256: the issuer_key_hash of the last precert entry built. */
    private record IssuerKeyHash(byte[] spki, byte[] sha256) {}

    /** Every leaf of one issuing CA has the same issuer key: hashed once, not once per leaf (never modified). */
    private static volatile IssuerKeyHash lastIssuerKey;

    /** The SHA-256 of an issuer's SubjectPublicKeyInfo DER (a precert entry's issuer_key_hash); never modified. */
    static byte[] issuerKeyHash(byte[] issuerSpkiDer) {
        IssuerKeyHash last = lastIssuerKey;
        if (last != null && Arrays.equals(last.spki(), issuerSpkiDer)) {
            return last.sha256();
        }
        byte[] hash = Hashing.sha256().hashBytes(issuerSpkiDer).asBytes();
        lastIssuerKey = new IssuerKeyHash(issuerSpkiDer.clone(), hash);
        return hash;
    }

    /** The digitally-signed struct of a v1 SCT over this entry (signature_type certificate_timestamp). */
    static byte[] signedData(SignedCertificateTimestamp sct, Entry entry) {
        byte[] ext = sct.extensionsView();
        ByteBuffer out = ByteBuffer.allocate(2 + 8 + entry.length() + 2 + ext.length);
        out.put((byte) SignedCertificateTimestamp.VERSION_V1);
        out.put((byte) 0); // SignatureType certificate_timestamp
        out.putLong(sct.timestampMillis());
        out.put(entry.head());
        out.put(entry.body());
        out.putShort((short) ext.length);
        out.put(ext);
        return out.array();
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
            return precertTbs(leafDer, Der.children(leafDer, tbs.contentStart(), tbs.end()), extensionsDecoded);
        } catch (RuntimeException | java.io.IOException e) {
            return Parsed.malformed("leaf TBSCertificate cannot be decoded: " + ExceptionText.why(e));
        }
    }

    /**
     * {@link #precertTbsOfParsed(byte[])} from the certificate's first element {@code cert}, its TBSCertificate
     * {@code tbs} (read up to the end of the DER) and the TBSCertificate's elements {@code tbsFields} as the caller
     * read them, instead of reading them again.
     */
    static Parsed<byte[]> precertTbsOfParsed(byte[] leafDer, Tlv cert, Tlv tbs, List<Tlv> tbsFields) {
        if (cert.tag() != TAG_SEQUENCE || cert.end() != leafDer.length || tbs.tag() != TAG_SEQUENCE) {
            return precertTbsOfParsed(leafDer); // says why in its words
        }
        try {
            return precertTbs(leafDer, tbsFields, true);
        } catch (RuntimeException | java.io.IOException e) {
            return Parsed.malformed("leaf TBSCertificate cannot be decoded: " + ExceptionText.why(e));
        }
    }

    private static Parsed<byte[]> precertTbs(byte[] leafDer, List<Tlv> fields, boolean extensionsDecoded)
            throws java.io.IOException {
        // first what is kept and how long it is, then the bytes once, into an array of the exact size
        List<List<Tlv>> keptPerExtensions = new ArrayList<>(1);
        int content = 0;
        for (Tlv f : fields) {
            if (f.tag() != TAG_EXTENSIONS) {
                content += f.end() - f.start();
                continue;
            }
            Tlv list = Der.read(leafDer, f.contentStart(), f.end());
            if (list.tag() != TAG_SEQUENCE || list.end() != f.end()) {
                return Parsed.malformed("leaf extensions are not one SEQUENCE");
            }
            List<Tlv> kept = new ArrayList<>();
            for (Tlv e : Der.children(leafDer, list.contentStart(), list.end())) {
                if (!isEmbeddedSctList(leafDer, e, extensionsDecoded)) {
                    kept.add(e);
                }
            }
            keptPerExtensions.add(kept);
            content += wrapped(wrapped(length(kept)));
        }
        if (keptPerExtensions.isEmpty()) {
            return Parsed.malformed("leaf has no extensions, so no embedded SCTs");
        }
        byte[] out = new byte[wrapped(content)];
        int at = header(out, 0, TAG_SEQUENCE, content);
        int next = 0;
        for (Tlv f : fields) {
            if (f.tag() != TAG_EXTENSIONS) {
                at = copy(leafDer, f, out, at);
                continue;
            }
            List<Tlv> kept = keptPerExtensions.get(next++);
            int sequence = length(kept);
            at = header(out, at, TAG_EXTENSIONS, wrapped(sequence));
            at = header(out, at, TAG_SEQUENCE, sequence);
            for (Tlv e : kept) {
                at = copy(leafDer, e, out, at);
            }
        }
        return Parsed.ok(out);
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

    private static int length(List<Tlv> elements) {
        int n = 0;
        for (Tlv e : elements) {
            n += e.end() - e.start();
        }
        return n;
    }

    /** The length of {@code content} bytes under a tag and a DER length (short form, else 1-4 length bytes). */
    private static int wrapped(int content) {
        return 1 + lengthBytes(content) + content;
    }

    private static int lengthBytes(int len) {
        return len < 0x80 ? 1 : 1 + (len > 0xffffff ? 4 : len > 0xffff ? 3 : len > 0xff ? 2 : 1);
    }

    /** Writes a tag and the DER length {@code len} at {@code at}; returns where the contents start. */
    private static int header(byte[] out, int at, int tag, int len) {
        int p = at;
        out[p++] = (byte) tag;
        int n = lengthBytes(len) - 1;
        if (n == 0) {
            out[p++] = (byte) len;
            return p;
        }
        out[p++] = (byte) (0x80 | n);
        for (int i = n - 1; i >= 0; i--) {
            out[p++] = (byte) (len >>> (8 * i));
        }
        return p;
    }

    private static int copy(byte[] der, Tlv element, byte[] out, int at) {
        int n = element.end() - element.start();
        System.arraycopy(der, element.start(), out, at, n);
        return at + n;
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

    private static void u24(ByteBuffer out, int v) {
        out.put((byte) (v >>> 16));
        out.put((byte) (v >>> 8));
        out.put((byte) v);
    }
}
