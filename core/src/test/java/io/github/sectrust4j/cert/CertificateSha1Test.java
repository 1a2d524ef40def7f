package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The SHA-1 fingerprint (computed on first use) is the SHA-1 of the exact DER, stable across calls. */
class CertificateSha1Test {

    @Test
    void sha1_isTheDigestOfTheDer_andStable() throws Exception {
        for (byte[] der : CertificateRobustnessProperties.SEEDS) {
            Certificate c = Certificate.parse(der);
            byte[] expected = MessageDigest.getInstance("SHA-1").digest(der);

            assertThat(c.sha1Hex()).isEqualTo(HexFormat.of().formatHex(expected));
            assertThat(c.sha1()).isEqualTo(expected).isNotSameAs(c.sha1());
            c.sha1()[0] ^= 1; // a caller's copy cannot change the certificate's fingerprint
            assertThat(c.sha1()).isEqualTo(expected);
        }
    }
}
