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
import org.bouncycastle.asn1.x500.style.BCStyle;

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
    /** The Name as parsed, to build the readable form from; null when read from its bytes (then parsed if needed). */
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

    /** The type of an attribute: its dotted OID and how Bouncy Castle's readable form names it ("CN", or the OID). */
    private record AttributeType(String oid, String label) {}

    /** Attribute types by the encoding of their OID: a few dozen across all certificates. */
    private static final EncodingMemo<AttributeType> ATTRIBUTE_TYPES = new EncodingMemo<>(256, 128);

    /**
     * The Name at {@code d[from, to)}, which {@link StrictTbsReader} checked to be strict DER in its subset, read
     * straight from the bytes when it has the shape nearly every certificate's subject has — each RDN a SET of one
     * attribute whose value is a UTF8String, PrintableString or IA5String of ASCII characters — else null
     * ({@link #from} decides). For such a Name, Bouncy Castle's DER of its parse is the bytes themselves (no time to
     * re-encode, no SET of several elements to sort: {@code NameEncodingTest}), the decoded texts are the bytes as
     * characters, and its readable form is {@code label=value} joined by commas, where a value holds no character
     * Bouncy Castle escapes (else that form is built from the parse on first use): every accessor answers as
     * {@link #from} of the parse ({@code StrictNameReadingProperties}).
     */
    static DistinguishedName fromStrictDer(byte[] d, int from, int to) {
        Der.Tlv seq = Der.read(d, from, to);
        if (seq.tag() != 0x30 || seq.end() != to) {
            return null;
        }
        List<List<Attribute>> rdns = new ArrayList<>();
        // the key as normalize writes it: per RDN (8 bytes at least) its type and value, 16 bytes more at most
        byte[] key = new byte[4 + 3 * (to - from)];
        int k = 4;
        StringBuilder text = new StringBuilder(to - from);
        boolean plainText = true;
        int count = 0;
        for (int at = seq.contentStart(); at < to; ) {
            Der.Tlv set = Der.read(d, at, to);
            at = set.end();
            if (set.tag() != 0x31 || set.contentStart() == set.end()) {
                return null;
            }
            Der.Tlv ava = Der.read(d, set.contentStart(), set.end());
            if (ava.tag() != 0x30 || ava.end() != set.end()) {
                return null; // not one attribute
            }
            Der.Tlv oid = Der.read(d, ava.contentStart(), ava.end());
            if (oid.tag() != 0x06 || oid.end() == ava.end()) {
                return null;
            }
            Der.Tlv value = Der.read(d, oid.end(), ava.end());
            int tag = value.tag();
            if ((tag != 0x0c && tag != PRINTABLE_STRING && tag != 0x16) || value.end() != ava.end()) {
                return null;
            }
            int vFrom = value.contentStart();
            int vTo = value.end();
            for (int i = vFrom; i < vTo; i++) {
                if (d[i] < 0) {
                    return null; // not ASCII: Bouncy Castle's decoding decides the text
                }
            }
            AttributeType type = ATTRIBUTE_TYPES.get(d, oid.start(), oid.end(), () -> attributeType(d, oid));
            String v = new String(d, vFrom, vTo - vFrom, StandardCharsets.US_ASCII);
            rdns.add(Collections.unmodifiableList(new ArrayList<>(List.of(new Attribute(type.oid(), tag, v)))));
            if (plainText) {
                plainText = plainValue(v);
                text.append(count == 0 ? "" : ",")
                        .append(type.label())
                        .append('=')
                        .append(v);
            }
            k = putInt(key, k, 1);
            k = putBytes(key, k, d, oid.start(), oid.end());
            k = putInt(key, k, tag);
            if (tag == PRINTABLE_STRING) {
                byte[] normalizedValue = normalizePrintable(Arrays.copyOfRange(d, vFrom, vTo));
                k = putBytes(key, k, normalizedValue, 0, normalizedValue.length);
            } else {
                k = putBytes(key, k, d, vFrom, vTo);
            }
            count++;
        }
        putInt(key, 0, count);
        DistinguishedName n = new DistinguishedName(
                Arrays.copyOfRange(d, from, to),
                Collections.unmodifiableList(rdns),
                null,
                Optional.of(new NormalizedName(Arrays.copyOf(key, k))));
        n.text = plainText ? text.toString() : null;
        return n;
    }

    /** Whether the readable form is built already (tests: read from the bytes, or from the parse on first use). */
    boolean textKnown() {
        return text != null;
    }

    private static AttributeType attributeType(byte[] d, Der.Tlv oidField) {
        ASN1ObjectIdentifier oid;
        try {
            oid = (ASN1ObjectIdentifier) Asn1.parse(Arrays.copyOfRange(d, oidField.start(), oidField.end()));
        } catch (IOException e) {
            throw new Der.ParseProblem("attribute type cannot be parsed", e);
        }
        String label = BCStyle.INSTANCE.oidToDisplayName(oid);
        return new AttributeType(oid.getId(), label != null ? label : oid.getId());
    }

    /**
     * Whether Bouncy Castle's readable form shows {@code v} as it is: printable ASCII, none of the characters it
     * escapes ({@code , " \ + = < > ;} anywhere, {@code #} first; {@code #} is refused anywhere), no blank at
     * either end.
     */
    private static boolean plainValue(String v) {
        int n = v.length();
        if (n > 0 && (v.charAt(0) == ' ' || v.charAt(n - 1) == ' ')) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c > 0x7e || ",\"\\+=<>;#".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static int putInt(byte[] out, int at, int v) {
        out[at] = (byte) (v >>> 24);
        out[at + 1] = (byte) (v >>> 16);
        out[at + 2] = (byte) (v >>> 8);
        out[at + 3] = (byte) v;
        return at + 4;
    }

    /** As {@link #writeBytes}: the length, then the bytes. */
    private static int putBytes(byte[] out, int at, byte[] b, int from, int to) {
        int k = putInt(out, at, to - from);
        System.arraycopy(b, from, out, k, to - from);
        return k + to - from;
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
            t = text(name != null ? name : parsed(), rdns);
            text = t;
        }
        return t;
    }

    /** The Name parsed from its DER (one read from its bytes is strict DER: it parses to a SEQUENCE). */
    private ASN1Sequence parsed() {
        try {
            return (ASN1Sequence) Asn1.parse(der);
        } catch (IOException e) {
            throw new IllegalStateException("a Name read as strict DER does not parse", e);
        }
    }
}
