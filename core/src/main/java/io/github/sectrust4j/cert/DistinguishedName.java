package io.github.sectrust4j.cert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * An X.501 Name as it appears in a certificate: the original DER, a readable form, convenience
 * accessors, and Apple's normalized comparison key (§1.3). Immutable.
 */
public final class DistinguishedName {
    private static final int PRINTABLE_STRING = 0x13;
    /** The parse failure of a Name that is not a SEQUENCE. */
    static final String NOT_A_SEQUENCE = "name is not a SEQUENCE";

    /** One attribute (AVA) of the name; {@code value} is the decoded text, {@code valueTag} the ASN.1 string tag. */
    public record Attribute(String oid, int valueTag, String value) {}

    private final byte[] der;
    private final List<List<Attribute>> rdns;
    /** The Name as parsed, to build the readable form from. */
    private final ASN1Sequence name;
    /**
     * The readable form, built on first use: a supplied certificate that never becomes a candidate is never
     * printed. Racing threads build equal strings.
     */
    private volatile String text;

    private final Optional<NormalizedName> normalized;
    /** Memos of {@link #commonNames()} / {@link #emailAddresses()} (unmodifiable lists; null until first asked). */
    private volatile List<String> commonNames;

    private volatile List<String> emailAddresses;

    private DistinguishedName(
            byte[] der, List<List<Attribute>> rdns, ASN1Sequence name, Optional<NormalizedName> normalized) {
        this.der = der;
        this.rdns = rdns;
        this.name = name;
        this.normalized = normalized;
    }

    /** Decodes a Name; never throws for odd content (an odd name is simply not normalizable). */
    static DistinguishedName from(ASN1Primitive name) {
        byte[] der;
        try {
            der = name.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new Der.ParseProblem("name cannot be encoded", e);
        }
        if (!(name instanceof ASN1Sequence seq)) {
            throw new Der.ParseProblem(NOT_A_SEQUENCE);
        }
        List<List<Attribute>> rdns = new ArrayList<>();
        Optional<NormalizedName> normalized = normalize(seq, rdns);
        return new DistinguishedName(der, Collections.unmodifiableList(rdns), seq, normalized);
    }

    private static String text(ASN1Sequence seq, List<List<Attribute>> rdns) {
        try {
            return X500Name.getInstance(seq).toString();
        } catch (RuntimeException e) {
            return fallbackText(rdns);
        }
    }

    /**
     * The comparison key of a Name (§1.3), empty if it is not normalizable; with {@code rdns} non-null,
     * each RDN's attributes are added to it. Null {@code rdns}: the key alone, without the readable texts
     * (an index of a trust store's ~150 subject names needs nothing else).
     */
    static Optional<NormalizedName> normalize(ASN1Sequence seq, List<List<Attribute>> rdns) {
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        boolean normalizable = true;
        writeInt(key, seq.size());
        for (ASN1Encodable rdnObj : seq) {
            if (!(rdnObj.toASN1Primitive() instanceof ASN1Set set) || set.size() == 0) {
                normalizable = false; // empty RDNs make the name unparseable (§1.3)
                continue;
            }
            List<Attribute> avas = new ArrayList<>();
            writeInt(key, set.size());
            for (ASN1Encodable avaObj : set) {
                if (!(avaObj.toASN1Primitive() instanceof ASN1Sequence ava)
                        || ava.size() != 2
                        || !(ava.getObjectAt(0).toASN1Primitive() instanceof ASN1ObjectIdentifier oid)) {
                    normalizable = false;
                    continue;
                }
                ASN1Primitive value = ava.getObjectAt(1).toASN1Primitive();
                byte[] valueDer;
                try {
                    valueDer = value.getEncoded(ASN1Encoding.DER);
                } catch (IOException e) {
                    normalizable = false;
                    continue;
                }
                int tag = valueDer[0] & 0xff;
                byte[] contents = contents(valueDer);
                if (rdns != null) {
                    avas.add(new Attribute(oid.getId(), tag, text(value, contents)));
                }
                byte[] oidBytes = encodedOrEmpty(oid);
                byte[] normalizedValue = tag == PRINTABLE_STRING ? normalizePrintable(contents) : contents;
                writeBytes(key, oidBytes);
                writeInt(key, tag);
                writeBytes(key, normalizedValue);
            }
            if (rdns != null) {
                rdns.add(Collections.unmodifiableList(avas));
            }
        }
        return normalizable ? Optional.of(new NormalizedName(key.toByteArray())) : Optional.empty();
    }

    private static byte[] encodedOrEmpty(ASN1ObjectIdentifier oid) {
        try {
            return oid.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /**
     * Apple's PrintableString normalization (§1.3): ASCII letters upper-cased, leading and trailing
     * blanks removed, runs of blanks collapsed to one space. "Blank" is C isblank(): space or tab
     * (Apple's createNormalizedX501Name). Other string types are left untouched.
     */
    static byte[] normalizePrintable(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        boolean pendingBlank = false;
        for (byte b : in) {
            if (b == ' ' || b == '\t') {
                pendingBlank = out.size() > 0;
                continue;
            }
            if (pendingBlank) {
                out.write(' ');
                pendingBlank = false;
            }
            out.write(b >= 'a' && b <= 'z' ? b - 32 : b);
        }
        return out.toByteArray();
    }

    private static byte[] contents(byte[] tlv) {
        try {
            Der.Tlv t = Der.read(tlv, 0, tlv.length);
            return Arrays.copyOfRange(tlv, t.contentStart(), t.end());
        } catch (Der.ParseProblem e) {
            return tlv;
        }
    }

    private static String text(ASN1Primitive value, byte[] contents) {
        try {
            if (value instanceof ASN1String s) {
                return s.getString();
            }
        } catch (RuntimeException e) {
            // fall through: undecodable string, show raw bytes leniently
        }
        return new String(contents, StandardCharsets.ISO_8859_1);
    }

    private static String fallbackText(List<List<Attribute>> rdns) {
        StringBuilder b = new StringBuilder();
        for (List<Attribute> rdn : rdns) {
            for (Attribute a : rdn) {
                if (b.length() > 0) {
                    b.append(',');
                }
                b.append(a.oid()).append('=').append(a.value());
            }
        }
        return b.toString();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] b) {
        writeInt(out, b.length);
        out.write(b, 0, b.length);
    }

    /** The Name exactly as encoded in the certificate (a copy). */
    public byte[] der() {
        return der.clone();
    }

    /** RDNs in encoded order, each a list of attributes. */
    public List<List<Attribute>> rdns() {
        return rdns;
    }

    /** True if the name has no RDNs at all (an empty SEQUENCE) — §2.2 NonEmptySubject. */
    public boolean isEmpty() {
        return der.length == 2; // SEQUENCE {} (30 00)
    }

    public List<String> commonNames() {
        List<String> v = commonNames;
        if (v == null) {
            v = values(Oids.COMMON_NAME);
            commonNames = v; // idempotent memo: every evaluation asks (host names, reports)
        }
        return v;
    }

    public List<String> organizations() {
        return values(Oids.ORGANIZATION);
    }

    /** PKCS#9 emailAddress attributes (used by name constraints, §2.3 step 6). */
    public List<String> emailAddresses() {
        List<String> v = emailAddresses;
        if (v == null) {
            v = values(Oids.EMAIL_ADDRESS);
            emailAddresses = v; // idempotent memo: name-constraint processing asks per certificate per path
        }
        return v;
    }

    /** All values of one attribute type, in encoded order. */
    public List<String> values(String oid) {
        List<String> out = new ArrayList<>();
        for (List<Attribute> rdn : rdns) {
            for (Attribute a : rdn) {
                if (a.oid().equals(oid)) {
                    out.add(a.value());
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Apple's normalized form (§1.3); empty if the name is unparseable for Apple (e.g. an empty
     * RDN), in which case it must never match any other name during path building.
     */
    public Optional<NormalizedName> normalized() {
        return normalized;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistinguishedName d && Arrays.equals(d.der, der);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(der);
    }

    /** Readable form in encoded order, e.g. {@code C=US,O=Example,CN=Example Root}. */
    @Override
    public String toString() {
        String t = text;
        if (t == null) {
            t = text(name, rdns);
            text = t;
        }
        return t;
    }
}
