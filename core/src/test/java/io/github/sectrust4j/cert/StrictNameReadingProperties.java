package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERT61String;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * A Name read straight from its strict DER ({@link DistinguishedName#fromStrictDer}, what {@link StrictTbsReader}
 * does with a certificate's subject) answers every accessor exactly as {@link DistinguishedName#from} of Bouncy
 * Castle's parse of the same bytes — encoding, attributes, Apple's key, readable form (with every character Bouncy
 * Castle escapes), equality — or is not read that way (another shape: several or no attributes in an RDN, another
 * string type, non-ASCII text). Also through whole certificates: a subject read strictly equals Bouncy Castle's reading.
 */
class StrictNameReadingProperties {
    private static final List<ASN1ObjectIdentifier> OIDS = List.of(
            new ASN1ObjectIdentifier("2.5.4.3"), // CN
            new ASN1ObjectIdentifier("2.5.4.10"), // O
            new ASN1ObjectIdentifier("2.5.4.11"), // OU
            new ASN1ObjectIdentifier("2.5.4.6"), // C
            new ASN1ObjectIdentifier("2.5.4.5"), // serialNumber ("SERIALNUMBER")
            new ASN1ObjectIdentifier("1.2.840.113549.1.9.1"), // emailAddress ("E")
            new ASN1ObjectIdentifier("0.9.2342.19200300.100.1.25"), // DC
            new ASN1ObjectIdentifier("1.3.6.1.4.1.311.60.2.1.3"), // jurisdictionC
            new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.9.10000")); // no label: shown as the OID

    @Property(tries = 3000)
    void aNameReadFromItsBytes_answersAsTheParsedName(@ForAll("names") DERSequence name) throws IOException {
        byte[] der = name.getEncoded(ASN1Encoding.DER);
        DistinguishedName parsed = DistinguishedName.from(Asn1.parse(der));
        DistinguishedName read = DistinguishedName.fromStrictDer(der, 0, der.length);
        String outcome;
        if (read == null) {
            outcome = "not the shape";
        } else {
            // how the readable form came about, asked before toString() builds it
            outcome = read.textKnown() ? "read, plain text" : "read, text from the parse";
            assertSameName(read, parsed);
        }
        Statistics.label("reading").collect(outcome);
        Statistics.label("rdns").collect(Math.min(name.size(), 3));
        Statistics.label("reading").coverage(c -> {
            c.check("read, plain text").percentage(p -> p > 20);
            c.check("read, text from the parse").percentage(p -> p > 10);
            c.check("not the shape").percentage(p -> p > 10);
        });
        Statistics.label("rdns").coverage(c -> {
            c.check(0).count(n -> n > 0);
            c.check(3).percentage(p -> p > 10);
        });
    }

    /** The same Name in a certificate: the strict reading (the subject read from its bytes) answers as BC's. */
    @Property(tries = 300)
    void aCertificatesSubject_readStrictly_equalsBouncyCastlesReading(@ForAll("names") DERSequence name) {
        TestCerts.Tbs tbs = TestCerts.tbs();
        tbs.subject = name;
        byte[] der = tbs.der();
        Certificate strict = Certificate.parse(der);
        Certificate bc = Certificate.parseByBouncyCastle(der);
        byte[] nameDer = strict.subject().der();
        boolean common = DistinguishedName.fromStrictDer(nameDer, 0, nameDer.length) != null;
        Statistics.collect(StrictTbsReaderProperties.readStrictly(der) ? (common ? "strict, read" : "strict") : "bc");
        Statistics.coverage(c -> {
            c.check("strict, read").percentage(p -> p > 20);
            c.check("strict").count(n -> n > 0);
            c.check("bc").count(n -> n > 0);
        });
        assertSameName(strict.subject(), bc.subject());
        assertThat(strict.normalizedSubject()).isEqualTo(bc.normalizedSubject());
        assertThat(strict.displayName()).isEqualTo(bc.displayName());
        assertThat(strict.isSelfIssued()).isEqualTo(bc.isSelfIssued());
    }

    /** Each escaped character, a leading '#' and blanks at either end: the readable form is Bouncy Castle's. */
    @Example
    void escapedCharacters_showAsBouncyCastleShowsThem() throws IOException {
        for (String v : List.of(
                "a,b", "a\"b", "a\\b", "a+b", "a=b", "a<b", "a>b", "a;b", "#ab", "a#b", " ab", "ab ", "a  b", "")) {
            DERSequence name = new DERSequence(
                    new DERSet(new DERSequence(new ASN1Encodable[] {OIDS.get(0), new DERUTF8String(v)})));
            byte[] der = name.getEncoded(ASN1Encoding.DER);
            DistinguishedName read = DistinguishedName.fromStrictDer(der, 0, der.length);
            assertThat(read).as(v).isNotNull();
            assertSameName(read, DistinguishedName.from(Asn1.parse(der)));
        }
    }

    private static void assertSameName(DistinguishedName read, DistinguishedName parsed) {
        assertThat(read.der()).isEqualTo(parsed.der());
        assertThat(read.rdns()).isEqualTo(parsed.rdns());
        assertThat(read.normalized()).isEqualTo(parsed.normalized());
        assertThat(read.toString()).isEqualTo(parsed.toString());
        assertThat(read.commonNames()).isEqualTo(parsed.commonNames());
        assertThat(read.emailAddresses()).isEqualTo(parsed.emailAddresses());
        assertThat(read.isEmpty()).isEqualTo(parsed.isEmpty());
        assertThat(read).isEqualTo(parsed).hasSameHashCodeAs(parsed);
    }

    @Provide
    Arbitrary<DERSequence> names() {
        // mostly one attribute per RDN (the common shape); several, or none, are read by Bouncy Castle
        return NameArbitraries.names(OIDS, value(), 40, 2, 30);
    }

    private Arbitrary<ASN1Primitive> value() {
        // mostly characters shown as they are, some that Bouncy Castle escapes, some beyond ASCII
        Arbitrary<Character> c = Arbitraries.frequencyOf(
                Tuple.of(60, Arbitraries.chars().with("aAzZ09.-_*'()/:@&!?%~")),
                Tuple.of(3, Arbitraries.chars().with(" \t")),
                Tuple.of(1, Arbitraries.chars().with(",\"\\+=<>;#")),
                Tuple.of(1, Arbitraries.chars().with("\u0000\u001f\u007f\u00e9\u65e5")));
        Arbitrary<String> text = c.list().ofMaxSize(10).map(cs -> {
            StringBuilder b = new StringBuilder();
            cs.forEach(b::append);
            return b.toString();
        });
        return Arbitraries.frequencyOf(
                Tuple.of(16, text.map(DERPrintableString::new)),
                Tuple.of(24, text.map(DERUTF8String::new)),
                Tuple.of(12, text.map(DERIA5String::new)),
                Tuple.of(1, text.map(DERBMPString::new)),
                Tuple.of(1, text.map(DERT61String::new)),
                Tuple.of(1, Arbitraries.just(new DERGeneralizedTime("20200101000000Z"))),
                Tuple.of(1, Arbitraries.integers().between(-5, 500).map(ASN1Integer::new)));
    }
}
