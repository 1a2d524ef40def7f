package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

/**
 * A Name's encoding is Bouncy Castle's DER of it, also where the certificate's bytes are not DER inside an attribute
 * value that the strict reading accepts (a GeneralizedTime without seconds): names equal as DER compare equal, so a
 * bundle links a certificate to its issuer the same whichever reading parsed them. In review, keeping the raw bytes of
 * a strictly read Name broke this (and the chain order of a crafted PKCS#7 bundle); the change was reverted.
 */
class NameEncodingTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aNameWithANonDerTime_isEncodedAsBouncyCastlesDer_andEqualsItsDerForm() {
        TestCerts.Tbs a = TestCerts.tbs();
        a.subject = new X500Name("CN=AAAAAAAAAAA");
        TestCerts.Tbs b = TestCerts.tbs();
        b.issuer = new X500Name("CN=BBBBBBBBBBBBBBB");
        byte[] withShortTime = patch(a.der(), "AAAAAAAAAAA", "2020010100Z");
        byte[] withDerTime = patch(b.der(), "BBBBBBBBBBBBBBB", "20200101000000Z");

        Certificate subjectSide = Certificate.parse(withShortTime);
        Certificate issuerSide = Certificate.parse(withDerTime);

        assertThat(StrictTbsReaderProperties.readStrictly(withShortTime))
                .as("read strictly")
                .isTrue();
        assertThat(HEX.formatHex(subjectSide.subject().der())).contains(asciiHex("20200101000000Z"));
        assertThat(subjectSide.subject()).isEqualTo(issuerSide.issuer());
        assertThat(subjectSide.subject().der()).isEqualTo(issuerSide.issuer().der());
    }

    /** Replaces the UTF8String {@code placeholder} by a GeneralizedTime {@code time} of the same length. */
    private static byte[] patch(byte[] der, String placeholder, String time) {
        String hex = HEX.formatHex(der);
        String from = String.format("0c%02x", placeholder.length()) + asciiHex(placeholder);
        String to = String.format("18%02x", time.length()) + asciiHex(time);
        assertThat(hex).contains(from);
        return HEX.parseHex(hex.replace(from, to));
    }

    private static String asciiHex(String s) {
        return HEX.formatHex(s.getBytes(StandardCharsets.US_ASCII));
    }
}
