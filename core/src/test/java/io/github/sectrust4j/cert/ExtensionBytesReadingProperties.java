package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * The extension values read straight from their bytes answer as Bouncy Castle's parse of them, or are left to it: a
 * subjectAltName of dNSNames ({@link ExtensionDecoder#dnsOnlySan}, against {@link ExtensionDecoder#decodeSan} of the
 * parse) and a subjectKeyIdentifier's OCTET STRING ({@link Der#octetStringContents}, against BC's octets), over
 * well-formed values, other name forms, non-ASCII names, long and non-minimal lengths, and damaged bytes.
 */
class ExtensionBytesReadingProperties {
    @Property(tries = 3000)
    void aDnsOnlySubjectAltName_readFromItsBytes_isTheParsedOne(
            @ForAll("sanValues") byte[] value, @ForAll boolean critical) {
        SubjectAltName read = ExtensionDecoder.dnsOnlySan(critical, value);
        SubjectAltName parsed;
        try {
            parsed = ExtensionDecoder.decodeSan(critical, ASN1Sequence.getInstance(Asn1.parse(value)));
        } catch (IOException | RuntimeException e) {
            parsed = null; // unparseable there: it must not be read here
        }
        String outcome;
        if (read != null) {
            assertThat(parsed).as("parsed by Bouncy Castle's reading").isNotNull();
            assertThat(read).isEqualTo(parsed);
            assertThat(read.dnsNames()).isEqualTo(parsed.dnsNames());
            outcome = "read";
        } else {
            outcome = parsed == null ? "left: unparseable" : "left: parsed";
        }
        Statistics.collect(outcome);
        Statistics.coverage(c -> {
            c.check("read").percentage(p -> p > 30);
            c.check("left: parsed").percentage(p -> p > 10);
            c.check("left: unparseable").percentage(p -> p > 5);
        });
    }

    @Property(tries = 2000)
    void anOctetString_readFromItsBytes_isTheParsedOne(@ForAll("octetStrings") byte[] value) {
        byte[] read = Der.octetStringContents(value);
        byte[] parsed;
        try {
            parsed = ASN1OctetString.getInstance(Asn1.parse(value)).getOctets();
        } catch (IOException | RuntimeException e) {
            parsed = null;
        }
        if (read != null) {
            assertThat(parsed).as("parsed by Bouncy Castle's reading").isNotNull();
            assertThat(read).isEqualTo(parsed);
        }
        Statistics.collect(read != null ? "read" : parsed == null ? "left: unparseable" : "left: parsed");
        Statistics.coverage(c -> {
            c.check("read").percentage(p -> p > 30);
            c.check("left: parsed").count(n -> n > 0);
            c.check("left: unparseable").percentage(p -> p > 5);
        });
    }

    @Provide
    Arbitrary<byte[]> sanValues() {
        Arbitrary<GeneralName> dns = Arbitraries.frequencyOf(
                        Tuple.of(20, Arbitraries.strings().withChars("abz09.-*").ofMaxLength(300)),
                        Tuple.of(
                                1,
                                Arbitraries.strings().withChars("a\u00e9\u65e5").ofMaxLength(5)))
                .map(s -> new GeneralName(GeneralName.dNSName, new DEROctetString(s.getBytes(StandardCharsets.UTF_8))));
        Arbitrary<GeneralName> rawDns = Arbitraries.bytes()
                .array(byte[].class)
                .ofMaxSize(4)
                .map(b -> new GeneralName(GeneralName.dNSName, new DEROctetString(b)));
        Arbitrary<GeneralName> other = Arbitraries.oneOf(
                Arbitraries.just(new GeneralName(GeneralName.iPAddress, new DEROctetString(new byte[] {10, 0, 0, 1}))),
                Arbitraries.just(new GeneralName(GeneralName.rfc822Name, "a@b.example")),
                Arbitraries.just(new GeneralName(GeneralName.uniformResourceIdentifier, "https://a.example/")),
                Arbitraries.just(new GeneralName(new X500Name("CN=dir"))));
        Arbitrary<List<GeneralName>> names = Arbitraries.frequencyOf(
                        Tuple.of(12, dns), Tuple.of(2, rawDns), Tuple.of(1, other))
                .list()
                .ofMaxSize(4);
        Arbitrary<byte[]> encoded = names.map(list -> der(new DERSequence(list.toArray(ASN1Encodable[]::new))));
        return Arbitraries.frequencyOf(
                Tuple.of(6, encoded),
                Tuple.of(2, Arbitraries.longs().flatMap(seed -> encoded.map(d -> damaged(d, new Random(seed))))),
                Tuple.of(1, encoded.map(ExtensionBytesReadingProperties::longFormFirstName)),
                Tuple.of(1, encoded.map(ExtensionBytesReadingProperties::constructedFirstName)));
    }

    @Provide
    Arbitrary<byte[]> octetStrings() {
        Arbitrary<byte[]> encoded =
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(b -> der(new DEROctetString(b)));
        return Arbitraries.frequencyOf(
                Tuple.of(6, encoded),
                Tuple.of(3, Arbitraries.longs().flatMap(seed -> encoded.map(d -> damaged(d, new Random(seed))))),
                Tuple.of(1, encoded.map(d -> nonMinimal(d, 0))),
                Tuple.of(1, encoded.map(d -> der(new DERTaggedObject(false, 4, new DEROctetString(d))))));
    }

    private static byte[] der(ASN1Encodable e) {
        try {
            return e.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** A byte changed, cut or appended. */
    private static byte[] damaged(byte[] d, Random r) {
        int at = r.nextInt(d.length);
        return switch (r.nextInt(3)) {
            case 0 -> {
                byte[] c = d.clone();
                c[at] ^= (byte) (1 + r.nextInt(255));
                yield c;
            }
            case 1 -> Arrays.copyOf(d, at);
            default -> Arrays.copyOf(d, d.length + 1);
        };
    }

    /** The first name's short length written in the long form (not DER; Bouncy Castle reads it). */
    private static byte[] longFormFirstName(byte[] d) {
        return d.length > 4 && (d[1] & 0x80) == 0 ? nonMinimal(d, 2) : d;
    }

    /** The element at {@code at} with its short length in the long form, the outer length (if any) grown by one. */
    private static byte[] nonMinimal(byte[] d, int at) {
        if ((d[at + 1] & 0x80) != 0 || (at > 0 && (d[1] & 0xff) > 0x7e)) {
            return d;
        }
        byte[] c = new byte[d.length + 1];
        System.arraycopy(d, 0, c, 0, at + 1);
        c[at + 1] = (byte) 0x81;
        System.arraycopy(d, at + 1, c, at + 2, d.length - at - 1);
        if (at > 0) {
            c[1]++;
        }
        return c;
    }

    /** The first name's tag made constructed ([2] is primitive: Bouncy Castle's reading refuses or reads it apart). */
    private static byte[] constructedFirstName(byte[] d) {
        byte[] c = d.clone();
        if (c.length > 2 && (c[1] & 0x80) == 0) {
            c[2] |= 0x20;
        }
        return c;
    }
}
