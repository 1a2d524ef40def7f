package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;

/** Fields kept by their encoded bytes (signature algorithms, issuer names): a parse that finds them kept gives what decoding gives. */
class EncodingMemoTest {
    static final List<AlgorithmIdentifier> ALGORITHMS = List.of(
            new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.10045.4.3.2")), // ecdsa-with-SHA256
            new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.10045.4.3.3")), // ecdsa-with-SHA384
            new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.113549.1.1.11"), DERNull.INSTANCE),
            new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.113549.1.1.11")), // the same OID, no NULL
            new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.113549.1.1.4"), DERNull.INSTANCE), // MD5
            new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.3.4.5"), new ASN1ObjectIdentifier("1.2.3")));

    static SignatureAlgorithm decoded(AlgorithmIdentifier id) throws Exception {
        return SignatureAlgorithm.fromDer(id.getEncoded(ASN1Encoding.DER));
    }

    @Property(tries = 120)
    void innerAndOuterAlgorithms_equalTheirDecoding_firstParseOrKept(
            @ForAll("indexes") int inner, @ForAll("indexes") int outer, @ForAll boolean v1) throws Exception {
        TestCerts.Tbs t = TestCerts.tbs();
        t.innerAlg = ALGORITHMS.get(inner);
        t.outerAlg = ALGORITHMS.get(outer);
        if (v1) {
            t.version = null; // no [0] field: the inner algorithm is field 1, not 2
            t.extensions.clear();
        }
        List<Certificate> parses = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            parses.add(t.parse());
        }
        Statistics.collect(inner == outer ? "same" : "different", v1 ? "v1" : "v3");
        Statistics.coverage(c -> {
            c.check("same", "v3").count(n -> n > 0);
            c.check("different", "v1").count(n -> n > 0);
            c.check("different", "v3").count(n -> n > 0);
        });
        for (Certificate c : parses) {
            assertThat(c.tbsSignatureAlgorithm()).isEqualTo(decoded(ALGORITHMS.get(inner)));
            assertThat(c.tbsSignatureAlgorithm().oid())
                    .isEqualTo(ALGORITHMS.get(inner).getAlgorithm().getId());
            assertThat(c.tbsSignatureAlgorithm().hash())
                    .isEqualTo(decoded(ALGORITHMS.get(inner)).hash());
            assertThat(c.signatureAlgorithm()).isEqualTo(decoded(ALGORITHMS.get(outer)));
            assertThat(c.signatureAlgorithmsDiffer()).isEqualTo(inner != outer);
        }
        assertThat(Certificate.ALGORITHMS.size()).isPositive().isLessThanOrEqualTo(Certificate.ALGORITHMS.max());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> indexes() {
        return net.jqwik.api.Arbitraries.integers().between(0, ALGORITHMS.size() - 1);
    }

    @Test
    void issuerNames_keptOrNot_decodeAsTheIssuersSubject() {
        var pki = io.github.sectrust4j.fixtures.TestPki.seeded(14);
        var root = pki.root("Memo Root").build();
        var ca = pki.intermediate("Memo Issuing CA", root).build();
        Certificate caCert = Certificate.parse(ca.der());
        for (int i = 0; i < 3; i++) {
            Certificate leaf = Certificate.parse(
                    pki.leaf("memo" + i + ".example.test", ca).build().der());
            assertThat(leaf.issuer().der()).isEqualTo(caCert.subject().der());
            assertThat(leaf.issuer().toString()).isEqualTo(caCert.subject().toString());
            assertThat(leaf.normalizedIssuer()).isEqualTo(caCert.normalizedSubject());
            assertThat(leaf.isSelfIssued()).isFalse();
        }
        // a Name that differs only in its encoding (PrintableString vs UTF8String) is another key, another name
        TestCerts.Tbs printable = TestCerts.tbs();
        printable.issuer = new org.bouncycastle.asn1.x500.X500Name(new org.bouncycastle.asn1.x500.RDN[] {
            new org.bouncycastle.asn1.x500.RDN(
                    org.bouncycastle.asn1.x500.style.BCStyle.CN,
                    new org.bouncycastle.asn1.DERPrintableString("Memo CA"))
        });
        TestCerts.Tbs utf8 = TestCerts.tbs();
        utf8.issuer = new org.bouncycastle.asn1.x500.X500Name(new org.bouncycastle.asn1.x500.RDN[] {
            new org.bouncycastle.asn1.x500.RDN(
                    org.bouncycastle.asn1.x500.style.BCStyle.CN, new org.bouncycastle.asn1.DERUTF8String("Memo CA"))
        });
        for (int i = 0; i < 2; i++) {
            Certificate p = printable.parse();
            Certificate u = utf8.parse();
            assertThat(p.issuer().der()).isNotEqualTo(u.issuer().der());
            assertThat(p.issuer().rdns()).isNotEqualTo(u.issuer().rdns());
        }
        assertThat(Certificate.ISSUERS.size()).isPositive().isLessThanOrEqualTo(Certificate.ISSUERS.max());
    }

    @Test
    void aFullMemo_startsAgain_andStillAnswers() {
        EncodingMemo<String> memo = new EncodingMemo<>(3, 16);
        byte[] der = {1, 2, 3, 4, 5, 6};
        for (int i = 0; i < 6; i++) {
            int from = i;
            assertThat(memo.get(der, from, from + 1, () -> "v" + from)).isEqualTo("v" + from);
            assertThat(memo.size()).isLessThanOrEqualTo(3);
        }
        assertThat(memo.get(der, 5, 6, () -> "decoded again")).isEqualTo("v5"); // kept since the last restart
    }

    @Test
    void anEncodingOverTheLengthBound_isDecodedEveryTime_andNeverKept() {
        // a hostile stream of ever new, huge fields must not pin max of them (found in review: 190 certificates with a
        // distinct 500 KB extension ran -Xmx64m out of heap)
        EncodingMemo<String> memo = new EncodingMemo<>(3, 4);
        byte[] der = new byte[64];
        int[] decodes = {0};
        for (int i = 0; i < 3; i++) {
            assertThat(memo.get(der, 0, 5, () -> "long" + decodes[0]++)).isEqualTo("long" + i);
        }
        assertThat(memo.size()).isZero();
        assertThat(memo.get(der, 0, 4, () -> "short")).isEqualTo("short");
        assertThat(memo.get(der, 0, 4, () -> "decoded again")).isEqualTo("short");
        assertThat(memo.size()).isOne();
    }

    @Test
    void everyMemo_boundsTheBytesItKeeps() {
        for (EncodingMemo<?> memo : List.of(
                Certificate.ALGORITHMS, Certificate.ISSUERS, ExtensionDecoder.SHARED_DECODINGS, StrictTbsReader.OIDS)) {
            assertThat((long) memo.max() * memo.maxLength()).isLessThanOrEqualTo(1L << 20);
        }
    }

    @Test
    void theSameOid_withAndWithoutNullParameters_areKeptApart() throws Exception {
        TestCerts.Tbs withNull = TestCerts.tbs();
        withNull.innerAlg = ALGORITHMS.get(2);
        withNull.outerAlg = ALGORITHMS.get(2);
        TestCerts.Tbs without = TestCerts.tbs();
        without.innerAlg = ALGORITHMS.get(3);
        without.outerAlg = ALGORITHMS.get(3);

        Certificate a = withNull.parse();
        Certificate b = without.parse();
        Certificate a2 = withNull.parse();

        assertThat(a.signatureAlgorithm().der()).isEqualTo(ALGORITHMS.get(2).getEncoded(ASN1Encoding.DER));
        assertThat(b.signatureAlgorithm().der()).isEqualTo(ALGORITHMS.get(3).getEncoded(ASN1Encoding.DER));
        assertThat(a2.tbsSignatureAlgorithm())
                .isEqualTo(a.tbsSignatureAlgorithm())
                .isNotEqualTo(b.tbsSignatureAlgorithm());
    }
}
