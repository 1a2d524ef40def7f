package io.github.sectrust4j.cert;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Reads a certificate's fields straight from its DER when the whole of it is strict DER in the small subset
 * certificates use, without building Bouncy Castle's object tree of it (most of the cost and allocation of a parse):
 * only the subject Name, the extension values and the algorithm identifiers not seen before are handed to Bouncy
 * Castle, as the small parts they are.
 *
 * <p>Exactly equivalent to {@link Certificate}'s Bouncy Castle reading, or not used: {@link #read} answers null
 * (that reading then runs, with its own messages) for anything outside the subset — a non-minimal length, a type
 * other than those listed in {@link #element}, a SET of several elements, a BIT STRING with non-zero unused bits, a
 * field the certificate structure does not expect there — and for every check that reading would fail. Within the
 * subset Bouncy Castle accepts every element and its tree is a one-to-one image of the bytes (so two Names are equal
 * as trees exactly when their encodings are), which makes every value read here the one that reading gives.
 * Stateless; one {@link Walk} per certificate.
 */
final class StrictTbsReader {
    /** Nesting a certificate needs (Names inside extension values are not walked: they are OCTET STRING content). */
    private static final int MAX_DEPTH = 16;

    /** Bouncy Castle's limit on an OBJECT IDENTIFIER's contents. */
    private static final int MAX_OID_CONTENTS = 4096;

    /** Extension OIDs by encoding: a few dozen across all certificates. */
    static final EncodingMemo<String> OIDS = new EncodingMemo<>(256, 128);

    /** The dotted form of the id-ce OIDs 2.5.29.n, n below 128 (nearly every extension), by n. */
    private static final String[] ID_CE = new String[128];

    static {
        for (int n = 0; n < ID_CE.length; n++) {
            ID_CE[n] = "2.5.29." + n;
        }
    }

    private StrictTbsReader() {}

    /** Not in the strict subset, or a check failed: the Bouncy Castle reading decides (never reaches a caller). */
    private static final class NotStrict extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final NotStrict INSTANCE = new NotStrict();

        private NotStrict() {
            super("not strict DER", null, false, false);
        }
    }

    /**
     * The fields of the certificate {@code der} whose outer elements the caller has delimited (tbsCertificate a
     * SEQUENCE, signatureAlgorithm a SEQUENCE, signatureValue a BIT STRING, nothing after them), or null when the
     * Bouncy Castle reading must decide.
     */
    static CertificateFields read(byte[] der, Der.Tlv tbs, Der.Tlv sigAlg, Der.Tlv sigValue) {
        try {
            return new Walk(der).certificate(tbs, sigAlg, sigValue);
        } catch (NotStrict | Der.ParseProblem e) {
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            return null; // whatever a decoder threw, that reading throws it too (or an earlier problem)
        }
    }

    /** The walk over one certificate's DER; {@link #tag} ... {@link #end}: the header read last. */
    private static final class Walk {
        private final byte[] d;
        private int tag;
        private int start;
        private int contentStart;
        private int end;

        Walk(byte[] der) {
            this.d = der;
        }

        CertificateFields certificate(Der.Tlv tbs, Der.Tlv sigAlg, Der.Tlv sigValue) {
            // what Certificate's reading checks, on the same values, and everything in the subset
            element(sigAlg.start(), sigAlg.end());
            SignatureAlgorithm signatureAlgorithm = algorithm(sigAlg.start(), sigAlg.end());
            element(sigValue.start(), sigValue.end());
            if (d[sigValue.contentStart()] != 0) {
                throw NotStrict.INSTANCE; // unused bits in the signatureValue: refused there
            }
            byte[] signatureValue = Arrays.copyOfRange(d, sigValue.contentStart() + 1, sigValue.end());
            element(tbs.start(), tbs.end());

            int at = tbs.contentStart();
            int limit = tbs.end();
            int v = 0;
            header(at, limit);
            if (tag == 0xa0) { // [0] EXPLICIT Version: one INTEGER, v2 or v3 (an explicit v1 is refused there)
                int fieldEnd = end;
                header(contentStart, fieldEnd);
                if (tag != 0x02
                        || end != fieldEnd
                        || end - contentStart != 1
                        || d[contentStart] < 1
                        || d[contentStart] > 2) {
                    throw NotStrict.INSTANCE;
                }
                v = d[contentStart];
                at = fieldEnd;
            } else if (tag == 0x80) {
                throw NotStrict.INSTANCE; // a primitive [0] holds no version: refused there
            }
            // serialNumber INTEGER (minimal: checked by element)
            header(at, limit);
            expect(0x02);
            byte[] serialNumberBytes = Arrays.copyOfRange(d, contentStart, end);
            BigInteger serialNumber = new BigInteger(serialNumberBytes);
            at = end;
            // signature AlgorithmIdentifier
            header(at, limit);
            at = end;
            SignatureAlgorithm tbsSignatureAlgorithm = algorithm(start, end);
            // issuer Name: decoded on first use
            Der.Tlv issuerField = field(at, limit, 0x30);
            at = issuerField.end();
            // validity SEQUENCE { notBefore Time, notAfter Time }
            header(at, limit);
            expect(0x30);
            int validityEnd = end;
            at = end;
            header(contentStart, validityEnd);
            Instant notBefore = X509Time.parse(tag, Arrays.copyOfRange(d, contentStart, end));
            header(end, validityEnd);
            Instant notAfter = X509Time.parse(tag, Arrays.copyOfRange(d, contentStart, end));
            if (end != validityEnd) {
                throw NotStrict.INSTANCE;
            }
            // subject Name: decoded now (candidates are found by it), from its bytes when it has the common shape,
            // else by the same decoder from the same tree
            Der.Tlv subjectField = field(at, limit, -1);
            at = subjectField.end();
            DistinguishedName subject = DistinguishedName.fromStrictDer(d, subjectField.start(), subjectField.end());
            if (subject == null) {
                subject = DistinguishedName.from(parse(subjectField.start(), subjectField.end()));
            }
            // within the subset, equal trees are equal encodings
            Object issuer = Arrays.equals(
                            d, subjectField.start(), subjectField.end(), d, issuerField.start(), issuerField.end())
                    ? subject
                    : null;
            // subjectPublicKeyInfo SEQUENCE { SEQUENCE { OID, [parameters] }, BIT STRING }: classified on first use
            Der.Tlv spki = field(at, limit, 0x30);
            at = spki.end();
            header(spki.contentStart(), spki.end());
            expect(0x30);
            int keyBitsAt = end;
            header(contentStart, keyBitsAt);
            expect(0x06);
            if (end != keyBitsAt) {
                header(end, keyBitsAt);
                if (end != keyBitsAt) {
                    throw NotStrict.INSTANCE; // an AlgorithmIdentifier of three fields: refused there
                }
            }
            header(keyBitsAt, spki.end());
            expect(0x03);
            if (end != spki.end()) {
                throw NotStrict.INSTANCE;
            }
            // issuerUniqueID [1], subjectUniqueID [2], extensions [3] EXPLICIT: in that order, each at most once
            ExtensionDecoder ext = new ExtensionDecoder();
            int lastTag = 0;
            boolean uniqueIds = false;
            while (at < limit) {
                header(at, limit);
                at = end;
                int tagNo = tag & 0x1f;
                if ((tag & 0xc0) != 0x80 || tagNo <= lastTag || tagNo > 3) {
                    throw NotStrict.INSTANCE;
                }
                lastTag = tagNo;
                uniqueIds |= tagNo < 3;
                if (tagNo == 3) {
                    if (tag != 0xa3) {
                        throw NotStrict.INSTANCE;
                    }
                    header(contentStart, at);
                    if (tag != 0x30 || end != at) {
                        throw NotStrict.INSTANCE;
                    }
                    extensions(ext, contentStart, end);
                }
            }
            boolean holderParses = v == 2
                    && !uniqueIds
                    && ext.duplicates.isEmpty()
                    && namesOfSets(issuerField)
                    && namesOfSets(subjectField);
            return new CertificateFields(
                    signatureAlgorithm,
                    signatureValue,
                    v + 1,
                    serialNumber,
                    serialNumberBytes,
                    tbsSignatureAlgorithm,
                    issuerField,
                    issuer,
                    notBefore,
                    notAfter,
                    subject,
                    spki,
                    ext,
                    holderParses ? Certificate.HOLDER_PARSES : null);
        }

        /**
         * Whether every element of this Name is a SET, as Bouncy Castle's {@code X500Name} requires of an RDN (it
         * looks no deeper when it builds a holder). Together with version 3, no unique identifiers and no repeated
         * extension, the other checks its {@code X509CertificateHolder} makes beyond what this reader does, it tells
         * that the holder parses without parsing it ({@code Certificate.bouncyCastleHolderParses}).
         */
        private boolean namesOfSets(Der.Tlv name) {
            for (int at = name.contentStart(); at < name.end(); at = end) {
                header(at, name.end());
                if (tag != 0x31) {
                    return false;
                }
            }
            return true;
        }

        /** Each Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }. */
        private void extensions(ExtensionDecoder ext, int from, int to) {
            Set<String> seen = new HashSet<>();
            int count = 0;
            for (int at = from; at < to; ) {
                if (++count >= 10000) {
                    throw NotStrict.INSTANCE; // beyond iOS's limit: refused there
                }
                header(at, to);
                expect(0x30);
                int extStart = at;
                int extEnd = end;
                at = extEnd;
                header(contentStart, extEnd);
                expect(0x06);
                String oid = oid(start, end);
                header(end, extEnd);
                boolean critical = false;
                if (tag == 0x01) {
                    critical = d[contentStart] != 0;
                    header(end, extEnd);
                }
                expect(0x04);
                if (end != extEnd) {
                    throw NotStrict.INSTANCE;
                }
                ext.decode(seen, oid, critical, Arrays.copyOfRange(d, contentStart, end), d, extStart, extEnd);
            }
        }

        /** The header at {@code at}, which must be of {@code expected} (any if negative), as a {@link Der.Tlv}. */
        private Der.Tlv field(int at, int limit, int expected) {
            header(at, limit);
            if (expected >= 0) {
                expect(expected);
            }
            return new Der.Tlv(tag, start, contentStart, end);
        }

        private void expect(int expected) {
            if (tag != expected) {
                throw NotStrict.INSTANCE;
            }
        }

        private SignatureAlgorithm algorithm(int from, int to) {
            return Certificate.ALGORITHMS.get(d, from, to, () -> Certificate.algorithm(parse(from, to)));
        }

        /** The OID at [from, to), an OBJECT IDENTIFIER the walk checked ({@link #validOid}). */
        private String oid(int from, int to) {
            // 06 03 55 1d n: 2.5.29.n (85 = 40 * 2 + 5, 29, n in one byte), without the lookup
            if (to - from == 5 && d[from + 2] == 0x55 && d[from + 3] == 0x1d && d[from + 4] >= 0) {
                return ID_CE[d[from + 4]];
            }
            return OIDS.get(d, from, to, () -> ((ASN1ObjectIdentifier) parse(from, to)).getId());
        }

        /** Bouncy Castle's tree of the element at [from, to) — what its parse of the whole has there. */
        private ASN1Primitive parse(int from, int to) {
            try {
                return Asn1.parse(Arrays.copyOfRange(d, from, to));
            } catch (IOException e) {
                throw NotStrict.INSTANCE;
            }
        }

        /**
         * Reads the header at {@code at} within {@code limit}: a low tag number and a definite length in its shortest
         * form (at most 3 length bytes), whose contents fit.
         */
        private void header(int at, int limit) {
            if (at >= limit - 1) {
                throw NotStrict.INSTANCE;
            }
            int t = d[at] & 0xff;
            if ((t & 0x1f) == 0x1f) {
                throw NotStrict.INSTANCE;
            }
            int p = at + 1;
            int first = d[p++] & 0xff;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int n = first & 0x7f;
                if (n == 0 || n > 3 || p + n > limit || d[p] == 0) {
                    throw NotStrict.INSTANCE; // indefinite, too long, truncated or with a leading zero
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (d[p++] & 0xff);
                }
                if (length < 0x80) {
                    throw NotStrict.INSTANCE; // the long form for a length the short form holds
                }
            }
            if (length > limit - p) {
                throw NotStrict.INSTANCE;
            }
            tag = t;
            start = at;
            contentStart = p;
            end = p + length;
        }

        /** Checks that [from, to) is exactly one element of the subset, everything inside it included. */
        private void element(int from, int to) {
            header(from, to);
            if (end != to) {
                throw NotStrict.INSTANCE;
            }
            contents(0);
        }

        /** Checks the contents of the element whose header was read last (which may read others). */
        private void contents(int depth) {
            int t = tag;
            int from = contentStart;
            int to = end;
            int n = to - from;
            switch (t) {
                case 0x30, 0x31 -> { // SEQUENCE, SET (of one element: Bouncy Castle compares sets as sorted)
                    if (children(from, to, depth) > 1 && t == 0x31) {
                        throw NotStrict.INSTANCE;
                    }
                }
                case 0x01 -> { // BOOLEAN: DER's two values
                    if (n != 1 || (d[from] != 0 && d[from] != (byte) 0xff)) {
                        throw NotStrict.INSTANCE;
                    }
                }
                case 0x02 -> { // INTEGER: not empty, minimal (Bouncy Castle refuses the others as malformed)
                    if (n == 0 || (n > 1 && d[from] == (d[from + 1] >> 7))) {
                        throw NotStrict.INSTANCE;
                    }
                }
                case 0x03 -> { // BIT STRING: unused bits counted in 0..7, none if empty, and zero
                    int unused = n == 0 ? 8 : d[from] & 0xff;
                    if (unused > 7
                            || (n == 1 && unused != 0)
                            || (unused > 0 && (d[to - 1] & ((1 << unused) - 1)) != 0)) {
                        throw NotStrict.INSTANCE;
                    }
                }
                case 0x05 -> { // NULL
                    if (n != 0) {
                        throw NotStrict.INSTANCE;
                    }
                }
                case 0x06 -> { // OBJECT IDENTIFIER: Bouncy Castle's validity rule and limit
                    if (!validOid(from, to)) {
                        throw NotStrict.INSTANCE;
                    }
                }
                case 0x17 -> { // UTCTime: what Bouncy Castle's constructor requires (the validity is parsed anyway)
                    if (n < 2 || !digits(from, 2)) {
                        throw NotStrict.INSTANCE;
                    }
                }
                case 0x18 -> { // GeneralizedTime: likewise
                    if (n < 4 || !digits(from, 4)) {
                        throw NotStrict.INSTANCE;
                    }
                }
                case 0x1e -> { // BMPString: whole characters
                    if ((n & 1) != 0) {
                        throw NotStrict.INSTANCE;
                    }
                }
                case 0x04, 0x0c, 0x12, 0x13, 0x14, 0x16, 0x1a -> {
                    // OCTET STRING and the string types Names use: any contents
                }
                default -> {
                    if ((t & 0xe0) == 0xa0) { // constructed context-specific [n]
                        children(from, to, depth);
                    } else if ((t & 0xe0) != 0x80) { // a primitive [n] holds any contents
                        throw NotStrict.INSTANCE;
                    }
                }
            }
        }

        /** Checks the elements in [from, to), one level down; how many there are. */
        private int children(int from, int to, int depth) {
            if (depth >= MAX_DEPTH) {
                throw NotStrict.INSTANCE;
            }
            int count = 0;
            for (int at = from; at < to; count++) {
                header(at, to);
                at = end;
                contents(depth + 1);
            }
            return count;
        }

        /** Bouncy Castle's rule: at most {@value #MAX_OID_CONTENTS} bytes, no subidentifier padded, the last ended. */
        private boolean validOid(int from, int to) {
            if (to - from < 1 || to - from > MAX_OID_CONTENTS) {
                return false;
            }
            boolean subIdStart = true;
            for (int i = from; i < to; i++) {
                if (subIdStart && (d[i] & 0xff) == 0x80) {
                    return false;
                }
                subIdStart = (d[i] & 0x80) == 0;
            }
            return subIdStart;
        }

        private boolean digits(int from, int count) {
            for (int i = from; i < from + count; i++) {
                if (d[i] < '0' || d[i] > '9') {
                    return false;
                }
            }
            return true;
        }
    }
}
