package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.primitives.Bytes;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.scenario.Scenario;
import io.github.sectrust4j.fixtures.scenario.ScenarioCatalog;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * A certificate read by {@link StrictTbsReader} answers every accessor exactly as the same DER read by Bouncy
 * Castle's parse alone ({@link Certificate#parseByBouncyCastle}); damaged DER is refused with the same message, or
 * parses alike (by whichever reading takes it).
 */
class StrictTbsReaderProperties {
    /** The scenario catalogue's certificates (leaves with SCTs, CAs, odd extensions) and real Apple roots. */
    static final List<byte[]> SEEDS = seeds();

    private static List<byte[]> seeds() {
        Map<String, byte[]> byHex = new LinkedHashMap<>();
        for (Scenario s : ScenarioCatalog.all()) {
            Stream.of(s.chain(), s.anchors(), s.extraSystemRoots())
                    .flatMap(List::stream)
                    .map(HeldCertificate::der)
                    .forEach(d -> byHex.putIfAbsent(HexFormat.of().formatHex(d), d));
        }
        CertificateRobustnessProperties.SEEDS.forEach(
                d -> byHex.putIfAbsent(HexFormat.of().formatHex(d), d));
        return List.copyOf(byHex.values());
    }

    @Provide
    Arbitrary<byte[]> seed() {
        return Arbitraries.of(SEEDS);
    }

    @Property(tries = 300)
    void certificates_readStrictly_answerAsBouncyCastlesReading(@ForAll("seed") byte[] der) {
        Statistics.label("reading").collect(readStrictly(der) ? "strict" : "bouncy castle");
        Statistics.label("reading").coverage(c -> c.check("strict").percentage(p -> p > 90));
        assertSameOutcome(der);
    }

    @Property(tries = 600)
    void flippedBytes_sameOutcome(
            @ForAll("seed") byte[] seed,
            @ForAll @IntRange(min = 0, max = 100_000) int pos,
            @ForAll @IntRange(min = 1, max = 255) int xor,
            @ForAll @IntRange(min = 1, max = 3) int count) {
        byte[] d = seed.clone();
        for (int i = 0; i < count; i++) {
            d[(pos + i * 7919) % d.length] ^= (byte) xor;
        }
        Statistics.collect(assertSameOutcome(d));
        Statistics.coverage(c -> {
            c.check("parsed, strict").count(n -> n > 0);
            c.check("parsed, bouncy castle").count(n -> n > 0);
            c.check("refused").count(n -> n > 0);
        });
    }

    @Property(tries = 300)
    void insertedOrCutBytes_sameOutcome(
            @ForAll("seed") byte[] seed,
            @ForAll @IntRange(min = 0, max = 100_000) int pos,
            @ForAll @IntRange(min = 0, max = 3) int cut,
            @ForAll byte[] insert) {
        int at = pos % seed.length;
        int removed = Math.min(cut, seed.length - at);
        byte[] d = new byte[seed.length - removed + insert.length];
        System.arraycopy(seed, 0, d, 0, at);
        System.arraycopy(insert, 0, d, at, insert.length);
        System.arraycopy(seed, at + removed, d, at + insert.length, seed.length - at - removed);
        if (d.length == 0) {
            return;
        }
        Statistics.collect(assertSameOutcome(d));
        Statistics.coverage(c -> c.check("refused").count(n -> n > 0));
    }

    /**
     * Damage that keeps the lengths consistent ({@link DerTreeMutation}) reaches the reader's rules inside the
     * certificate (flipped bytes mostly stop at the outer lengths): both readings still refuse alike or answer alike.
     * In review, removing one of the reader's rules (minimal INTEGERs) was caught by this kind of damage at once and
     * by flipped bytes once in 20 runs.
     */
    @Property(tries = 1_500)
    void structuredDamage_sameOutcome(@ForAll("seed") byte[] seed, @ForAll long randomSeed) {
        byte[] d = DerTreeMutation.mutate(seed, new java.util.Random(randomSeed));
        Statistics.collect(d == null || d.length == 0 ? "not mutated" : assertSameOutcome(d));
        Statistics.coverage(c -> {
            c.check("parsed, strict").percentage(p -> p > 15);
            c.check("parsed, bouncy castle").percentage(p -> p > 2);
            c.check("refused").percentage(p -> p > 15);
            c.check("not mutated").percentage(p -> p < 5);
        });
    }

    /**
     * Each part of the holder's shape is needed: a certificate outside it is parsed to answer, and Bouncy Castle's
     * holder refuses each of these (version 1 with extensions, version 2 with extensions, a repeated extension, an
     * RDN that is not a SET), while the same certificate inside the shape is known to parse.
     */
    @Example
    void holderShape_eachRuleDecides() {
        org.bouncycastle.asn1.x509.BasicConstraints bc = new org.bouncycastle.asn1.x509.BasicConstraints(false);
        assertThat(assertHolderPromise(
                        TestCerts.tbs().ext(Oids.BASIC_CONSTRAINTS, true, bc).der()))
                .isEqualTo("known from the shape");
        TestCerts.Tbs v1 = TestCerts.tbs().ext(Oids.BASIC_CONSTRAINTS, true, bc);
        v1.version = null;
        TestCerts.Tbs v2 = TestCerts.tbs().ext(Oids.BASIC_CONSTRAINTS, true, bc);
        v2.version = 1;
        TestCerts.Tbs repeated =
                TestCerts.tbs().ext(Oids.BASIC_CONSTRAINTS, true, bc).ext(Oids.BASIC_CONSTRAINTS, true, bc);
        TestCerts.Tbs rdnNotSet = TestCerts.tbs();
        rdnNotSet.issuer = new org.bouncycastle.asn1.DERSequence(
                new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    new org.bouncycastle.asn1.ASN1ObjectIdentifier("2.5.4.3"),
                    new org.bouncycastle.asn1.DERUTF8String("Test")
                }));
        for (TestCerts.Tbs t : List.of(v1, v2, repeated, rdnNotSet)) {
            byte[] der = t.der();
            assertThat(readStrictly(der)).as("read strictly").isTrue();
            assertThat(assertHolderPromise(der)).isEqualTo("parsed: refused");
        }
        TestCerts.Tbs v1Plain = TestCerts.tbs();
        v1Plain.version = null;
        assertThat(assertHolderPromise(v1Plain.der())).isEqualTo("parsed: parses");
    }

    /**
     * Each rule of the strict subset sends what it does not take to Bouncy Castle's reading (or to its refusal), never
     * reads it otherwise: a non-minimal INTEGER, a long-form length that fits the short form, a BIT STRING with unused
     * bits.
     */
    @Example
    void eachRuleOfTheSubset_leavesTheRestToBouncyCastle() throws Exception {
        TestCerts.Tbs t = TestCerts.tbs().extRaw(Oids.BASIC_CONSTRAINTS, true, new byte[] {0x30, 0x00});
        byte[] der = t.der();
        assertThat(assertSameOutcome(der)).isEqualTo("parsed, strict");
        Der.Tlv outer = Der.read(der, 0, der.length);
        Der.Tlv tbs = Der.read(der, outer.contentStart(), outer.end());
        Der.Tlv sigAlg = Der.read(der, tbs.end(), outer.end());
        byte[] algorithm = java.util.Arrays.copyOfRange(der, tbs.end(), sigAlg.end());
        byte[] signature = java.util.Arrays.copyOfRange(der, sigAlg.end(), outer.end());
        byte[] unusedBit = signature.clone();
        unusedBit[Der.read(der, sigAlg.end(), outer.end()).contentStart() - sigAlg.end()] = 0x01;
        byte[] critical = {0x01, 0x01, (byte) 0xff};
        List<byte[]> damaged = List.of(
                // the serial 4711 (02 02 12 67) with a needless leading 00
                DerTreeMutation.replace(
                        der, new byte[] {0x02, 0x02, 0x12, 0x67}, new byte[] {0x02, 0x03, 0, 0x12, 0x67}, 0),
                // an AlgorithmIdentifier's length in long form (81 xx) where the short form fits
                DerTreeMutation.replace(der, algorithm, algorithm, 1),
                // the signatureValue BIT STRING with one unused bit
                DerTreeMutation.replace(der, signature, unusedBit, 0));
        for (byte[] d : damaged) {
            assertThat(readStrictly(d)).as(HexFormat.of().formatHex(d)).isFalse();
            assertThat(assertSameOutcome(d)).isIn("refused", "parsed, bouncy castle");
        }
        // a critical flag written FALSE (DER omits a DEFAULT value) is read by both alike, whichever takes it
        assertSameOutcome(DerTreeMutation.replace(der, critical, new byte[] {0x01, 0x01, 0x00}, 0));
    }

    /** A critical flag encoded 01 instead of FF (BER's TRUE): outside the subset, so Bouncy Castle reads it. */
    @Example
    void berTrue_isLeftToBouncyCastle_andParsesAlike() {
        byte[] der = SEEDS.stream()
                .filter(d -> Bytes.indexOf(d, new byte[] {0x01, 0x01, (byte) 0xff}) > 0)
                .findFirst()
                .orElseThrow()
                .clone();
        der[Bytes.indexOf(der, new byte[] {0x01, 0x01, (byte) 0xff}) + 2] = 0x01;
        assertThat(readStrictly(der)).isFalse();
        assertThat(assertSameOutcome(der)).isEqualTo("parsed, bouncy castle");
    }

    /** The issuer and the key are decoded on first use, from the DER, to what the eager reading decodes. */
    @Example
    void issuerAndKey_decodedOnFirstUse() {
        byte[] der = SEEDS.stream()
                .filter(d -> readStrictly(d) && !Certificate.parse(d).isSelfIssued())
                .findFirst()
                .orElseThrow();
        Certificate strict = Certificate.parse(der);
        assertThat(strict.detailsBuilt()).isFalse();
        Certificate eager = Certificate.parseByBouncyCastle(der);
        assertThat(strict.issuer()).isEqualTo(eager.issuer());
        assertThat(strict.issuer().toString()).isEqualTo(eager.issuer().toString());
        assertThat(strict.publicKey()).isEqualTo(eager.publicKey());
        assertThat(strict.detailsBuilt()).isTrue();
        assertThat(strict.publicKey()).isSameAs(strict.publicKey());
    }

    /**
     * Extensions a CA writes alike into its certificates are decoded once per encoding; one that fails to decode is
     * never kept and fails each time with the same effect (an empty extKeyUsage is kept as the list it is, and the
     * extension counts as unparseable), whichever certificate holds it and in whichever order.
     */
    @Example
    void sharedExtensions_decodedOncePerEncoding_failuresAlike() {
        byte[] eku = {0x30, 0x0a, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01};
        byte[] emptyEku = {0x30, 0x00};
        byte[] bc = {0x30, 0x00};
        byte[] first = TestCerts.tbs()
                .extRaw(Oids.BASIC_CONSTRAINTS, true, bc)
                .extRaw(Oids.EXT_KEY_USAGE, false, eku)
                .der();
        TestCerts.Tbs second = TestCerts.tbs()
                .extRaw(Oids.BASIC_CONSTRAINTS, true, bc)
                .extRaw(Oids.EXT_KEY_USAGE, false, eku)
                .extRaw(Oids.EXT_KEY_USAGE, false, emptyEku);
        second.serial = java.math.BigInteger.valueOf(4712);
        byte[] secondDer = second.der();
        for (byte[] der : List.of(first, secondDer, first, secondDer)) {
            assertThat(readStrictly(der)).isTrue();
            assertThat(assertSameOutcome(der)).isEqualTo("parsed, strict");
        }
        Certificate a = Certificate.parse(first);
        Certificate b = Certificate.parse(secondDer);
        assertThat(b.basicConstraints().orElseThrow())
                .isSameAs(a.basicConstraints().orElseThrow());
        assertThat(a.extendedKeyUsage().orElseThrow()).containsExactly(Oids.EKU_SERVER_AUTH);
        assertThat(b.extendedKeyUsage().orElseThrow()).isEmpty(); // the last occurrence, decoded as far as it went
        assertThat(b.unparseableExtensions()).containsExactly(Oids.EXT_KEY_USAGE);
        assertThat(b.duplicateExtensions()).containsExactly(Oids.EXT_KEY_USAGE);
    }

    /**
     * The strict reading names the id-ce extensions 2.5.29.n with one-byte n without a lookup: every such OID, and the
     * first ones past it (two-byte n, looked up), reads as Bouncy Castle's parse names it.
     */
    @Example
    void idCeExtensionOids_readAsBouncyCastleReadsThem() {
        for (int n = 0; n < 131; n++) {
            String oid = "2.5.29." + n;
            byte[] der =
                    TestCerts.tbs().extRaw(oid, false, new byte[] {0x05, 0x00}).der();
            assertThat(readStrictly(der)).as(oid).isTrue();
            assertThat(assertSameOutcome(der)).as(oid).isEqualTo("parsed, strict");
            assertThat(Certificate.parse(der).extensions().get(0).oid()).isEqualTo(oid);
        }
    }

    /** Whether {@link StrictTbsReader} reads {@code der} (else Bouncy Castle's reading decides). */
    static boolean readStrictly(byte[] der) {
        try {
            Der.Tlv outer = Der.read(der, 0, der.length);
            Der.Tlv tbs = Der.read(der, outer.contentStart(), outer.end());
            Der.Tlv sigAlg = Der.read(der, tbs.end(), outer.end());
            Der.Tlv sigValue = Der.read(der, sigAlg.end(), outer.end());
            return outer.tag() == 0x30
                    && outer.end() == der.length
                    && tbs.tag() == 0x30
                    && sigAlg.tag() == 0x30
                    && sigValue.tag() == 0x03
                    && sigValue.end() == outer.end()
                    && StrictTbsReader.read(der, tbs, sigAlg, sigValue) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Both readings refuse alike or answer alike; which outcome it was. */
    private static String assertSameOutcome(byte[] der) {
        Certificate strict;
        Certificate bc;
        CertificateInputException strictError = null;
        CertificateInputException bcError = null;
        try {
            strict = Certificate.parse(der);
        } catch (CertificateInputException e) {
            strict = null;
            strictError = e;
        }
        try {
            bc = Certificate.parseByBouncyCastle(der);
        } catch (CertificateInputException e) {
            bc = null;
            bcError = e;
        }
        if (bcError != null) {
            assertThat(strictError).as("refused by Bouncy Castle's reading").isNotNull();
            assertThat(strictError.getMessage()).isEqualTo(bcError.getMessage());
            assertThat(strictError.reason()).isEqualTo(bcError.reason());
            assertThat(strictError.index()).isEqualTo(bcError.index());
            return "refused";
        }
        assertThat(strictError).as("parsed by Bouncy Castle's reading").isNull();
        assertThat(strict.detailsBuilt()).isEqualTo(bc.detailsBuilt()).isFalse();
        assertHolderPromise(der);
        assertThat(render(strict)).isEqualTo(render(bc));
        assertThat(strict).isEqualTo(bc);
        return readStrictly(der) ? "parsed, strict" : "parsed, bouncy castle";
    }

    /**
     * {@link Certificate#bouncyCastleHolderParses} of a fresh parse of {@code der} says what Bouncy Castle's own
     * {@code X509CertificateHolder} does with the bytes; how it knew: from the strict reading's shape (nothing
     * parsed) or by parsing.
     */
    static String assertHolderPromise(byte[] der) {
        Certificate fresh = Certificate.parse(der);
        boolean promised = fresh.bouncyCastleHolderParses();
        boolean known = !fresh.detailsBuilt();
        boolean parses;
        try {
            new org.bouncycastle.cert.X509CertificateHolder(der);
            parses = true;
        } catch (java.io.IOException | RuntimeException e) {
            parses = false;
        }
        assertThat(promised).as("holder parses").isEqualTo(parses);
        return known ? "known from the shape" : parses ? "parsed: parses" : "parsed: refused";
    }

    /**
     * The OCSP code asks whether a certificate's holder parses at every position of every path, and a strict reading
     * answers from the certificate's shape without parsing: that answer is Bouncy Castle's, also for damaged and
     * odd certificates (version 1 or 2, unique identifiers, repeated extensions, Names whose RDNs are not SETs).
     */
    @Property(tries = 1_500)
    void holderPromise_isBouncyCastlesAnswer(@ForAll("seed") byte[] seed, @ForAll long randomSeed) {
        byte[] d = DerTreeMutation.mutate(seed, new java.util.Random(randomSeed));
        if (d == null || d.length == 0) {
            d = seed;
        }
        String outcome;
        try {
            outcome = assertHolderPromise(d);
        } catch (CertificateInputException e) {
            outcome = "refused";
        }
        Statistics.collect(outcome);
        Statistics.coverage(c -> {
            c.check("known from the shape").percentage(p -> p > 15);
            c.check("parsed: parses").count(n -> n > 0);
            c.check("parsed: refused").count(n -> n > 0);
        });
    }

    /** Every accessor's answer, rendered so that equal renderings mean equal answers. */
    private static List<String> render(Certificate c) {
        List<String> out = new ArrayList<>();
        add(out, "der", c::der);
        add(out, "tbsDer", c::tbsDer);
        add(out, "sha256", c::sha256Hex);
        add(out, "sha256Upper", c::sha256HexUpperCase);
        add(out, "sha1", c::sha1Hex);
        add(out, "version", c::version);
        add(out, "serial", c::serialNumber);
        add(out, "serialBytes", c::serialNumberBytes);
        add(out, "notBefore", c::notBefore);
        add(out, "notAfter", c::notAfter);
        add(out, "validityLength", c::validityLengthSeconds);
        add(out, "subjectName", c::subjectName);
        add(out, "subject", c::subject);
        add(out, "issuer", c::issuer);
        add(out, "displayName", c::displayName);
        add(out, "normalizedSubject", c::normalizedSubject);
        add(out, "normalizedIssuer", c::normalizedIssuer);
        add(out, "selfIssued", c::isSelfIssued);
        add(out, "v3Ca", c::isV3Ca);
        add(out, "tbsSignatureAlgorithm", c::tbsSignatureAlgorithm);
        add(out, "signatureAlgorithm", c::signatureAlgorithm);
        add(out, "algorithmsDiffer", c::signatureAlgorithmsDiffer);
        add(out, "signatureHash", c::signatureHash);
        add(out, "signatureValue", c::signatureValue);
        add(out, "extensions", c::extensions);
        add(out, "unknownCritical", c::unknownCriticalExtensions);
        add(out, "duplicates", c::duplicateExtensions);
        add(out, "unparseable", c::unparseableExtensions);
        add(out, "basicConstraints", c::basicConstraints);
        add(out, "keyUsage", c::keyUsage);
        add(out, "eku", c::extendedKeyUsage);
        add(out, "san", c::subjectAltName);
        add(out, "nameConstraints", c::nameConstraints);
        add(out, "policies", c::certificatePolicies);
        add(out, "anyPolicy", c::hasAnyPolicy);
        add(out, "policyMappings", c::policyMappings);
        add(out, "policyConstraints", c::policyConstraints);
        add(out, "inhibitAnyPolicy", c::inhibitAnyPolicy);
        add(out, "ski", c::subjectKeyIdentifier);
        add(out, "aki", c::authorityKeyIdentifier);
        add(out, "aia", c::authorityInfoAccess);
        add(out, "crlDp", c::hasCrlDistributionPoints);
        add(out, "ocspNoCheck", c::hasOcspNoCheck);
        add(out, "sctList", c::sctListExtension);
        add(out, "poison", c::hasPrecertPoison);
        add(out, "synthetic", c::isSynthetic);
        add(out, "toString", c::toString);
        add(out, "publicKey", c::publicKey);
        add(out, "bcHolder", () -> c.bouncyCastleHolder().getEncoded());
        return out;
    }

    private static void add(List<String> out, String name, Callable<Object> accessor) {
        String value;
        try {
            value = render(accessor.call());
        } catch (Exception e) {
            value = "threw " + e.getClass().getName() + ": " + e.getMessage();
        }
        out.add(name + " = " + value);
    }

    private static String render(Object o) throws Exception {
        if (o instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        }
        if (o instanceof Optional<?> opt) {
            return opt.isPresent() ? "Optional[" + render(opt.get()) + "]" : "Optional.empty";
        }
        if (o instanceof Collection<?> list) {
            List<String> items = new ArrayList<>();
            for (Object item : list) {
                items.add(render(item));
            }
            return items.toString();
        }
        if (o instanceof DistinguishedName n) {
            return n + " " + render(n.der()) + " " + render(n.rdns()) + " " + render(n.normalized());
        }
        if (o instanceof NormalizedName n) {
            return render(n.key());
        }
        if (o instanceof PublicKeyInfo k) {
            return k + " " + k.algorithm() + " " + k.algorithmOid() + " " + k.parseable() + " " + k.bits() + " "
                    + k.sizeBytes() + " " + k.curveOid() + " " + render(k.spkiDer()) + " " + k.isWeak() + " "
                    + k.meetsSslMinimum() + " " + render(k.subjectPublicKeySha1());
        }
        if (o instanceof Extension e) {
            return e.oid() + " " + e.critical() + " " + render(e.value());
        }
        if (o != null && o.getClass().isRecord()) {
            List<String> parts = new ArrayList<>();
            for (RecordComponent rc : o.getClass().getRecordComponents()) {
                rc.getAccessor().setAccessible(true);
                parts.add(rc.getName() + "=" + render(rc.getAccessor().invoke(o)));
            }
            return o.getClass().getSimpleName() + parts;
        }
        return o == null ? "null" : o.getClass().getSimpleName() + ":" + o;
    }
}
