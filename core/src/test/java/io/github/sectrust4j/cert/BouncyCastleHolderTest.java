package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.revocation.internal.OcspTarget;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BouncyCastleHolderTest {

    @Test
    void holder_isParsedOnce_andEncodesExactlyTheCertificatesDer() throws IOException {
        Certificate c = TestCerts.tbs().parse();

        assertThat(c.bouncyCastleHolder()).isSameAs(c.bouncyCastleHolder());
        assertThat(c.bouncyCastleHolder().getEncoded()).isEqualTo(c.der());
    }

    @Test
    void ocspTargetFromCertificates_equalsTheOneFromDer() {
        Certificate leaf = TestCerts.tbs().parse();
        TestCerts.Tbs other = TestCerts.tbs();
        other.serial = java.math.BigInteger.valueOf(4712);
        Certificate issuer = other.parse();

        OcspTarget fromCertificates = OcspTarget.of(leaf, issuer);
        OcspTarget fromDer = OcspTarget.of(leaf.der(), issuer.der());

        assertThat(fromCertificates.serialNumber())
                .isEqualTo(fromDer.serialNumber())
                .isEqualTo(java.math.BigInteger.valueOf(4711));
    }
}
