package io.github.sectrust4j.cert;

import com.google.common.collect.ImmutableSet;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.text.ExceptionText;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * An X.509 certificate parsed once, eagerly, keeping its exact DER ("parse once, keep DER, never
 * re-parse"). Immutable and thread-safe; equality is by SHA-256
 * fingerprint (see {@link #equals}). Parsing follows what iOS can parse
 * (§2.2, §5.1, §14.2 step 1): anything iOS could not turn into a certificate is rejected with a
 * {@link CertificateInputException}; oddities iOS tolerates but flags (unknown critical
 * extensions, duplicates, unparseable non-critical extensions) are recorded for the policy checks.
 */
public final class Certificate implements io.github.sectrust4j.Cert {
    private final byte[] der;
    private final byte[] tbsDer;
    private final byte[] sha256;
    /** SHA-1 of the DER: given (synthetic anchors) or computed on first use — read only for the user's exceptions (§12.4). */
    private volatile byte[] sha1;
    /** Upper-case hex of {@link #sha256}: computed on first use (every report names its path by it), then reused. */
    private volatile String sha256HexUpper;

    private final int version;
    private final BigInteger serialNumber;
    private final byte[] serialNumberBytes;
    private final SignatureAlgorithm tbsSignatureAlgorithm;
    private final SignatureAlgorithm signatureAlgorithm;
    private final byte[] signatureValue;
    /**
     * The issuer Name: as parsed until first asked (only a certificate in a candidate path is asked for its issuer),
     * or null when read without Bouncy Castle's tree (then decoded from {@link #issuerField}), then its
     * {@link DistinguishedName}. Decoding a Name never fails once it is known to be a SEQUENCE.
     */
    private volatile Object issuer;
    /** Where the issuer Name is encoded in {@link #der}, or null if the DER headers do not delimit the fields. */
    private final Der.Tlv issuerField;

    /** Signature algorithms by their encoding: a handful of distinct ones across all certificates. */
    static final EncodingMemo<SignatureAlgorithm> ALGORITHMS = new EncodingMemo<>(64, 512);
    /** Issuer names by their encoding (every leaf of a CA names it the same way); small, as each holds its DER. */
    static final EncodingMemo<DistinguishedName> ISSUERS = new EncodingMemo<>(256, 2_048);

    private final DistinguishedName subject;
    private final Instant notBefore;
    private final Instant notAfter;
    /**
     * The SubjectPublicKeyInfo as parsed (or where it is encoded, a {@link Der.Tlv}, when read without Bouncy
     * Castle's tree) until {@link #publicKey()} first classifies it (decoding an EC point or an RSA modulus is a fifth
     * of a parse, and a supplied certificate that never becomes a candidate is never asked), then the
     * {@link PublicKeyInfo}. Classifying never fails: everything that can fail was parsed already.
     */
    private volatile Object publicKey;

    private final ExtensionDecoder ext;
    /** The extension views the checks read on every evaluation, wrapped once (Optional is immutable). */
    private final Optional<BasicConstraints> basicConstraintsView;

    private final Optional<KeyUsage> keyUsageView;
    private final Optional<List<String>> extendedKeyUsageView;
    private final Optional<SubjectAltName> subjectAltNameView;
    private final Optional<List<String>> certificatePoliciesView;
    private final Set<String> unknownCriticalView;
    /** Subject and issuer normalize to the same name (asked for every candidate path's top): 0 = not asked yet, 1 = no, 2 = yes. */
    private volatile byte selfIssued;

    private final Set<String> duplicatesView;
    private final Set<String> unparseableView;
    private final int hash;
    /** Null for a parsed certificate; for a synthetic anchor (see {@link #fromAnchorFacts}) its self-signed fact. */
    private final Boolean syntheticSelfSigned;
    /**
     * Bouncy Castle's holder of this DER: the parsed parts ({@link HolderParts}) until first asked, then the holder
     * built from them, or the exception parsing the DER threw if BC refused the parts (memo).
     */
    private volatile Object bcHolder;

    /** The three parsed elements of the DER, kept to build Bouncy Castle's holder from on first use. */
    private record HolderParts(ASN1Primitive tbs, ASN1Primitive sigAlg, ASN1Primitive sigValue) {}

    /** {@link #bcHolder} of a certificate read without Bouncy Castle's tree: the holder is parsed from the DER. */
    private static final Object HOLDER_FROM_DER = new Object();
    /**
     * {@link #bcHolder} of a certificate {@link StrictTbsReader} read in the shape Bouncy Castle's holder takes: as
     * {@link #HOLDER_FROM_DER}, and known to parse ({@link #bouncyCastleHolderParses}) before it is parsed.
     */
    static final Object HOLDER_PARSES = new Object();
    /** Read as strict DER in the shape Bouncy Castle's holder takes ({@link #HOLDER_PARSES}). */
    private final boolean strictHolderShape;
    /**
     * Signature verdicts on this certificate per (verdict cache, issuer key), most recent first: an
     * evaluation that reuses parsed certificates finds them here without building and hashing a cache
     * key. Copy-on-write, at most {@value #MAX_VERDICT_MEMO} entries; a racing update may drop an entry,
     * which only costs a cache lookup later.
     */
    private volatile VerdictMemo[] verdictMemo = NO_VERDICTS;

    private static final VerdictMemo[] NO_VERDICTS = new VerdictMemo[0];
    private static final int MAX_VERDICT_MEMO = 4;

    private record VerdictMemo(Object owner, PublicKeyInfo issuerKey, boolean valid) {}

    /** {@link DerivedFact} values: fact, value, fact, value... Copy-on-write; a racing update may drop one (recomputed later). */
    private volatile Object[] derivedFacts = NO_FACTS;

    private static final Object[] NO_FACTS = new Object[0];

    private Certificate(byte[] der, boolean strictReading) {
        this(der, null, null, null, strictReading);
    }

    private Certificate(
            byte[] der, byte[] realSha256, byte[] realSha1, Boolean syntheticSelfSigned, boolean strictReading) {
        this.der = der;
        this.syntheticSelfSigned = syntheticSelfSigned;
        Der.Tlv outer = Der.read(der, 0, der.length);
        if (outer.tag() != 0x30) {
            throw new Der.ParseProblem(
                    "wrong ASN.1 structure: starts with tag 0x" + hex(outer.tag()) + ", expected a SEQUENCE (0x30)");
        }
        if (outer.end() < der.length) {
            throw new Der.ParseProblem("trailing garbage: " + (der.length - outer.end())
                    + " bytes after the certificate DER (which ends at byte " + outer.end() + ")");
        }
        Der.Tlv tbs = Der.read(der, outer.contentStart(), outer.end());
        if (tbs.tag() != 0x30) {
            throw new Der.ParseProblem("wrong ASN.1 structure: tbsCertificate is not a SEQUENCE");
        }
        Der.Tlv sigAlg = Der.read(der, tbs.end(), outer.end());
        Der.Tlv sigValue = Der.read(der, sigAlg.end(), outer.end());
        if (sigValue.end() != outer.end()) {
            throw new Der.ParseProblem("wrong ASN.1 structure: unexpected content after signatureValue");
        }
        if (sigAlg.tag() != 0x30 || sigValue.tag() != BERTags.BIT_STRING) {
            throw new Der.ParseProblem(
                    "wrong ASN.1 structure: expected signatureAlgorithm SEQUENCE and signatureValue BIT STRING");
        }
        this.tbsDer = Arrays.copyOfRange(der, tbs.start(), tbs.end());
        this.sha256 = realSha256 != null ? realSha256.clone() : Digests.sha256(der);
        this.sha1 = realSha1 != null ? realSha1.clone() : null;
        this.hash = Arrays.hashCode(sha256);

        CertificateFields f = strictReading ? StrictTbsReader.read(der, tbs, sigAlg, sigValue) : null;
        if (f == null) {
            f = bouncyCastleFields(der, tbs, sigAlg, sigValue, tbsDer);
        }
        this.signatureAlgorithm = f.signatureAlgorithm();
        this.signatureValue = f.signatureValue();
        this.version = f.version();
        this.serialNumber = f.serialNumber();
        this.serialNumberBytes = f.serialNumberBytes();
        this.tbsSignatureAlgorithm = f.tbsSignatureAlgorithm();
        this.issuerField = f.issuerField();
        this.subject = f.subject();
        this.issuer = f.issuer();
        this.notBefore = f.notBefore();
        this.notAfter = f.notAfter();
        this.publicKey = f.publicKey();
        this.ext = f.ext();
        this.basicConstraintsView = Optional.ofNullable(ext.basicConstraints);
        this.keyUsageView = Optional.ofNullable(ext.keyUsage);
        this.extendedKeyUsageView = Optional.ofNullable(ext.extendedKeyUsage);
        this.subjectAltNameView = Optional.ofNullable(ext.subjectAltName);
        this.certificatePoliciesView = Optional.ofNullable(ext.certificatePolicies);
        this.unknownCriticalView = ImmutableSet.copyOf(ext.unknownCritical); // DER order, not Set.copyOf's per-JVM one
        this.duplicatesView = ImmutableSet.copyOf(ext.duplicates);
        this.unparseableView = ImmutableSet.copyOf(ext.unparseable);
        this.bcHolder = f.bcHolder() != null ? f.bcHolder() : HOLDER_FROM_DER;
        this.strictHolderShape = f.bcHolder() == HOLDER_PARSES;
    }

    /**
     * The fields as Bouncy Castle's parse of the three elements gives them (the reading of any DER
     * {@link StrictTbsReader} leaves alone, and the one whose problems are reported).
     */
    private static CertificateFields bouncyCastleFields(
            byte[] der, Der.Tlv tbs, Der.Tlv sigAlg, Der.Tlv sigValue, byte[] tbsDer) {
        ASN1Primitive sigAlgAsn1 = asn1(Arrays.copyOfRange(der, sigAlg.start(), sigAlg.end()), "signatureAlgorithm");
        SignatureAlgorithm signatureAlgorithm =
                ALGORITHMS.get(der, sigAlg.start(), sigAlg.end(), () -> algorithm(sigAlgAsn1));
        ASN1Primitive sigValueAsn1 = asn1(Arrays.copyOfRange(der, sigValue.start(), sigValue.end()), "signatureValue");
        ASN1BitString bits = ASN1BitString.getInstance(sigValueAsn1);
        if (bits.getPadBits() != 0) {
            throw new Der.ParseProblem("signatureValue BIT STRING has unused bits");
        }
        byte[] signatureValue = bits.getOctets();

        ASN1Primitive tbsAsn1 = asn1(tbsDer, "tbsCertificate");
        ASN1Sequence seq = ASN1Sequence.getInstance(tbsAsn1);
        int i = 0;
        int v = 0;
        if (seq.size() > 0
                && seq.getObjectAt(0) instanceof ASN1TaggedObject t0
                && t0.getTagNo() == 0
                && t0.getTagClass() == BERTags.CONTEXT_SPECIFIC) {
            BigInteger vv = ASN1Integer.getInstance(t0, true).getValue();
            if (vv.signum() < 0 || vv.compareTo(BigInteger.TWO) > 0) {
                throw new Der.ParseProblem("unsupported version " + vv + " (only v1, v2, v3 exist)");
            }
            if (vv.signum() == 0) {
                // DER omits the DEFAULT v1; Apple's parser rejects an explicit version 0
                throw new Der.ParseProblem("explicit version field v1 (0) is not DER; iOS rejects it");
            }
            v = vv.intValue();
            i++;
        }
        int version = v + 1;
        if (seq.size() < i + 6) {
            throw new Der.ParseProblem("wrong ASN.1 structure: tbsCertificate has only " + seq.size() + " fields");
        }
        ASN1Integer serial = ASN1Integer.getInstance(seq.getObjectAt(i++));
        BigInteger serialNumber = serial.getValue();
        byte[] serialNumberBytes = contentsOf(serial);
        Der.Tlv[] fields = topLevelFields(der, tbs, seq.size());
        ASN1Encodable innerAlg = seq.getObjectAt(i);
        SignatureAlgorithm tbsSignatureAlgorithm = fields == null
                ? algorithm(innerAlg)
                : ALGORITHMS.get(der, fields[i].start(), fields[i].end(), () -> algorithm(innerAlg));
        i++;
        Der.Tlv issuerField = fields == null ? null : fields[i];
        ASN1Primitive issuerAsn1 = seq.getObjectAt(i++).toASN1Primitive();
        if (!(issuerAsn1 instanceof ASN1Sequence)) {
            throw new Der.ParseProblem(
                    DistinguishedName.NOT_A_SEQUENCE); // what decoding it would say, at the same point
        }
        ASN1Sequence validity = ASN1Sequence.getInstance(seq.getObjectAt(i++));
        if (validity.size() != 2) {
            throw new Der.ParseProblem("wrong ASN.1 structure: validity must hold exactly two times");
        }
        Instant notBefore = time(validity.getObjectAt(0));
        Instant notAfter = time(validity.getObjectAt(1));
        ASN1Primitive subjectAsn1 = seq.getObjectAt(i++).toASN1Primitive();
        // a self-issued certificate (every root) names itself: the same structure decodes to the same name
        DistinguishedName subject = DistinguishedName.from(subjectAsn1);
        Object issuer = subjectAsn1.equals(issuerAsn1) ? subject : issuerAsn1;
        Object publicKey = SubjectPublicKeyInfo.getInstance(seq.getObjectAt(i++));
        ASN1Sequence extensions = null;
        int lastTag = 0;
        for (; i < seq.size(); i++) {
            if (!(seq.getObjectAt(i) instanceof ASN1TaggedObject t)
                    || t.getTagClass() != BERTags.CONTEXT_SPECIFIC
                    || t.getTagNo() <= lastTag
                    || t.getTagNo() > 3) {
                throw new Der.ParseProblem("wrong ASN.1 structure: unexpected field " + (i + 1) + " in tbsCertificate");
            }
            lastTag = t.getTagNo();
            if (t.getTagNo() == 3) {
                extensions = ASN1Sequence.getInstance(t, true);
            }
        }
        return new CertificateFields(
                signatureAlgorithm,
                signatureValue,
                version,
                serialNumber,
                serialNumberBytes,
                tbsSignatureAlgorithm,
                issuerField,
                issuer,
                notBefore,
                notAfter,
                subject,
                publicKey,
                new ExtensionDecoder(extensions),
                new HolderParts(tbsAsn1, sigAlgAsn1, sigValueAsn1));
    }

    /**
     * Bouncy Castle's holder built from the three parts this constructor already parsed — the same
     * structure {@code new X509CertificateHolder(der)} parses (the parts are exactly the DER's three
     * elements and nothing follows them), without parsing the certificate a second time. Null (the
     * holder is then parsed from the DER on first use, with BC's own error) if BC refuses the parts.
     */
    private static Object holderFromParts(HolderParts parts) {
        try {
            return new org.bouncycastle.cert.X509CertificateHolder(
                    org.bouncycastle.asn1.x509.Certificate.getInstance(new org.bouncycastle.asn1.DLSequence(
                            new ASN1Encodable[] {parts.tbs(), parts.sigAlg(), parts.sigValue()})));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Parses one DER certificate (exactly one; trailing bytes are an error).
     *
     * @throws CertificateInputException for anything iOS could not parse, with a precise reason
     */
    public static Certificate parse(byte[] der) {
        if (der == null || der.length == 0) {
            throw new CertificateInputException(-1, "empty input", "not a certificate: empty input");
        }
        return parseOwned(der.clone());
    }

    /** As {@link #parse}, keeping {@code der} itself: the caller's fresh array, which nothing else holds or changes. */
    static Certificate parseOwned(byte[] der) {
        return parseOwned(der, true);
    }

    /** As {@link #parse}, by Bouncy Castle's reading alone (tests: the strict reading must give the same). */
    static Certificate parseByBouncyCastle(byte[] der) {
        return parseOwned(der.clone(), false);
    }

    private static Certificate parseOwned(byte[] der, boolean strictReading) {
        if (der.length == 0) {
            throw new CertificateInputException(-1, "empty input", "not a certificate: empty input");
        }
        try {
            return new Certificate(der, strictReading);
        } catch (Der.ParseProblem e) {
            throw fail(e.getMessage(), e);
        } catch (RuntimeException | StackOverflowError e) {
            // Bouncy Castle signals malformed structures with assorted runtime exceptions
            String why = ExceptionText.why(e);
            throw fail("wrong ASN.1 structure: " + why, e);
        }
    }

    private static CertificateInputException fail(String reason, Throwable cause) {
        CertificateInputException ex = new CertificateInputException(-1, reason, "not a certificate: " + reason);
        ex.initCause(cause);
        return ex;
    }

    private static ASN1Primitive asn1(byte[] bytes, String what) {
        try {
            return Asn1.parse(bytes);
        } catch (IOException e) {
            throw new Der.ParseProblem("wrong ASN.1 structure in " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where each field of the TBSCertificate whose parse has {@code count} fields is encoded: read from the DER
     * headers when they delimit exactly that many fields (then field by field as the parse read them), else null.
     */
    private static Der.Tlv[] topLevelFields(byte[] der, Der.Tlv tbs, int count) {
        Der.Tlv[] fields = new Der.Tlv[count];
        int n = 0;
        try {
            for (int at = tbs.contentStart(); at < tbs.end(); n++) {
                Der.Tlv t = Der.read(der, at, tbs.end());
                if (n < count) {
                    fields[n] = t;
                }
                at = t.end();
            }
        } catch (Der.ParseProblem e) {
            return null; // a form Der does not read (BC did): decoded without the kept values
        }
        return n == count ? fields : null;
    }

    static SignatureAlgorithm algorithm(ASN1Encodable obj) {
        AlgorithmIdentifier id = AlgorithmIdentifier.getInstance(obj);
        try {
            return SignatureAlgorithm.of(id.getAlgorithm().getId(), id.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new Der.ParseProblem("signature algorithm cannot be encoded", e);
        }
    }

    private static byte[] contentsOf(ASN1Primitive p) {
        try {
            byte[] enc = p.getEncoded(ASN1Encoding.DER);
            Der.Tlv t = Der.read(enc, 0, enc.length);
            return Arrays.copyOfRange(enc, t.contentStart(), t.end());
        } catch (IOException e) {
            throw new Der.ParseProblem("cannot encode " + p.getClass().getSimpleName(), e);
        }
    }

    private static Instant time(ASN1Encodable obj) {
        ASN1Primitive p = obj.toASN1Primitive();
        byte[] enc;
        try {
            enc = p.getEncoded();
        } catch (IOException e) {
            throw new Der.ParseProblem("validity time cannot be encoded", e);
        }
        Der.Tlv t = Der.read(enc, 0, enc.length);
        return X509Time.parse(t.tag(), Arrays.copyOfRange(enc, t.contentStart(), t.end()));
    }

    private static String hex(int b) {
        return String.format("%02x", b);
    }

    /** Bouncy Castle's tree of one element of {@link #der} that {@link StrictTbsReader} read (it parses). */
    private ASN1Primitive element(Der.Tlv field) {
        try {
            return Asn1.parse(Arrays.copyOfRange(der, field.start(), field.end()));
        } catch (IOException e) {
            throw new IllegalStateException("an element read as strict DER does not parse", e);
        }
    }

    // ------------------------------------------------------------------ identity

    /** The exact DER bytes (a copy). */
    @Override
    public byte[] der() {
        return der.clone();
    }

    /**
     * Bouncy Castle's {@code X509CertificateHolder} of {@link #der()} (the OCSP code matches CertIDs and
     * responder delegation with it), parsed on first use and kept, so an evaluation does not re-parse
     * the certificate per chain position and per evaluation. Same result as
     * {@code new X509CertificateHolder(der())}, including the exception when BC cannot parse it.
     */
    public org.bouncycastle.cert.X509CertificateHolder bouncyCastleHolder() throws IOException {
        Object h = bcHolder;
        if (h instanceof HolderParts parts) {
            h = holderFromParts(parts);
            bcHolder = h; // idempotent: racing threads build equal holders
        }
        if (h == null || h == HOLDER_FROM_DER || h == HOLDER_PARSES) {
            try {
                h = new org.bouncycastle.cert.X509CertificateHolder(der);
            } catch (IOException | RuntimeException e) {
                h = e;
            }
            bcHolder = h; // idempotent: racing threads compute equal values
        }
        if (h instanceof IOException e) {
            throw e;
        }
        if (h instanceof RuntimeException e) {
            throw e;
        }
        return (org.bouncycastle.cert.X509CertificateHolder) h;
    }

    /**
     * Whether {@link #bouncyCastleHolder} returns a holder (rather than throw): for a certificate read as strict DER
     * in the holder's shape known without parsing it (an OCSP position of a leaf seen once never needs its holder
     * unless a response is checked or a request built), else by parsing it (kept).
     */
    public boolean bouncyCastleHolderParses() {
        if (strictHolderShape) {
            return true;
        }
        try {
            bouncyCastleHolder();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Whether this certificate was read as strict DER in the shape Bouncy Castle's holder takes: its holder parses
     * ({@link #bouncyCastleHolderParses}), every element has one encoding, and the extensions are BC's, one per OID,
     * so a reader of the DER and of {@link #extensions} sees what BC's structure holds.
     */
    public boolean strictHolderShape() {
        return strictHolderShape;
    }

    /**
     * {@link #bouncyCastleHolder} of a certificate {@link #bouncyCastleHolderParses} answered true for (the OCSP and
     * CT code ask for it lazily, after that answer): a failure then is a broken promise, not an input problem.
     */
    public org.bouncycastle.cert.X509CertificateHolder bouncyCastleHolderKnownToParse() {
        try {
            return bouncyCastleHolder();
        } catch (IOException e) {
            throw new IllegalStateException("a certificate known to parse did not", e);
        }
    }

    /** DER length in bytes. */
    public int derLength() {
        return der.length;
    }

    /** The exact TBSCertificate bytes as encoded (a copy) — what the signature covers. */
    public byte[] tbsDer() {
        return tbsDer.clone();
    }

    byte[] tbsDerInternal() {
        return tbsDer;
    }

    byte[] signatureValueInternal() {
        return signatureValue;
    }

    byte[] sha256Internal() {
        return sha256;
    }

    /** The verdict {@code owner} memoized for this certificate under {@code issuerKey}, or null. */
    Boolean memoizedVerdict(Object owner, PublicKeyInfo issuerKey) {
        for (VerdictMemo m : verdictMemo) {
            if (m.owner() == owner
                    && (m.issuerKey() == issuerKey || m.issuerKey().equals(issuerKey))) {
                return m.valid();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    <T> T derived(DerivedFact<T> fact) {
        Object[] facts = derivedFacts;
        for (int i = 0; i < facts.length; i += 2) {
            if (facts[i] == fact) {
                return (T) facts[i + 1];
            }
        }
        T value = fact.compute(this);
        Object[] latest = derivedFacts;
        for (int i = facts.length; i < latest.length; i += 2) {
            if (latest[i] == fact) {
                return (T) latest[i + 1]; // another thread was first: keep one value per fact
            }
        }
        Object[] next = Arrays.copyOf(latest, latest.length + 2);
        next[latest.length] = fact;
        next[latest.length + 1] = value;
        derivedFacts = next;
        return value;
    }

    void memoizeVerdict(Object owner, PublicKeyInfo issuerKey, boolean valid) {
        VerdictMemo[] old = verdictMemo;
        int kept = Math.min(old.length, MAX_VERDICT_MEMO - 1);
        VerdictMemo[] next = new VerdictMemo[kept + 1];
        next[0] = new VerdictMemo(owner, issuerKey, valid);
        System.arraycopy(old, 0, next, 1, kept);
        verdictMemo = next;
    }

    public byte[] sha256() {
        return sha256.clone();
    }

    /** The SHA-256 fingerprint of the DER, the name reports and trust stores give the certificate. */
    public Fingerprint sha256Fingerprint() {
        return Fingerprint.of(Fingerprint.Algorithm.SHA256, sha256);
    }

    /** The SHA-1 fingerprint of the DER, by which iOS keys the user's exceptions (§12.4). */
    public Fingerprint sha1Fingerprint() {
        return Fingerprint.of(Fingerprint.Algorithm.SHA1, sha1Internal());
    }

    @Override
    public String sha256Hex() {
        return sha256Fingerprint().hex();
    }

    /**
     * {@link #sha256Hex()} in upper case, as reports print fingerprints. Cached: a racing first use
     * computes the same immutable string twice at worst.
     */
    public String sha256HexUpperCase() {
        String h = sha256HexUpper;
        if (h == null) {
            h = sha256Fingerprint().hexUpperCase();
            sha256HexUpper = h;
        }
        return h;
    }

    public byte[] sha1() {
        return sha1Internal().clone();
    }

    public String sha1Hex() {
        return sha1Fingerprint().hex();
    }

    private byte[] sha1Internal() {
        byte[] h = sha1;
        if (h == null) {
            h = Digests.sha1(der);
            sha1 = h; // idempotent: racing threads compute equal values
        }
        return h;
    }

    /** 1, 2 or 3. */
    public int version() {
        return version;
    }

    public BigInteger serialNumber() {
        return serialNumber;
    }

    /** The serial number's INTEGER content octets as encoded (for serial-number block lists). */
    public byte[] serialNumberBytes() {
        return serialNumberBytes.clone();
    }

    // ------------------------------------------------------------------ validity

    @Override
    public Instant notBefore() {
        return notBefore;
    }

    @Override
    public Instant notAfter() {
        return notAfter;
    }

    /** notAfter − notBefore in seconds (may be negative for inverted validity). */
    public long validityLengthSeconds() {
        return Duration.between(notBefore, notAfter).getSeconds();
    }

    /** §2.2 TemporalValidity: notBefore ≤ t ≤ notAfter, both inclusive, whole seconds. */
    public boolean isValidAt(Instant t) {
        // t truncated to whole seconds, compared without allocating an Instant per call:
        // s ≥ notBefore ⇔ s ≥ ⌈notBefore⌉ (in seconds); s ≤ notAfter ⇔ s ≤ ⌊notAfter⌋
        long s = t.getEpochSecond();
        long notBeforeCeil = notBefore.getEpochSecond() + (notBefore.getNano() > 0 ? 1 : 0);
        return s >= notBeforeCeil && s <= notAfter.getEpochSecond();
    }

    // ------------------------------------------------------------------ names

    /** The subject as reports print it ({@link io.github.sectrust4j.PathCertificate#subject()}). */
    @Override
    public String subjectName() {
        return subject.toString();
    }

    public DistinguishedName subject() {
        return subject;
    }

    public DistinguishedName issuer() {
        Object name = issuer;
        if (name instanceof DistinguishedName decoded) {
            return decoded;
        }
        Der.Tlv field = issuerField;
        DistinguishedName decoded = field == null
                ? DistinguishedName.from((ASN1Primitive) name)
                : ISSUERS.get(
                        der,
                        field.start(),
                        field.end(),
                        () -> DistinguishedName.from(name == null ? element(field) : (ASN1Primitive) name));
        issuer = decoded; // idempotent: racing threads decode equal names
        return decoded;
    }

    /** A readable name: the first subject CN, else the whole subject DN, else "(empty subject)". */
    public String displayName() {
        List<String> cns = subject.commonNames();
        if (!cns.isEmpty()) {
            return cns.get(0);
        }
        String dn = subject.toString();
        return dn.isEmpty() ? "(empty subject)" : dn;
    }

    /** Apple-normalized subject (§1.3); empty if unparseable — such a name never matches. */
    public Optional<NormalizedName> normalizedSubject() {
        return subject.normalized();
    }

    public Optional<NormalizedName> normalizedIssuer() {
        return issuer().normalized();
    }

    /** Normalized subject equals normalized issuer (both parseable). Not a signature check. */
    public boolean isSelfIssued() {
        byte known = selfIssued;
        if (known == 0) {
            boolean same =
                    subject.normalized().isPresent() && subject.normalized().equals(issuer().normalized());
            known = same ? (byte) 2 : (byte) 1;
            selfIssued = known;
        }
        return known == 2;
    }

    /** v3 with basicConstraints cA=true (§2.2). For v1/v2, "CA" means self-signed: combine {@link #isSelfIssued()} with a verifier. */
    public boolean isV3Ca() {
        return version == 3 && ext.basicConstraints != null && ext.basicConstraints.ca();
    }

    /**
     * "CA" as §2.2 NonEmptySubject defines it: v3 with basicConstraints cA=true, or a v1/v2
     * certificate that is self-signed (checked with {@code verifier}).
     */
    public boolean isCa(SignatureVerifier verifier) {
        if (version == 3) {
            return isV3Ca();
        }
        return verifier.isSelfSigned(this);
    }

    // ------------------------------------------------------------------ key and signature

    public PublicKeyInfo publicKey() {
        Object k = publicKey;
        if (k instanceof PublicKeyInfo key) {
            return key;
        }
        synchronized (this) { // one instance per certificate: verdict memos are keyed by the key object
            k = publicKey;
            if (k instanceof PublicKeyInfo key) {
                return key;
            }
            PublicKeyInfo key;
            if (k instanceof Der.Tlv field) {
                // the common key shapes straight from the bytes; Bouncy Castle's tree for the rest
                key = PublicKeyInfo.fromStrictDer(der, field.start(), field.end());
                if (key == null) {
                    key = PublicKeyInfo.from(SubjectPublicKeyInfo.getInstance(element(field)));
                }
            } else {
                key = PublicKeyInfo.from((SubjectPublicKeyInfo) k);
            }
            publicKey = key;
            return key;
        }
    }

    /**
     * Whether the parts a parse defers to first use (the classified public key, Bouncy Castle's holder) are built:
     * false for a certificate nothing has looked at beyond its names and fingerprint (tests of lazy parsing).
     */
    public boolean detailsBuilt() {
        Object holder = bcHolder;
        return publicKey instanceof PublicKeyInfo
                || !(holder instanceof HolderParts || holder == HOLDER_FROM_DER || holder == HOLDER_PARSES);
    }

    /** The {@code signature} field inside TBSCertificate — what WeakSignature and SignatureHashAlgorithms classify (§2.2). */
    public SignatureAlgorithm tbsSignatureAlgorithm() {
        return tbsSignatureAlgorithm;
    }

    /** The outer signatureAlgorithm (what the signature is verified with). */
    public SignatureAlgorithm signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** True if the inner and outer AlgorithmIdentifiers differ (byte-wise). */
    public boolean signatureAlgorithmsDiffer() {
        return !tbsSignatureAlgorithm.equals(signatureAlgorithm);
    }

    /** Hash of the inner signature algorithm. */
    public SignatureHash signatureHash() {
        return tbsSignatureAlgorithm.hash();
    }

    public byte[] signatureValue() {
        return signatureValue.clone();
    }

    // ------------------------------------------------------------------ extensions

    /** All extensions in encoded order, duplicates included. */
    public List<Extension> extensions() {
        return List.copyOf(ext.all);
    }

    /** Critical extensions whose OID Apple does not know (§2.2 CriticalExtensions); includes the CT poison. */
    public Set<String> unknownCriticalExtensions() {
        return unknownCriticalView;
    }

    /** OIDs present more than once (§2.2 DuplicateExtension). */
    public Set<String> duplicateExtensions() {
        return duplicatesView;
    }

    /** Known non-critical extensions that failed to parse (§2.2 UnparseableExtension). */
    public Set<String> unparseableExtensions() {
        return unparseableView;
    }

    public Optional<BasicConstraints> basicConstraints() {
        return basicConstraintsView;
    }

    public Optional<KeyUsage> keyUsage() {
        return keyUsageView;
    }

    /** EKU OIDs; present-but-empty is an empty list, absent is Optional.empty(). */
    public Optional<List<String>> extendedKeyUsage() {
        return extendedKeyUsageView;
    }

    public Optional<SubjectAltName> subjectAltName() {
        return subjectAltNameView;
    }

    public Optional<NameConstraints> nameConstraints() {
        return Optional.ofNullable(ext.nameConstraints);
    }

    /** certificatePolicies policy OIDs (anyPolicy = 2.5.29.32.0 included as listed). */
    public Optional<List<String>> certificatePolicies() {
        return certificatePoliciesView;
    }

    public boolean hasAnyPolicy() {
        return ext.certificatePolicies != null && ext.certificatePolicies.contains(Oids.ANY_POLICY);
    }

    public Optional<List<PolicyMapping>> policyMappings() {
        return Optional.ofNullable(ext.policyMappings);
    }

    public Optional<PolicyConstraints> policyConstraints() {
        return Optional.ofNullable(ext.policyConstraints);
    }

    public Optional<Integer> inhibitAnyPolicy() {
        return Optional.ofNullable(ext.inhibitAnyPolicy);
    }

    public Optional<byte[]> subjectKeyIdentifier() {
        return Optional.ofNullable(ext.subjectKeyIdentifier).map(byte[]::clone);
    }

    /**
     * True iff this certificate's authorityKeyIdentifier and {@code issuer}'s subjectKeyIdentifier both exist and
     * differ (§2.2 id linkage), compared in place: the accessors copy, and this runs for every link of every path.
     */
    public boolean authorityKeyIdentifierContradicts(Certificate issuer) {
        byte[] aki = ext.authorityKeyIdentifier;
        byte[] ski = issuer.ext.subjectKeyIdentifier;
        return aki != null && ski != null && !Arrays.equals(aki, ski);
    }

    /** The keyIdentifier of authorityKeyIdentifier; empty if the extension or the field is absent. */
    public Optional<byte[]> authorityKeyIdentifier() {
        return Optional.ofNullable(ext.authorityKeyIdentifier).map(byte[]::clone);
    }

    public Optional<AuthorityInfoAccess> authorityInfoAccess() {
        return Optional.ofNullable(ext.authorityInfoAccess);
    }

    public boolean hasCrlDistributionPoints() {
        return ext.crlDistributionPoints;
    }

    public boolean hasOcspNoCheck() {
        return ext.ocspNoCheck;
    }

    /** The TLS-encoded SignedCertificateTimestampList inside extension 1.3.6.1.4.1.11129.2.4.2 (inner OCTET STRING unwrapped). */
    public Optional<byte[]> sctListExtension() {
        return Optional.ofNullable(ext.sctList).map(byte[]::clone);
    }

    /** CT pre-certificate poison present (an unknown critical extension for iOS, §2.2). */
    public boolean hasPrecertPoison() {
        return ext.precertPoison;
    }

    // ------------------------------------------------------------------ synthetic anchors

    /**
     * Builds the certificate of a trust-store anchor from its facts alone (trust-stores ships
     * {@link io.github.sectrust4j.truststores.AnchorRecord}s, not DER), so the path top can be
     * treated like any other certificate (§1.3 system store, §14.1 item 1).
     *
     * <p>The TBSCertificate is re-encoded from the facts (exact subject, issuer and SPKI DER; serial;
     * validity; version; basicConstraints, keyUsage, SKI, AKI keyIdentifier, nameConstraints and
     * certificatePolicies OIDs; the signature algorithm OID, with NULL parameters for RSA) and wrapped
     * with an empty signature. The instance is <em>synthetic</em>: {@link #sha256()} and {@link #sha1()}
     * return the real certificate's fingerprints (so it equals the real certificate),
     * {@link #syntheticSelfSigned()} carries the store's self-signed fact, and {@link #der()} /
     * {@link #signatureValue()} are NOT the real ones: its own signature cannot be verified, but
     * children verify against its SPKI as usual. Extensions the facts do not carry (EKU, SAN, AIA,
     * CRL DP, policy qualifiers) are absent. The facts hold no criticality flags: basicConstraints,
     * keyUsage and nameConstraints are marked critical (RFC 5280's requirement, and the stricter
     * reading where criticality matters), SKI, AKI and certificatePolicies non-critical.
     *
     * @throws CertificateInputException if the facts cannot be encoded as a certificate
     */
    public static Certificate fromAnchorFacts(io.github.sectrust4j.truststores.AnchorRecord facts) {
        try {
            byte[] der = encodeFromFacts(facts);
            return new Certificate(der, facts.sha256(), facts.sha1(), facts.selfSigned(), true);
        } catch (Der.ParseProblem | IOException e) {
            throw fail("anchor facts of " + facts.sha256Hex() + " cannot be encoded: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw fail("anchor facts of " + facts.sha256Hex() + " cannot be encoded: " + e, e);
        }
    }

    /** True for a certificate built by {@link #fromAnchorFacts} (its DER and signature are not the real ones). */
    public boolean isSynthetic() {
        return syntheticSelfSigned != null;
    }

    /** For a synthetic anchor: the trust store's self-signed fact; empty for parsed certificates. */
    public Optional<Boolean> syntheticSelfSigned() {
        return Optional.ofNullable(syntheticSelfSigned);
    }

    private static byte[] encodeFromFacts(io.github.sectrust4j.truststores.AnchorRecord f) throws IOException {
        org.bouncycastle.asn1.ASN1EncodableVector tbs = new org.bouncycastle.asn1.ASN1EncodableVector();
        if (f.certificateVersion() > 1) {
            tbs.add(new org.bouncycastle.asn1.DERTaggedObject(true, 0, new ASN1Integer(f.certificateVersion() - 1)));
        }
        tbs.add(new ASN1Integer(new BigInteger(f.serialNumber())));
        AlgorithmIdentifier sigAlg = factsAlgorithm(f.signatureAlgorithm());
        tbs.add(sigAlg);
        tbs.add(ASN1Primitive.fromByteArray(f.issuer()));
        tbs.add(new org.bouncycastle.asn1.DERSequence(
                new ASN1Encodable[] {factsTime(f.notBefore()), factsTime(f.notAfter())}));
        tbs.add(ASN1Primitive.fromByteArray(f.subject()));
        tbs.add(ASN1Primitive.fromByteArray(f.subjectPublicKeyInfo()));
        if (f.certificateVersion() == 3) {
            org.bouncycastle.asn1.x509.ExtensionsGenerator ext = new org.bouncycastle.asn1.x509.ExtensionsGenerator();
            if (f.basicConstraints() != null) {
                org.bouncycastle.asn1.x509.BasicConstraints bc =
                        !f.basicConstraints().ca()
                                ? new org.bouncycastle.asn1.x509.BasicConstraints(false)
                                : f.basicConstraints().hasPathLenConstraint()
                                        ? new org.bouncycastle.asn1.x509.BasicConstraints(
                                                f.basicConstraints().pathLenConstraint())
                                        : new org.bouncycastle.asn1.x509.BasicConstraints(true);
                ext.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true, bc);
            }
            if (f.keyUsage() >= 0) {
                int bcBits = 0;
                for (int i = 0; i <= 8; i++) {
                    if ((f.keyUsage() & (1 << i)) != 0) {
                        bcBits |= i < 8 ? 1 << (7 - i) : 1 << 15;
                    }
                }
                ext.addExtension(
                        org.bouncycastle.asn1.x509.Extension.keyUsage,
                        true,
                        new org.bouncycastle.asn1.x509.KeyUsage(bcBits));
            }
            if (f.subjectKeyIdentifier() != null) {
                ext.addExtension(
                        org.bouncycastle.asn1.x509.Extension.subjectKeyIdentifier,
                        false,
                        new org.bouncycastle.asn1.DEROctetString(f.subjectKeyIdentifier()));
            }
            if (f.authorityKeyIdentifier() != null) {
                ext.addExtension(
                        org.bouncycastle.asn1.x509.Extension.authorityKeyIdentifier,
                        false,
                        new org.bouncycastle.asn1.x509.AuthorityKeyIdentifier(f.authorityKeyIdentifier()));
            }
            if (f.nameConstraints() != null) {
                ext.addExtension(org.bouncycastle.asn1.x509.Extension.nameConstraints, true, f.nameConstraints());
            }
            if (!f.certificatePolicies().isEmpty()) {
                org.bouncycastle.asn1.ASN1EncodableVector pols = new org.bouncycastle.asn1.ASN1EncodableVector();
                for (String oid : f.certificatePolicies()) {
                    pols.add(new org.bouncycastle.asn1.x509.PolicyInformation(
                            new org.bouncycastle.asn1.ASN1ObjectIdentifier(oid)));
                }
                ext.addExtension(
                        org.bouncycastle.asn1.x509.Extension.certificatePolicies,
                        false,
                        new org.bouncycastle.asn1.DERSequence(pols));
            }
            if (!ext.isEmpty()) {
                tbs.add(new org.bouncycastle.asn1.DERTaggedObject(true, 3, ext.generate()));
            }
        }
        org.bouncycastle.asn1.ASN1EncodableVector cert = new org.bouncycastle.asn1.ASN1EncodableVector();
        cert.add(new org.bouncycastle.asn1.DERSequence(tbs));
        cert.add(sigAlg);
        cert.add(new org.bouncycastle.asn1.DERBitString(new byte[0]));
        return new org.bouncycastle.asn1.DERSequence(cert).getEncoded(ASN1Encoding.DER);
    }

    private static AlgorithmIdentifier factsAlgorithm(String oid) {
        org.bouncycastle.asn1.ASN1ObjectIdentifier id = new org.bouncycastle.asn1.ASN1ObjectIdentifier(oid);
        // RSA PKCS#1 algorithms carry NULL parameters; ECDSA/EdDSA/DSA-with-SHA2 carry none
        return oid.startsWith("1.2.840.113549.1.1.")
                ? new AlgorithmIdentifier(id, org.bouncycastle.asn1.DERNull.INSTANCE)
                : new AlgorithmIdentifier(id);
    }

    private static final java.time.format.DateTimeFormatter UTC_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", java.util.Locale.ROOT);
    private static final java.time.format.DateTimeFormatter GENERALIZED_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", java.util.Locale.ROOT);

    private static ASN1Encodable factsTime(Instant t) {
        java.time.ZonedDateTime z = t.atZone(java.time.ZoneOffset.UTC);
        // RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050
        if (z.getYear() >= 1950 && z.getYear() < 2050) {
            return new org.bouncycastle.asn1.DERUTCTime(UTC_TIME.format(z));
        }
        return new org.bouncycastle.asn1.DERGeneralizedTime(GENERALIZED_TIME.format(z));
    }

    // ------------------------------------------------------------------ object

    /**
     * Equality by SHA-256 fingerprint: for parsed certificates that is equality of DER; a synthetic
     * anchor equals the parsed real certificate whose facts it was built from.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate c && c.hash == hash && Arrays.equals(c.sha256, sha256);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "Certificate[subject=" + subject + ", issuer=" + issuer() + ", sha256=" + sha256Hex() + "]";
    }
}
