package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.x509.TBSCertificate;
import org.junit.jupiter.api.Test;

/** A certificate's subject and issuer are exactly the names decoded on their own (self-issued roots included). */
class CertificateNamesTest {

    @Test
    void subjectAndIssuer_equalTheirIndependentDecoding_forSelfIssuedAndOtherCertificates() {
        int selfIssued = 0;
        for (byte[] der : CertificateRobustnessProperties.SEEDS) {
            Certificate c = Certificate.parse(der);
            TBSCertificate tbs =
                    org.bouncycastle.asn1.x509.Certificate.getInstance(der).getTBSCertificate();
            assertSameName(c.subject(), DistinguishedName.from(tbs.getSubject().toASN1Primitive()));
            assertSameName(c.issuer(), DistinguishedName.from(tbs.getIssuer().toASN1Primitive()));
            if (c.subject().equals(c.issuer())) {
                selfIssued++;
            }
        }
        assertThat(selfIssued).isPositive(); // the seeds are roots: the shared-name case is exercised
    }

    private static void assertSameName(DistinguishedName actual, DistinguishedName expected) {
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.der()).isEqualTo(expected.der());
        assertThat(actual.toString()).isEqualTo(expected.toString());
        assertThat(actual.rdns()).isEqualTo(expected.rdns());
        assertThat(actual.normalized()).isEqualTo(expected.normalized());
        for (int i = 0; i < 2; i++) { // first and memoized answers
            assertThat(actual.commonNames()).isEqualTo(expected.values(io.github.sectrust4j.cert.Oids.COMMON_NAME));
            assertThat(actual.emailAddresses())
                    .isEqualTo(expected.values(io.github.sectrust4j.cert.Oids.EMAIL_ADDRESS));
        }
        assertThat(actual.commonNames()).isUnmodifiable();
    }
}
