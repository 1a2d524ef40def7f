package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Fingerprints: digest of the DER, length validation, equality, and the three text forms. */
class FingerprintTest {
    private static final HeldCertificate ROOT =
            TestPki.seeded(5).root("Contoso Root CA").build();

    @Test
    void isTheDigestOfTheDer() throws Exception {
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(ROOT.der());
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(ROOT.der());
        Certificate c = Certificate.parse(ROOT.der());
        assertThat(c.sha256Fingerprint().bytes()).isEqualTo(sha256);
        assertThat(c.sha1Fingerprint().bytes()).isEqualTo(sha1);
        assertThat(Fingerprint.sha256Of(ROOT.der())).isEqualTo(c.sha256Fingerprint());
        assertThat(Fingerprint.sha1Of(ROOT.der())).isEqualTo(c.sha1Fingerprint());
        assertThat(c.sha256Hex()).isEqualTo(HexFormat.of().formatHex(sha256));
        assertThat(c.sha256HexUpperCase())
                .isEqualTo(HexFormat.of().withUpperCase().formatHex(sha256));
        assertThat(c.sha1Hex()).isEqualTo(HexFormat.of().formatHex(sha1));
    }

    @Test
    void textForms() {
        byte[] digest = new byte[32];
        digest[0] = (byte) 0xAB;
        digest[31] = 0x0F;
        Fingerprint f = Fingerprint.of(Fingerprint.Algorithm.SHA256, digest);
        assertThat(f.hex()).startsWith("ab00").endsWith("000f").hasSize(64);
        assertThat(f.hexUpperCase()).startsWith("AB00").endsWith("000F").hasSize(64);
        assertThat(f.colonHex()).startsWith("AB:00:").endsWith(":00:0F").hasSize(32 * 3 - 1);
        assertThat(f).hasToString("SHA-256 " + f.colonHex());
    }

    @Test
    void validatesTheLengthAndCopies() {
        assertThatThrownBy(() -> Fingerprint.of(Fingerprint.Algorithm.SHA256, new byte[20]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a SHA-256 fingerprint has 32 bytes, not 20");
        assertThatThrownBy(() -> Fingerprint.of(Fingerprint.Algorithm.SHA1, new byte[32]))
                .hasMessage("a SHA-1 fingerprint has 20 bytes, not 32");
        byte[] digest = new byte[20];
        Fingerprint f = Fingerprint.of(Fingerprint.Algorithm.SHA1, digest);
        digest[0] = 1;
        f.bytes()[1] = 1;
        assertThat(f.bytes()).containsOnly(0);
    }

    @Test
    void equalityIsAlgorithmAndDigest() {
        byte[] a = new byte[20];
        byte[] b = new byte[20];
        b[19] = 1;
        assertThat(Fingerprint.of(Fingerprint.Algorithm.SHA1, a))
                .isEqualTo(Fingerprint.of(Fingerprint.Algorithm.SHA1, a.clone()))
                .hasSameHashCodeAs(Fingerprint.of(Fingerprint.Algorithm.SHA1, a.clone()))
                .isNotEqualTo(Fingerprint.of(Fingerprint.Algorithm.SHA1, b));
        assertThat(Fingerprint.sha256Of(ROOT.der())).isNotEqualTo(Fingerprint.sha1Of(ROOT.der()));
    }
}
