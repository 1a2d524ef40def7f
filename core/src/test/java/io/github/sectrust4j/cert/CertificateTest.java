package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.CertificateInputException;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;

class CertificateTest {

    @Test
    void plainV3Certificate_decodesIdentityNamesKeyAndValidity() {
        TestCerts.Tbs t = TestCerts.tbs();
        byte[] der = t.der();
        Certificate c = Certificate.parse(der);

        assertThat(c.der()).isEqualTo(der);
        assertThat(c.version()).isEqualTo(3);
        assertThat(c.serialNumber()).isEqualTo(4711);
        assertThat(c.subject().commonNames()).containsExactly("Test Root");
        assertThat(c.subject().organizations()).containsExactly("Test");
        assertThat(c.subject().toString()).isEqualTo("CN=Test Root,O=Test");
        assertThat(c.isSelfIssued()).isTrue();
        assertThat(c.notBefore()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(c.notAfter()).isEqualTo(Instant.parse("2035-01-01T00:00:00Z"));
        assertThat(c.validityLengthSeconds())
                .isEqualTo(Instant.parse("2035-01-01T00:00:00Z").getEpochSecond()
                        - Instant.parse("2025-01-01T00:00:00Z").getEpochSecond());
        assertThat(c.publicKey().algorithm()).isEqualTo(KeyAlgorithm.EC);
        assertThat(c.publicKey().curveName()).contains("P-256");
        assertThat(c.publicKey().sizeBytes()).isEqualTo(32);
        assertThat(c.signatureHash()).isEqualTo(SignatureHash.SHA256);
        assertThat(c.signatureAlgorithmsDiffer()).isFalse();
        assertThat(c.extensions()).isEmpty();
        assertThat(c.sha256Hex()).hasSize(64);
    }

    @Test
    void upperCaseFingerprint_isTheSha256InUpperCaseHex_andReusedAcrossCalls() throws Exception {
        byte[] der = TestCerts.tbs().der();
        Certificate c = Certificate.parse(der);
        String expected = java.util.HexFormat.of()
                .withUpperCase()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der));
        assertThat(c.sha256HexUpperCase())
                .isEqualTo(expected)
                .isEqualTo(c.sha256Hex().toUpperCase(java.util.Locale.ROOT));
        assertThat(c.sha256HexUpperCase()).isSameAs(c.sha256HexUpperCase());
    }

    @Test
    void equalityIsByDer() {
        byte[] der = TestCerts.tbs().der();
        assertThat(Certificate.parse(der))
                .isEqualTo(Certificate.parse(der.clone()))
                .hasSameHashCodeAs(Certificate.parse(der));
        TestCerts.Tbs other = TestCerts.tbs();
        other.serial = java.math.BigInteger.TEN;
        assertThat(Certificate.parse(der)).isNotEqualTo(other.parse());
    }

    @Test
    void derAccessorReturnsDefensiveCopy() {
        Certificate c = TestCerts.tbs().parse();
        byte[] d = c.der();
        d[10] ^= 1;
        assertThat(c.der()).isNotEqualTo(d);
    }

    @Test
    void utcTimeYears_00to49_are20xx_70to99_are19xx() { // §5.1
        TestCerts.Tbs t = TestCerts.tbs();
        t.notBefore = TestCerts.time(0x17, "700101000000Z");
        t.notAfter = TestCerts.time(0x17, "491231235959Z");
        Certificate c = t.parse();
        assertThat(c.notBefore()).isEqualTo(Instant.parse("1970-01-01T00:00:00Z"));
        assertThat(c.notAfter()).isEqualTo(Instant.parse("2049-12-31T23:59:59Z"));
    }

    @Test
    void utcTimeWithoutSeconds_andWithOffset_areTolerated() { // §5.1
        TestCerts.Tbs t = TestCerts.tbs();
        t.notBefore = TestCerts.time(0x17, "2501011200Z");
        t.notAfter = TestCerts.time(0x17, "300101120000+0130");
        Certificate c = t.parse();
        assertThat(c.notBefore()).isEqualTo(Instant.parse("2025-01-01T12:00:00Z"));
        assertThat(c.notAfter()).isEqualTo(Instant.parse("2030-01-01T10:30:00Z"));
    }

    @Test
    void generalizedTime_isParsed() {
        TestCerts.Tbs t = TestCerts.tbs();
        t.notAfter = TestCerts.time(0x18, "20500101000000Z");
        assertThat(t.parse().notAfter()).isEqualTo(Instant.parse("2050-01-01T00:00:00Z"));
    }

    @Test
    void fractionalSeconds_makeTheCertificateUnparseable() { // §5.1
        TestCerts.Tbs t = TestCerts.tbs();
        t.notAfter = TestCerts.time(0x18, "20500101000000.5Z");
        assertThatThrownBy(t::parse)
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("fractional seconds");
    }

    @Test
    void timeWithoutZone_isRejected() {
        TestCerts.Tbs t = TestCerts.tbs();
        t.notAfter = TestCerts.time(0x17, "300101000000");
        assertThatThrownBy(t::parse)
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("unsupported length 12");
    }

    @Test
    void isValidAt_truncatesTheTimeToWholeSeconds() { // §2.2 TemporalValidity
        Certificate c = TestCerts.tbs().parse();
        assertThat(c.isValidAt(c.notBefore().plusNanos(1))).isTrue();
        assertThat(c.isValidAt(c.notBefore().minusNanos(1))).isFalse();
        assertThat(c.isValidAt(c.notAfter().plusNanos(999_999_999))).isTrue();
        assertThat(c.isValidAt(Instant.MIN)).isFalse();
        assertThat(c.isValidAt(Instant.MAX)).isFalse();
    }

    @Test
    void isValidAt_isInclusiveAtBothEnds() { // §2.2 TemporalValidity
        Certificate c = TestCerts.tbs().parse();
        assertThat(c.isValidAt(c.notBefore())).isTrue();
        assertThat(c.isValidAt(c.notAfter())).isTrue();
        assertThat(c.isValidAt(c.notAfter().plusMillis(999))).isTrue();
        assertThat(c.isValidAt(c.notAfter().plusSeconds(1))).isFalse();
        assertThat(c.isValidAt(c.notBefore().minusSeconds(1))).isFalse();
    }

    @Test
    void unsupportedVersion_isRejectedWithItsNumber() {
        TestCerts.Tbs t = TestCerts.tbs();
        t.version = 3;
        assertThatThrownBy(t::parse)
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("unsupported version 3");
    }

    @Test
    void explicitVersionZero_isRejectedLikeIos() {
        TestCerts.Tbs t = TestCerts.tbs();
        t.version = 0;
        assertThatThrownBy(t::parse)
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("explicit version field v1 (0)");
    }

    @Test
    void v1CertificateWithoutVersionField_isVersion1() {
        TestCerts.Tbs t = TestCerts.tbs();
        t.version = null;
        Certificate c = t.parse();
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.isV3Ca()).isFalse();
    }

    @Test
    void trailingGarbage_isReportedWithByteCount() {
        byte[] der = TestCerts.tbs().der();
        byte[] longer = Arrays.copyOf(der, der.length + 3);
        assertThatThrownBy(() -> Certificate.parse(longer))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("trailing garbage: 3 bytes");
    }

    @Test
    void truncatedDer_isReportedWithLengths() {
        byte[] der = TestCerts.tbs().der();
        byte[] shorter = Arrays.copyOf(der, der.length - 10);
        int header = Der.read(der, 0, der.length).contentStart();
        assertThatThrownBy(() -> Certificate.parse(shorter))
                .isInstanceOf(CertificateInputException.class)
                .hasMessage("not a certificate: DER length " + (der.length - header) + " exceeds the "
                        + (shorter.length - header) + " bytes present");
    }

    @Test
    void emptyInput_isRejected() {
        assertThatThrownBy(() -> Certificate.parse(new byte[0]))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("empty input");
    }

    @Test
    void innerAndOuterSignatureAlgorithms_areBothKept_andDifferenceIsFlagged() { // §2.2 WeakSignature uses the inner
        // one
        TestCerts.Tbs t = TestCerts.tbs();
        t.innerAlg = new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                new ASN1ObjectIdentifier("1.2.840.113549.1.1.4"), DERNull.INSTANCE);
        Certificate c = t.parse();
        assertThat(c.tbsSignatureAlgorithm().hash()).isEqualTo(SignatureHash.MD5);
        assertThat(c.signatureAlgorithm().hash()).isEqualTo(SignatureHash.SHA256);
        assertThat(c.signatureHash()).isEqualTo(SignatureHash.MD5);
        assertThat(c.signatureAlgorithmsDiffer()).isTrue();
    }

    @Test
    void basicConstraintsKeyUsageEku_areDecoded() {
        TestCerts.Tbs t = TestCerts.tbs()
                .ext("2.5.29.19", true, new BasicConstraints(2))
                .ext(
                        "2.5.29.15",
                        true,
                        new org.bouncycastle.asn1.x509.KeyUsage(org.bouncycastle.asn1.x509.KeyUsage.keyCertSign
                                | org.bouncycastle.asn1.x509.KeyUsage.cRLSign))
                .ext("2.5.29.37", false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        Certificate c = t.parse();
        assertThat(c.basicConstraints()).contains(new io.github.sectrust4j.cert.BasicConstraints(true, 2));
        assertThat(c.isV3Ca()).isTrue();
        assertThat(c.keyUsage().orElseThrow().keyCertSign()).isTrue();
        assertThat(c.keyUsage().orElseThrow().has(KeyUsage.CRL_SIGN)).isTrue();
        assertThat(c.keyUsage().orElseThrow().digitalSignature()).isFalse();
        assertThat(c.extendedKeyUsage()).contains(java.util.List.of("1.3.6.1.5.5.7.3.1"));
        assertThat(c.unknownCriticalExtensions()).isEmpty();
    }

    @Test
    void emptyEku_isPresentButEmpty_absentEkuIsEmptyOptional() {
        Certificate withEmpty =
                TestCerts.tbs().ext("2.5.29.37", false, new DERSequence()).parse();
        assertThat(withEmpty.extendedKeyUsage()).contains(java.util.List.of());
        // Apple's EKU parser requires SIZE (1..MAX): flagged, and fatal to parsing when critical
        assertThat(withEmpty.unparseableExtensions()).containsExactly("2.5.29.37");
        TestCerts.Tbs critical = TestCerts.tbs().ext("2.5.29.37", true, new DERSequence());
        assertThatThrownBy(critical::parse)
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("extKeyUsage (2.5.29.37) cannot be parsed (extKeyUsage is empty");
        assertThat(TestCerts.tbs().parse().extendedKeyUsage()).isEmpty();
    }

    @Test
    void appleParserStrictnessPerExtension() { // §2.2: mirrors Apple's per-extension parsers
        // keyUsage: BIT STRING with 1-2 content bytes only
        assertThat(TestCerts.tbs()
                        .extRaw("2.5.29.15", false, new byte[] {0x03, 0x01, 0x00})
                        .parse()
                        .unparseableExtensions())
                .containsExactly("2.5.29.15");
        // issuerAltName, privateKeyUsagePeriod, ocspNoCheck, SIA: Apple accepts any content
        assertThat(TestCerts.tbs()
                        .extRaw("2.5.29.18", true, new byte[] {0x05})
                        .extRaw("2.5.29.16", true, new byte[] {0x05})
                        .extRaw("1.3.6.1.5.5.7.48.1.5", false, new byte[] {0x01, 0x02})
                        .extRaw("1.3.6.1.5.5.7.1.11", true, new byte[0])
                        .parse()
                        .unparseableExtensions())
                .isEmpty();
        // AKI: issuer without serial is malformed
        org.bouncycastle.asn1.ASN1EncodableVector aki = new org.bouncycastle.asn1.ASN1EncodableVector();
        aki.add(new DERTaggedObject(false, 1, new GeneralNames(new GeneralName(GeneralName.dNSName, "x"))));
        assertThat(TestCerts.tbs()
                        .ext("2.5.29.35", false, new DERSequence(aki))
                        .parse()
                        .unparseableExtensions())
                .containsExactly("2.5.29.35");
        // nameConstraints: a non-zero minimum is malformed; an odd name form is only counted
        org.bouncycastle.asn1.ASN1EncodableVector sub = new org.bouncycastle.asn1.ASN1EncodableVector();
        sub.add(new GeneralName(GeneralName.dNSName, "example.com"));
        sub.add(new DERTaggedObject(false, 0, new ASN1Integer(1)));
        DERSequence nc = new DERSequence(new DERTaggedObject(false, 0, new DERSequence(new DERSequence(sub))));
        assertThat(TestCerts.tbs().ext("2.5.29.30", false, nc).parse().unparseableExtensions())
                .containsExactly("2.5.29.30");
        // Car Connectivity Consortium OIDs are tolerated when critical
        assertThat(TestCerts.tbs()
                        .ext("1.3.6.1.4.1.41577.5.9", true, DERNull.INSTANCE)
                        .parse()
                        .unknownCriticalExtensions())
                .isEmpty();
    }

    @Test
    void duplicateExtension_isRecorded() { // §2.2 DuplicateExtension
        Certificate c = TestCerts.tbs()
                .ext("2.5.29.19", true, new BasicConstraints(true))
                .ext("2.5.29.19", true, new BasicConstraints(false))
                .parse();
        assertThat(c.duplicateExtensions()).containsExactly("2.5.29.19");
        assertThat(c.extensions()).hasSize(2);
    }

    @Test
    void unknownCriticalExtension_andCtPoison_areUnknownCritical_appleArcsAreKnown() { // §2.2 CriticalExtensions
        Certificate c = TestCerts.tbs()
                .ext("1.2.3.4.5", true, DERNull.INSTANCE)
                .ext("1.3.6.1.4.1.11129.2.4.3", true, DERNull.INSTANCE)
                .ext("1.2.840.113635.100.6.2.1", true, DERNull.INSTANCE)
                .ext("1.2.3.4.6", false, DERNull.INSTANCE)
                .parse();
        assertThat(c.unknownCriticalExtensions()).containsExactlyInAnyOrder("1.2.3.4.5", "1.3.6.1.4.1.11129.2.4.3");
        assertThat(c.hasPrecertPoison()).isTrue();
    }

    @Test
    void knownNonCriticalExtensionThatFailsToParse_isUnparseable() { // §2.2 UnparseableExtension
        Certificate c = TestCerts.tbs()
                .extRaw("2.5.29.19", false, new byte[] {0x04, 0x01, 0x00})
                .parse();
        assertThat(c.unparseableExtensions()).containsExactly("2.5.29.19");
        assertThat(c.basicConstraints()).isEmpty();
    }

    @Test
    void knownCriticalExtensionThatFailsToParse_makesCertificateUnparseable() { // §2.2, §14.2 step 1
        TestCerts.Tbs t = TestCerts.tbs().extRaw("2.5.29.19", true, new byte[] {0x04, 0x01, 0x00});
        assertThatThrownBy(t::parse)
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("critical extension basicConstraints (2.5.29.19) cannot be parsed");
    }

    @Test
    void criticalExtensionFailingWithAnImplicitException_namesItsClassAlone_inEveryRun() {
        // an empty subjectKeyIdentifier makes Bouncy Castle dereference null: the JVM's message for that ("Cannot
        // invoke ...") disappears once the JIT compiles the throwing code, so the reason must not depend on it
        TestCerts.Tbs t = TestCerts.tbs().extRaw("2.5.29.14", true, new byte[0]);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(t::parse)
                    .isInstanceOf(CertificateInputException.class)
                    .hasMessage("not a certificate: critical extension subjectKeyIdentifier (2.5.29.14) cannot be "
                            + "parsed (NullPointerException); iOS rejects such a certificate (§2.2)");
        }
    }

    @Test
    void subjectAltName_collectsEntriesByType_andFlagsOddIpLengthsAndInvalidUtf8() { // §3.1
        GeneralNames names = new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "example.com"),
            new GeneralName(GeneralName.iPAddress, new DEROctetString(new byte[] {10, 0, 0, 1})),
            new GeneralName(GeneralName.iPAddress, new DEROctetString(new byte[] {1, 2, 3})),
            new GeneralName(GeneralName.rfc822Name, "a@example.com"),
            new GeneralName(GeneralName.uniformResourceIdentifier, "https://example.com/"),
            new GeneralName(new org.bouncycastle.asn1.x500.X500Name("CN=dir"))
        });
        SubjectAltName san = TestCerts.tbs()
                .ext("2.5.29.17", true, names)
                .parse()
                .subjectAltName()
                .orElseThrow();
        assertThat(san.critical()).isTrue();
        assertThat(san.dnsNames()).containsExactly("example.com");
        assertThat(san.dnsNamesValidUtf8()).isTrue();
        assertThat(san.ipAddresses()).hasSize(2);
        assertThat(san.ipAddressLengthsValid()).isFalse();
        assertThat(san.rfc822Names()).containsExactly("a@example.com");
        assertThat(san.uris()).containsExactly("https://example.com/");
        assertThat(san.directoryNames()).extracting(DistinguishedName::toString).containsExactly("CN=dir");

        // SEQUENCE { [2] IMPLICIT IA5String 0xC3 0x28 } — not valid UTF-8
        byte[] bad = {0x30, 0x04, (byte) 0x82, 0x02, (byte) 0xC3, 0x28};
        SubjectAltName badSan = TestCerts.tbs()
                .extRaw("2.5.29.17", false, bad)
                .parse()
                .subjectAltName()
                .orElseThrow();
        assertThat(badSan.dnsNamesValidUtf8()).isFalse();
    }

    @Test
    void nameConstraints_areSplitByForm_andUnsupportedFormsCounted() {
        GeneralSubtree dns = new GeneralSubtree(new GeneralName(GeneralName.dNSName, "example.com"));
        GeneralSubtree ip = new GeneralSubtree(new GeneralName(
                GeneralName.iPAddress, new DEROctetString(new byte[] {10, 0, 0, 0, (byte) 255, 0, 0, 0})));
        GeneralSubtree reg = new GeneralSubtree(new GeneralName(GeneralName.registeredID, "1.2.3"));
        org.bouncycastle.asn1.x509.NameConstraints nc = new org.bouncycastle.asn1.x509.NameConstraints(
                new GeneralSubtree[] {dns, ip}, new GeneralSubtree[] {reg});
        NameConstraints n = TestCerts.tbs()
                .ext("2.5.29.30", true, nc)
                .parse()
                .nameConstraints()
                .orElseThrow();
        assertThat(n.critical()).isTrue();
        assertThat(n.permitted().dnsNames()).containsExactly("example.com");
        assertThat(n.permitted().ipAddresses())
                .singleElement()
                .satisfies(s -> assertThat(s.mask()).containsExactly(255, 0, 0, 0));
        assertThat(n.excluded().unsupportedForms()).isEqualTo(1);
        assertThat(n.hasUnsupportedForms()).isTrue();
    }

    @Test
    void policyExtensions_areDecoded() {
        ASN1EncodableVector pc = new ASN1EncodableVector();
        pc.add(new DERTaggedObject(false, 0, new ASN1Integer(0)));
        pc.add(new DERTaggedObject(false, 1, new ASN1Integer(3)));
        Certificate c = TestCerts.tbs()
                .ext(
                        "2.5.29.32",
                        false,
                        new DERSequence(new org.bouncycastle.asn1.x509.PolicyInformation(
                                new ASN1ObjectIdentifier("2.5.29.32.0"))))
                .ext("2.5.29.33", false, new DERSequence(new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                    new ASN1ObjectIdentifier("1.2.3"), new ASN1ObjectIdentifier("1.2.4")
                })))
                .ext("2.5.29.36", true, new DERSequence(pc))
                .ext("2.5.29.54", true, new ASN1Integer(1))
                .parse();
        assertThat(c.certificatePolicies()).contains(java.util.List.of("2.5.29.32.0"));
        assertThat(c.hasAnyPolicy()).isTrue();
        assertThat(c.policyMappings()).contains(java.util.List.of(new PolicyMapping("1.2.3", "1.2.4")));
        assertThat(c.policyConstraints()).contains(new PolicyConstraints(0, 3));
        assertThat(c.inhibitAnyPolicy()).contains(1);
    }

    @Test
    void keyIdentifiersAiaAndMarkers_areDecoded() {
        byte[] ski = {1, 2, 3, 4};
        org.bouncycastle.asn1.x509.AccessDescription ca = new org.bouncycastle.asn1.x509.AccessDescription(
                org.bouncycastle.asn1.x509.AccessDescription.id_ad_caIssuers,
                new GeneralName(GeneralName.uniformResourceIdentifier, "http://ca.example/ca.cer"));
        org.bouncycastle.asn1.x509.AccessDescription ocsp = new org.bouncycastle.asn1.x509.AccessDescription(
                org.bouncycastle.asn1.x509.AccessDescription.id_ad_ocsp,
                new GeneralName(GeneralName.uniformResourceIdentifier, "http://ocsp.example"));
        Certificate c = TestCerts.tbs()
                .ext("2.5.29.14", false, new DEROctetString(ski))
                .ext("2.5.29.35", false, new org.bouncycastle.asn1.x509.AuthorityKeyIdentifier(new byte[] {9, 9}))
                .ext(
                        "1.3.6.1.5.5.7.1.1",
                        false,
                        new org.bouncycastle.asn1.x509.AuthorityInformationAccess(
                                new org.bouncycastle.asn1.x509.AccessDescription[] {ca, ocsp}))
                .ext("1.3.6.1.5.5.7.48.1.5", false, DERNull.INSTANCE)
                .ext("1.3.6.1.4.1.11129.2.4.2", false, new DEROctetString(new byte[] {0, 0}))
                .parse();
        assertThat(c.subjectKeyIdentifier())
                .hasValueSatisfying(v -> assertThat(v).isEqualTo(ski));
        assertThat(c.authorityKeyIdentifier())
                .hasValueSatisfying(v -> assertThat(v).containsExactly(9, 9));
        assertThat(c.authorityInfoAccess().orElseThrow().caIssuers()).containsExactly("http://ca.example/ca.cer");
        assertThat(c.authorityInfoAccess().orElseThrow().ocsp()).containsExactly("http://ocsp.example");
        assertThat(c.hasOcspNoCheck()).isTrue();
        assertThat(c.hasCrlDistributionPoints()).isFalse();
        assertThat(c.sctListExtension()).hasValueSatisfying(v -> assertThat(v).containsExactly(0, 0));
    }
}
