package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

/** Apple's name normalization, §1.3. */
class DistinguishedNameTest {
    static final ASN1ObjectIdentifier CN = new ASN1ObjectIdentifier("2.5.4.3");
    static final ASN1ObjectIdentifier O = new ASN1ObjectIdentifier("2.5.4.10");

    static DistinguishedName name(ASN1Encodable... rdnValues) {
        ASN1EncodableVector rdns = new ASN1EncodableVector();
        for (ASN1Encodable v : rdnValues) {
            rdns.add(new DERSet(new DERSequence(new ASN1Encodable[] {CN, v})));
        }
        return DistinguishedName.from(new DERSequence(rdns));
    }

    @Test
    void printableString_isCaseFoldedTrimmedAndBlankCollapsed() {
        DistinguishedName messy = name(new DERPrintableString("  contoso   ROOT "));
        DistinguishedName clean = name(new DERPrintableString("CONTOSO ROOT"));
        assertThat(messy.normalized()).isPresent().isEqualTo(clean.normalized());
        assertThat(messy.normalized().get().hashCode())
                .isEqualTo(clean.normalized().get().hashCode());
        assertThat(messy).isNotEqualTo(clean); // DER differs
    }

    @Test
    void tabsCountAsBlanks_likeCIsblank() {
        assertThat(name(new DERPrintableString("\tA\t \tB")).normalized())
                .isEqualTo(name(new DERPrintableString("A B")).normalized());
    }

    @Test
    void utf8String_isComparedByteForByte() {
        assertThat(name(new DERUTF8String("  contoso   ROOT ")).normalized())
                .isNotEqualTo(name(new DERUTF8String("CONTOSO ROOT")).normalized());
        assertThat(name(new DERUTF8String("Contoso")).normalized())
                .isNotEqualTo(name(new DERUTF8String("CONTOSO")).normalized());
    }

    @Test
    void sameTextInDifferentStringTypes_doesNotMatch() {
        assertThat(name(new DERUTF8String("CONTOSO")).normalized())
                .isNotEqualTo(name(new DERPrintableString("CONTOSO")).normalized());
    }

    @Test
    void rdnStructureMatters() {
        DistinguishedName two = name(new DERPrintableString("A"), new DERPrintableString("B"));
        DistinguishedName swapped = name(new DERPrintableString("B"), new DERPrintableString("A"));
        assertThat(two.normalized()).isNotEqualTo(swapped.normalized());
    }

    @Test
    void emptyRdn_makesTheNameUnparseable() {
        ASN1EncodableVector rdns = new ASN1EncodableVector();
        rdns.add(new DERSet(new DERSequence(new ASN1Encodable[] {CN, new DERPrintableString("A")})));
        rdns.add(new DERSet());
        DistinguishedName n = DistinguishedName.from(new DERSequence(rdns));
        assertThat(n.normalized()).isEmpty();
        assertThat(n.isEmpty()).isFalse();
        assertThat(n.commonNames()).containsExactly("A");
    }

    @Test
    void emptyName_isEmptyButNormalizable() {
        DistinguishedName n = DistinguishedName.from(new DERSequence());
        assertThat(n.isEmpty()).isTrue();
        assertThat(n.normalized()).isPresent();
        assertThat(n.toString()).isEmpty();
    }

    @Test
    void accessorsAndReadableForm() {
        DistinguishedName n = DistinguishedName.from(
                new X500Name("C=US,O=Example Inc,CN=Example Root,E=ca@example.com").toASN1Primitive());
        assertThat(n.commonNames()).containsExactly("Example Root");
        assertThat(n.organizations()).containsExactly("Example Inc");
        assertThat(n.emailAddresses()).containsExactly("ca@example.com");
        assertThat(n.toString()).isEqualTo("C=US,O=Example Inc,CN=Example Root,E=ca@example.com");
    }

    @Test
    void selfIssued_usesNormalizedComparison() {
        TestCerts.Tbs t = TestCerts.tbs();
        t.subject = new DERSequence(
                new DERSet(new DERSequence(new ASN1Encodable[] {O, new DERPrintableString("acme  ca")})));
        t.issuer = new DERSequence(
                new DERSet(new DERSequence(new ASN1Encodable[] {O, new DERPrintableString(" ACME CA")})));
        Certificate c = t.parse();
        assertThat(c.isSelfIssued()).isTrue();
        assertThat(c.normalizedIssuer()).isEqualTo(c.normalizedSubject());
    }
}
