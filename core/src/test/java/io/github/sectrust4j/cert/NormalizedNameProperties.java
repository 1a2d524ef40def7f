package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * {@link NormalizedName#ofName} (the key alone, what a trust store's name index computes for ~150 roots)
 * gives exactly the key {@link DistinguishedName#from} gives a certificate's name, for well-formed and odd
 * names alike (empty RDNs, malformed attributes, every string type, blanks and case).
 */
class NormalizedNameProperties {
    private static final List<ASN1ObjectIdentifier> OIDS = List.of(
            new ASN1ObjectIdentifier("2.5.4.3"),
            new ASN1ObjectIdentifier("2.5.4.10"),
            new ASN1ObjectIdentifier("2.5.4.6"),
            new ASN1ObjectIdentifier("1.2.840.113549.1.9.1"));

    @Property(tries = 1000)
    void theKeyAloneIsTheKeyOfTheWholeName(@ForAll("names") DERSequence name) throws IOException {
        byte[] der = name.getEncoded(ASN1Encoding.DER);
        Optional<NormalizedName> whole = DistinguishedName.from(name).normalized();

        assertThat(NormalizedName.ofName(der)).isEqualTo(whole);
        Statistics.label("normalizable").collect(whole.isPresent());
        Statistics.label("rdns").collect(Math.min(name.size(), 3));
        Statistics.label("normalizable").coverage(c -> {
            c.check(true).percentage(p -> p > 20);
            c.check(false).percentage(p -> p > 20);
        });
        Statistics.label("rdns").coverage(c -> {
            c.check(0).count(n -> n > 0);
            c.check(3).percentage(p -> p > 10);
        });
    }

    @Provide
    Arbitrary<DERSequence> names() {
        // mostly one attribute per RDN; an empty set makes the name unnormalizable (§1.3)
        return NameArbitraries.names(OIDS, value(), 4, 8, 15);
    }

    private Arbitrary<ASN1Encodable> value() {
        Arbitrary<String> text = Arbitraries.strings().withChars("aAzZ09 \t.-").ofMaxLength(12);
        return Arbitraries.oneOf(
                text.map(s -> new DERPrintableString(s.replace('\t', ' '))),
                text.map(s -> new DERPrintableString(s)),
                text.map(DERUTF8String::new),
                text.map(DERIA5String::new),
                text.map(DERBMPString::new),
                Arbitraries.integers().between(-5, 500).map(ASN1Integer::new));
    }
}
