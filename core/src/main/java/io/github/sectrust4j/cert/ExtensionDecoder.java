package io.github.sectrust4j.cert;

import io.github.sectrust4j.text.ExceptionText;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.PolicyInformation;

/**
 * Decodes the extensions of one certificate once, following Apple's error model (§2.2
 * CriticalExtensions / UnparseableExtension / DuplicateExtension): a known critical extension that
 * fails to parse makes the certificate unparseable; a known non-critical one is recorded as
 * unparseable and otherwise ignored. For duplicated OIDs the last occurrence wins [inferred from
 * Apple's parser overwriting its per-extension fields].
 */
final class ExtensionDecoder {
    /** Extensions Apple's parser knows (§2.2 CriticalExtensions). The CT poison is deliberately absent. */
    static final Set<String> KNOWN = Set.of(
            Oids.SUBJECT_KEY_IDENTIFIER,
            Oids.KEY_USAGE,
            Oids.PRIVATE_KEY_USAGE_PERIOD,
            Oids.SUBJECT_ALT_NAME,
            Oids.ISSUER_ALT_NAME,
            Oids.BASIC_CONSTRAINTS,
            Oids.NAME_CONSTRAINTS,
            Oids.CRL_DISTRIBUTION_POINTS,
            Oids.CERTIFICATE_POLICIES,
            Oids.POLICY_MAPPINGS,
            Oids.AUTHORITY_KEY_IDENTIFIER,
            Oids.POLICY_CONSTRAINTS,
            Oids.EXT_KEY_USAGE,
            Oids.INHIBIT_ANY_POLICY,
            Oids.AUTHORITY_INFO_ACCESS,
            Oids.SUBJECT_INFO_ACCESS,
            Oids.NETSCAPE_CERT_TYPE,
            Oids.ENTRUST_VERSION_INFO,
            Oids.OCSP_NO_CHECK,
            Oids.QC_STATEMENTS);

    /** Apple private arcs tolerated when critical (§2.2, isAppleExtensionOID); the escrow marker lives under .100.6. */
    private static final List<String> APPLE_ARCS = List.of(
            "1.2.840.113635.100.6.",
            "1.2.840.113635.100.11.",
            "1.2.840.113635.100.12.",
            "1.2.840.113635.100.13.",
            "1.2.840.113635.100.15.");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry(Oids.SUBJECT_KEY_IDENTIFIER, "subjectKeyIdentifier"),
            Map.entry(Oids.KEY_USAGE, "keyUsage"),
            Map.entry(Oids.SUBJECT_ALT_NAME, "subjectAltName"),
            Map.entry(Oids.ISSUER_ALT_NAME, "issuerAltName"),
            Map.entry(Oids.BASIC_CONSTRAINTS, "basicConstraints"),
            Map.entry(Oids.NAME_CONSTRAINTS, "nameConstraints"),
            Map.entry(Oids.CRL_DISTRIBUTION_POINTS, "cRLDistributionPoints"),
            Map.entry(Oids.CERTIFICATE_POLICIES, "certificatePolicies"),
            Map.entry(Oids.POLICY_MAPPINGS, "policyMappings"),
            Map.entry(Oids.AUTHORITY_KEY_IDENTIFIER, "authorityKeyIdentifier"),
            Map.entry(Oids.POLICY_CONSTRAINTS, "policyConstraints"),
            Map.entry(Oids.EXT_KEY_USAGE, "extKeyUsage"),
            Map.entry(Oids.INHIBIT_ANY_POLICY, "inhibitAnyPolicy"),
            Map.entry(Oids.AUTHORITY_INFO_ACCESS, "authorityInfoAccess"),
            Map.entry(Oids.OCSP_NO_CHECK, "ocspNoCheck"));

    /** Car Connectivity Consortium OIDs Apple tolerates when critical (isCCCExtensionOID). */
    private static final Set<String> CCC = Set.of(Oids.CCC_EXTENSION_1, Oids.CCC_EXTENSION_8, Oids.CCC_EXTENSION_9);

    static boolean isKnown(String oid) {
        if (KNOWN.contains(oid) || CCC.contains(oid)) {
            return true;
        }
        for (String arc : APPLE_ARCS) {
            if (oid.startsWith(arc)) {
                return true;
            }
        }
        return false;
    }

    static String describe(String oid) {
        String n = NAMES.get(oid);
        return n == null ? oid : n + " (" + oid + ")";
    }

    // ---- results (set once during decode, then read-only) ----
    final List<Extension> all = new ArrayList<>();
    final Set<String> unknownCritical = new LinkedHashSet<>();
    final Set<String> duplicates = new LinkedHashSet<>();
    final Set<String> unparseable = new LinkedHashSet<>();
    BasicConstraints basicConstraints;
    KeyUsage keyUsage;
    List<String> extendedKeyUsage;
    SubjectAltName subjectAltName;
    NameConstraints nameConstraints;
    List<String> certificatePolicies;
    List<PolicyMapping> policyMappings;
    PolicyConstraints policyConstraints;
    Integer inhibitAnyPolicy;
    byte[] subjectKeyIdentifier;
    byte[] authorityKeyIdentifier;
    boolean authorityKeyIdentifierPresent;
    AuthorityInfoAccess authorityInfoAccess;
    boolean crlDistributionPoints;
    boolean ocspNoCheck;
    byte[] sctList;
    boolean precertPoison;

    /** @param extensions the Extensions SEQUENCE (inside [3]) or null if absent */
    ExtensionDecoder(ASN1Sequence extensions) {
        if (extensions == null) {
            return;
        }
        if (extensions.size() >= 10000) {
            // Apple's parser caps the number of extensions
            throw new Der.ParseProblem(extensions.size() + " extensions exceed iOS's limit of 9999");
        }
        Set<String> seen = new java.util.HashSet<>();
        for (ASN1Encodable e : extensions) {
            if (!(e instanceof ASN1Sequence ext)
                    || ext.size() < 2
                    || ext.size() > 3
                    || !(ext.getObjectAt(0) instanceof ASN1ObjectIdentifier oidObj)) {
                throw new Der.ParseProblem("an extension is not a SEQUENCE { OID, [critical,] OCTET STRING }");
            }
            boolean critical = false;
            if (ext.size() == 3) {
                if (!(ext.getObjectAt(1) instanceof ASN1Boolean b)) {
                    throw new Der.ParseProblem("extension " + oidObj.getId() + " has a non-BOOLEAN critical field");
                }
                critical = b.isTrue();
            }
            if (!(ext.getObjectAt(ext.size() - 1) instanceof ASN1OctetString valueString)) {
                throw new Der.ParseProblem("extension " + oidObj.getId() + " value is not an OCTET STRING");
            }
            decode(seen, oidObj.getId(), critical, valueString.getOctets());
        }
    }

    /**
     * No extensions yet: a strict DER reading ({@link StrictTbsReader}) {@link #decode}s them one by one, in encoded
     * order, as the constructor above does with Bouncy Castle's parse of the same extensions.
     */
    ExtensionDecoder() {}

    /** One extension ({@code seen}: the OIDs decoded before it): recorded, then decoded by Apple's error model. */
    void decode(Set<String> seen, String oid, boolean critical, byte[] value) {
        decode(seen, oid, critical, value, null, 0, 0);
    }

    /**
     * As {@link #decode(Set, String, boolean, byte[])}, for an extension whose whole encoding (OID, critical,
     * value) is {@code der[from, to)}: a {@link #SHARED} one is decoded once per encoding.
     */
    void decode(Set<String> seen, String oid, boolean critical, byte[] value, byte[] der, int from, int to) {
        all.add(new Extension(oid, critical, value));
        if (!seen.add(oid)) {
            duplicates.add(oid);
        }
        if (!isKnown(oid)) {
            if (critical) {
                unknownCritical.add(oid);
            }
            decodeUnknown(oid, value);
            return;
        }
        try {
            if (der != null && SHARED.contains(oid)) {
                decodeShared(oid, critical, value, der, from, to);
            } else {
                decodeKnown(oid, critical, value);
            }
        } catch (RuntimeException | java.io.IOException ex) {
            String why = ExceptionText.why(ex);
            if (critical) {
                throw new Der.ParseProblem("critical extension " + describe(oid) + " cannot be parsed (" + why
                        + "); iOS rejects such a certificate (§2.2)");
            }
            unparseable.add(oid);
        }
    }

    /**
     * Known extensions that a CA writes alike into every certificate it issues (unlike subjectAltName and
     * subjectKeyIdentifier), whose decoding sets one result (two for authorityKeyIdentifier): see {@link #take}.
     */
    private static final Set<String> SHARED = Set.of(
            Oids.BASIC_CONSTRAINTS,
            Oids.KEY_USAGE,
            Oids.EXT_KEY_USAGE,
            Oids.AUTHORITY_KEY_IDENTIFIER,
            Oids.AUTHORITY_INFO_ACCESS,
            Oids.CRL_DISTRIBUTION_POINTS,
            Oids.CERTIFICATE_POLICIES);

    /**
     * Decodings of {@link #SHARED} extensions by their whole encoding: a decoder that decoded that extension alone.
     * Only successful decodings are kept; their results are immutable (a kept key identifier is only read).
     */
    static final EncodingMemo<ExtensionDecoder> SHARED_DECODINGS = new EncodingMemo<>(256, 2_048);

    private void decodeShared(String oid, boolean critical, byte[] value, byte[] der, int from, int to)
            throws java.io.IOException {
        ExtensionDecoder alone;
        try {
            alone = SHARED_DECODINGS.get(der, from, to, () -> alone(oid, critical, value));
        } catch (RuntimeException failed) {
            decodeKnown(oid, critical, value); // fails alike, with the same effect on this decoder's results
            return;
        }
        take(oid, alone);
    }

    private static ExtensionDecoder alone(String oid, boolean critical, byte[] value) {
        ExtensionDecoder d = new ExtensionDecoder();
        try {
            d.decodeKnown(oid, critical, value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return d;
    }

    /** The result of the {@link #SHARED} extension {@code oid} that {@code alone} decoded, as this decoder's. */
    private void take(String oid, ExtensionDecoder alone) {
        switch (oid) {
            case Oids.BASIC_CONSTRAINTS -> basicConstraints = alone.basicConstraints;
            case Oids.KEY_USAGE -> keyUsage = alone.keyUsage;
            case Oids.EXT_KEY_USAGE -> extendedKeyUsage = alone.extendedKeyUsage;
            case Oids.AUTHORITY_KEY_IDENTIFIER -> {
                authorityKeyIdentifierPresent = alone.authorityKeyIdentifierPresent;
                authorityKeyIdentifier = alone.authorityKeyIdentifier;
            }
            case Oids.AUTHORITY_INFO_ACCESS -> authorityInfoAccess = alone.authorityInfoAccess;
            case Oids.CRL_DISTRIBUTION_POINTS -> crlDistributionPoints = alone.crlDistributionPoints;
            case Oids.CERTIFICATE_POLICIES -> certificatePolicies = alone.certificatePolicies;
            default -> throw new IllegalArgumentException(oid + " is not a shared extension");
        }
    }

    private void decodeUnknown(String oid, byte[] value) {
        // CT extensions are not in Apple's known list; their content matters only to the CT checks (§8)
        if (oid.equals(Oids.EMBEDDED_SCT_LIST)) {
            sctList = Der.octetStringContents(value); // the DER form every certificate uses, else BC's reading
            if (sctList == null) {
                try {
                    sctList = ASN1OctetString.getInstance(parse(value)).getOctets();
                } catch (java.io.IOException | RuntimeException ex) {
                    sctList = null;
                }
            }
        } else if (oid.equals(Oids.PRECERT_POISON)) {
            precertPoison = true;
        }
    }

    private void decodeKnown(String oid, boolean critical, byte[] value) throws java.io.IOException {
        switch (oid) {
            case Oids.SUBJECT_KEY_IDENTIFIER -> {
                byte[] octets = Der.octetStringContents(value); // the DER form every certificate uses
                subjectKeyIdentifier = octets != null
                        ? octets
                        : ASN1OctetString.getInstance(parse(value)).getOctets();
            }
            case Oids.KEY_USAGE -> {
                // Apple: BIT STRING of 1 or 2 content bytes, unused bits < 8, nothing after it
                ASN1Primitive p = parse(value);
                byte[] enc = p.getEncoded();
                if (enc[0] != 0x03 || enc.length < 4 || enc.length > 5 || (enc[2] & 0xff) >= 8) {
                    throw new IllegalArgumentException("keyUsage is not a 1- or 2-byte BIT STRING");
                }
                int bits = 0;
                for (int i = 3; i < enc.length; i++) {
                    int b = enc[i] & 0xff;
                    for (int j = 0; j < 8; j++) {
                        if ((b & (0x80 >>> j)) != 0) {
                            bits |= 1 << ((i - 3) * 8 + j);
                        }
                    }
                }
                keyUsage = new KeyUsage(bits);
            }
            case Oids.EXT_KEY_USAGE -> {
                List<String> oids = new ArrayList<>();
                for (ASN1Encodable o : ASN1Sequence.getInstance(parse(value))) {
                    oids.add(ASN1ObjectIdentifier.getInstance(o).getId());
                }
                // kept even when empty: the EKU checks read the list, the parse error is reported separately
                extendedKeyUsage = Collections.unmodifiableList(oids);
                if (oids.isEmpty()) {
                    throw new IllegalArgumentException("extKeyUsage is empty (SIZE (1..MAX))");
                }
            }
            case Oids.BASIC_CONSTRAINTS -> {
                ASN1Sequence seq = ASN1Sequence.getInstance(parse(value));
                boolean ca = false;
                Integer pathLen = null;
                int i = 0;
                if (i < seq.size() && seq.getObjectAt(i) instanceof ASN1Boolean b) {
                    ca = b.isTrue();
                    i++;
                }
                if (i < seq.size()) {
                    BigInteger p = ASN1Integer.getInstance(seq.getObjectAt(i)).getValue();
                    if (p.signum() < 0) {
                        throw new IllegalArgumentException("negative pathLenConstraint");
                    }
                    pathLen = clamp(p);
                    i++;
                }
                if (i != seq.size()) {
                    throw new IllegalArgumentException("unexpected content");
                }
                basicConstraints = new BasicConstraints(ca, pathLen);
            }
            case Oids.SUBJECT_ALT_NAME -> {
                SubjectAltName dnsOnly = dnsOnlySan(critical, value);
                subjectAltName =
                        dnsOnly != null ? dnsOnly : decodeSan(critical, ASN1Sequence.getInstance(parse(value)));
            }
            case Oids.NAME_CONSTRAINTS ->
                nameConstraints = decodeNameConstraints(critical, ASN1Sequence.getInstance(parse(value)));
            case Oids.CRL_DISTRIBUTION_POINTS -> {
                ASN1Sequence dps = ASN1Sequence.getInstance(parse(value));
                if (dps.size() == 0) {
                    throw new IllegalArgumentException("no distribution point");
                }
                for (ASN1Encodable o : dps) {
                    ASN1Sequence dp = ASN1Sequence.getInstance(o);
                    boolean nameOrIssuer = false;
                    for (ASN1Encodable f : dp) {
                        ASN1TaggedObject t = ASN1TaggedObject.getInstance(f);
                        if (t.getTagNo() == 0) {
                            nameOrIssuer = true;
                            ASN1TaggedObject name = ASN1TaggedObject.getInstance(t.getExplicitBaseObject());
                            if (name.getTagNo() == 0) {
                                ASN1Sequence.getInstance(name, false).forEach(GeneralNameReader::read);
                            } else if (name.getTagNo() != 1) {
                                throw new IllegalArgumentException("bad DistributionPointName");
                            }
                        } else if (t.getTagNo() == 2) {
                            nameOrIssuer = true;
                            ASN1Sequence.getInstance(t, false).forEach(GeneralNameReader::read);
                        }
                    }
                    if (!nameOrIssuer) {
                        throw new IllegalArgumentException("distribution point has neither name nor cRLIssuer");
                    }
                }
                crlDistributionPoints = true;
            }
            case Oids.CERTIFICATE_POLICIES -> {
                List<String> oids = new ArrayList<>();
                for (ASN1Encodable o : ASN1Sequence.getInstance(parse(value))) {
                    oids.add(PolicyInformation.getInstance(o)
                            .getPolicyIdentifier()
                            .getId());
                }
                if (oids.isEmpty()) {
                    throw new IllegalArgumentException("certificatePolicies is empty");
                }
                certificatePolicies = Collections.unmodifiableList(oids);
            }
            case Oids.POLICY_MAPPINGS -> {
                List<PolicyMapping> maps = new ArrayList<>();
                for (ASN1Encodable o : ASN1Sequence.getInstance(parse(value))) {
                    ASN1Sequence m = ASN1Sequence.getInstance(o);
                    if (m.size() != 2) {
                        throw new IllegalArgumentException("policy mapping is not a pair");
                    }
                    maps.add(new PolicyMapping(
                            ASN1ObjectIdentifier.getInstance(m.getObjectAt(0)).getId(),
                            ASN1ObjectIdentifier.getInstance(m.getObjectAt(1)).getId()));
                }
                if (maps.isEmpty()) {
                    throw new IllegalArgumentException("policyMappings is empty");
                }
                policyMappings = Collections.unmodifiableList(maps);
            }
            case Oids.POLICY_CONSTRAINTS -> {
                Integer require = null;
                Integer inhibit = null;
                for (ASN1Encodable o : ASN1Sequence.getInstance(parse(value))) {
                    ASN1TaggedObject t = ASN1TaggedObject.getInstance(o);
                    BigInteger v = ASN1Integer.getInstance(t, false).getValue();
                    if (t.getTagNo() == 0 && require == null && inhibit == null) {
                        require = clamp(v);
                    } else if (t.getTagNo() == 1 && inhibit == null) {
                        inhibit = clamp(v);
                    } else {
                        throw new IllegalArgumentException("unexpected policyConstraints field");
                    }
                }
                policyConstraints = new PolicyConstraints(require, inhibit);
            }
            case Oids.INHIBIT_ANY_POLICY ->
                inhibitAnyPolicy = clamp(ASN1Integer.getInstance(parse(value)).getValue());
            case Oids.AUTHORITY_KEY_IDENTIFIER -> {
                AuthorityKeyIdentifier aki = AuthorityKeyIdentifier.getInstance(parse(value));
                if ((aki.getAuthorityCertIssuer() == null) != (aki.getAuthorityCertSerialNumber() == null)) {
                    throw new IllegalArgumentException(
                            "authorityCertIssuer and authorityCertSerialNumber must come together");
                }
                authorityKeyIdentifierPresent = true;
                authorityKeyIdentifier = aki.getKeyIdentifier();
            }
            case Oids.AUTHORITY_INFO_ACCESS -> {
                List<String> issuers = new ArrayList<>();
                List<String> ocsp = new ArrayList<>();
                ASN1Sequence ads = ASN1Sequence.getInstance(parse(value));
                if (ads.size() == 0) {
                    throw new IllegalArgumentException("no AccessDescription");
                }
                for (ASN1Encodable o : ads) {
                    ASN1Sequence ad = ASN1Sequence.getInstance(o);
                    if (ad.size() != 2) {
                        throw new IllegalArgumentException("AccessDescription is not a pair");
                    }
                    String method =
                            ASN1ObjectIdentifier.getInstance(ad.getObjectAt(0)).getId();
                    boolean isIssuers = method.equals(Oids.AD_CA_ISSUERS);
                    if (!isIssuers && !method.equals(Oids.AD_OCSP)) {
                        continue;
                    }
                    // Apple accepts only a primitive [6] URI here (its constructed-[6] leniency is
                    // disabled for AIA), anything else makes the whole extension unparseable
                    GeneralNameReader.Name loc = GeneralNameReader.read(ad.getObjectAt(1));
                    if (loc.form() != GeneralNameReader.URI || loc.constructed()) {
                        throw new IllegalArgumentException("accessLocation is not a primitive [6] URI");
                    }
                    (isIssuers ? issuers : ocsp).add(new String(loc.octets(), StandardCharsets.ISO_8859_1));
                }
                authorityInfoAccess = new AuthorityInfoAccess(issuers, ocsp);
            }
            case Oids.OCSP_NO_CHECK -> ocspNoCheck = true; // Apple's parser accepts any content
            default -> {
                // known but content irrelevant to the simulator (privateKeyUsagePeriod, SIA, qcStatements, ...)
            }
        }
    }

    private static ASN1Primitive parse(byte[] value) throws java.io.IOException {
        return Asn1.parse(value); // rejects trailing data
    }

    private static Integer clamp(BigInteger v) {
        if (v.signum() < 0) {
            throw new IllegalArgumentException("negative integer");
        }
        return v.bitLength() < 31 ? v.intValue() : Integer.MAX_VALUE;
    }

    private static boolean isAscii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A subjectAltName of dNSNames alone (the common server certificate's) in DER — minimal lengths, primitive
     * {@code [2]}s, nothing after the SEQUENCE — of ASCII text, read from its bytes: what {@link #decodeSan} makes of
     * Bouncy Castle's parse of them (each name's contents as characters). Null for anything else (that reading decides).
     */
    static SubjectAltName dnsOnlySan(boolean critical, byte[] value) {
        if (value.length < 2 || value[0] != 0x30) {
            return null;
        }
        long names = Der.minimalHeader(value, 0, value.length);
        if (names < 0 || Der.contentEnd(names) != value.length) {
            return null;
        }
        List<String> dns = new ArrayList<>();
        for (int at = Der.contentStart(names); at < value.length; ) {
            long name = value[at] == (byte) 0x82 ? Der.minimalHeader(value, at, value.length) : -1;
            if (name < 0) {
                return null;
            }
            int from = Der.contentStart(name);
            at = Der.contentEnd(name);
            for (int i = from; i < at; i++) {
                if (value[i] < 0) {
                    return null;
                }
            }
            dns.add(new String(value, from, at - from, StandardCharsets.US_ASCII));
        }
        return new SubjectAltName(critical, dns, true, List.of(), true, List.of(), List.of(), List.of(), 0, 0);
    }

    static SubjectAltName decodeSan(boolean critical, ASN1Sequence names) {
        List<String> dns = new ArrayList<>();
        boolean utf8 = true;
        List<byte[]> ips = new ArrayList<>();
        boolean ipLengthsOk = true;
        List<String> emails = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        List<DistinguishedName> dirs = new ArrayList<>();
        int other = 0;
        int otherForms = 0;
        for (ASN1Encodable o : names) {
            GeneralNameReader.Name gn = GeneralNameReader.read(o);
            switch (gn.form()) {
                case GeneralNameReader.DNS -> {
                    byte[] raw = gn.octets();
                    if (isAscii(raw)) {
                        dns.add(new String(raw, StandardCharsets.US_ASCII)); // what strict UTF-8 decoding gives
                    } else {
                        try {
                            dns.add(StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPORT)
                                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                                    .decode(ByteBuffer.wrap(raw))
                                    .toString());
                        } catch (CharacterCodingException ex) {
                            utf8 = false;
                            dns.add(new String(raw, StandardCharsets.ISO_8859_1));
                        }
                    }
                }
                case GeneralNameReader.IP -> {
                    byte[] ip = gn.octets();
                    ipLengthsOk &= ip.length == 4 || ip.length == 16;
                    ips.add(ip);
                }
                case GeneralNameReader.RFC822 -> emails.add(latin1(gn.octets()));
                case GeneralNameReader.URI -> uris.add(latin1(gn.octets()));
                case GeneralNameReader.DIRECTORY -> dirs.add(DistinguishedName.from(gn.directoryName()));
                case GeneralNameReader.OTHER_NAME -> other++;
                default -> otherForms++;
            }
        }
        return new SubjectAltName(critical, dns, utf8, ips, ipLengthsOk, emails, uris, dirs, other, otherForms);
    }

    private static NameConstraints decodeNameConstraints(boolean critical, ASN1Sequence seq) {
        NameConstraints.Subtrees permitted = null;
        NameConstraints.Subtrees excluded = null;
        for (ASN1Encodable o : seq) {
            ASN1TaggedObject t = ASN1TaggedObject.getInstance(o);
            ASN1Sequence subtrees = ASN1Sequence.getInstance(t, false);
            if (t.getTagNo() == 0 && permitted == null && excluded == null) {
                permitted = decodeSubtrees(subtrees);
            } else if (t.getTagNo() == 1 && excluded == null) {
                excluded = decodeSubtrees(subtrees);
            } else {
                throw new IllegalArgumentException("unexpected nameConstraints field");
            }
        }
        NameConstraints.Subtrees none =
                new NameConstraints.Subtrees(List.of(), List.of(), List.of(), List.of(), List.of(), 0);
        return new NameConstraints(critical, permitted == null ? none : permitted, excluded == null ? none : excluded);
    }

    private static NameConstraints.Subtrees decodeSubtrees(ASN1Sequence subtrees) {
        List<String> dns = new ArrayList<>();
        List<NameConstraints.IpSubtree> ips = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        List<DistinguishedName> dirs = new ArrayList<>();
        int unsupported = 0;
        for (ASN1Encodable o : subtrees) {
            GeneralNameReader.Name gn;
            try {
                gn = GeneralNameReader.read(GeneralSubtreeBase.of(o));
            } catch (NameConstraintsFormatException e) {
                throw e;
            } catch (IllegalArgumentException | IllegalStateException e) {
                unsupported++; // Apple stores subtree names raw; an odd one only matters when matched
                continue;
            }
            switch (gn.form()) {
                case GeneralNameReader.DNS -> dns.add(latin1(gn.octets()));
                case GeneralNameReader.RFC822 -> emails.add(latin1(gn.octets()));
                case GeneralNameReader.URI -> uris.add(latin1(gn.octets()));
                case GeneralNameReader.DIRECTORY -> dirs.add(DistinguishedName.from(gn.directoryName()));
                case GeneralNameReader.IP -> {
                    byte[] b = gn.octets();
                    if (b.length == 8 || b.length == 32) {
                        int h = b.length / 2;
                        ips.add(new NameConstraints.IpSubtree(
                                java.util.Arrays.copyOf(b, h), java.util.Arrays.copyOfRange(b, h, b.length)));
                    } else {
                        unsupported++;
                    }
                }
                default -> unsupported++;
            }
        }
        return new NameConstraints.Subtrees(dns, ips, emails, uris, dirs, unsupported);
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** A structural nameConstraints error (as opposed to an odd name form, which is only counted). */
    private static final class NameConstraintsFormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NameConstraintsFormatException(String message) {
            super(message, null, false, false);
        }
    }

    /** GeneralSubtree ::= SEQUENCE { base GeneralName, minimum [0] DEFAULT 0, maximum [1] OPTIONAL }. */
    private static final class GeneralSubtreeBase {
        static ASN1Encodable of(ASN1Encodable subtree) {
            ASN1Sequence s = ASN1Sequence.getInstance(subtree);
            if (s.size() < 1 || s.size() > 3) {
                throw new IllegalArgumentException("GeneralSubtree has " + s.size() + " fields");
            }
            // RFC 5280 4.2.1.10 as Apple enforces it: minimum must be 0, maximum absent
            for (int i = 1; i < s.size(); i++) {
                ASN1TaggedObject t = ASN1TaggedObject.getInstance(s.getObjectAt(i));
                if (t.getTagNo() != 0
                        || ASN1Integer.getInstance(t, false).getValue().signum() != 0) {
                    throw new NameConstraintsFormatException("GeneralSubtree minimum must be 0 and maximum absent");
                }
            }
            return s.getObjectAt(0);
        }
    }
}
