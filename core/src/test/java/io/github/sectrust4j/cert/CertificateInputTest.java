package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.CertificateInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CertificateInputTest {
    static final byte[] A = TestCerts.tbs().der();
    static final byte[] B = bDer();

    private static byte[] bDer() {
        TestCerts.Tbs t = TestCerts.tbs();
        t.serial = java.math.BigInteger.valueOf(2);
        return t.der();
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }

    @Test
    void pemWithSeveralBlocksAndTextBetween_yieldsAllCertificatesInOrder() {
        String text =
                "subject=CN=leaf\n" + pem(A) + "issuer: whatever\r\n\r\n" + pem(B).replace("\n", "\r\n") + "trailer";
        List<Certificate> certs = CertificateInput.fromPem(text);
        assertThat(certs).extracting(c -> c.serialNumber().intValue()).containsExactly(4711, 2);
    }

    @Test
    void otherPemLabel_isRejectedNamingBlockAndLabel() {
        String text = pem(A) + "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n";
        assertThatThrownBy(() -> CertificateInput.fromPem(text))
                .isInstanceOfSatisfying(CertificateInputException.class, e -> {
                    assertThat(e.index()).isEqualTo(1);
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "chain[1] (PEM block 2) is not a certificate: PEM label is \"X509 CRL\", expected \"CERTIFICATE\"");
                });
    }

    @Test
    void privateKeyBlocks_areSkipped_asInAServersKeyAndChainFile_butAKeyAloneIsNoCertificate() {
        String key = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
        String ecKey = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
                + "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n";
        assertThat(CertificateInput.fromPem(key + pem(A) + ecKey + pem(A))).hasSize(2); // nginx/HAProxy bundle
        assertThatThrownBy(() -> CertificateInput.fromPem(key))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("holds a private key and no certificate");
    }

    @Test
    void trustedCertificateLabel_isRejectedToo() {
        String text = pem(A).replace("CERTIFICATE", "TRUSTED CERTIFICATE");
        assertThatThrownBy(() -> CertificateInput.fromPem(text))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("\"TRUSTED CERTIFICATE\"");
    }

    @Test
    void badBase64_isReported() {
        String text = pem(A).replace("-----BEGIN CERTIFICATE-----\n", "-----BEGIN CERTIFICATE-----\n*");
        assertThatThrownBy(() -> CertificateInput.fromPem(text))
                .isInstanceOfSatisfying(CertificateInputException.class, e -> {
                    assertThat(e.index()).isZero();
                    assertThat(e.getMessage()).startsWith("chain[0] (PEM block 1) is not a certificate: bad base64");
                });
    }

    @Test
    void truncatedDerInsidePem_reportsLengths() {
        byte[] cut = Arrays.copyOf(B, B.length - 100);
        String text = pem(A) + pem(cut);
        int header = Der.read(B, 0, B.length).contentStart();
        assertThatThrownBy(() -> CertificateInput.fromPem(text))
                .isInstanceOf(CertificateInputException.class)
                .hasMessage("chain[1] (PEM block 2) is not a certificate: DER length " + (B.length - header)
                        + " exceeds the " + (cut.length - header) + " bytes present");
    }

    @Test
    void missingEndLine_isReported() {
        String text = "-----BEGIN CERTIFICATE-----\n" + Base64.getEncoder().encodeToString(A);
        assertThatThrownBy(() -> CertificateInput.fromPem(text))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("no \"-----END CERTIFICATE-----\" line");
    }

    @Test
    void emptyAndBlockFreeInput_areReported() {
        assertThatThrownBy(() -> CertificateInput.fromPem("  \n"))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("empty input");
        assertThatThrownBy(() -> CertificateInput.fromPem("hello"))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("no PEM blocks found");
        assertThatThrownBy(() -> CertificateInput.parse(new byte[0]))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("empty input");
        assertThatThrownBy(() -> CertificateInput.fromDerList(List.of()))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("empty input");
    }

    @Test
    void autoDetect_acceptsDerAndPem_andExplainsNeither() {
        assertThat(CertificateInput.parse(A)).containsExactly(Certificate.parse(A));
        assertThat(CertificateInput.parse((pem(A) + pem(B)).getBytes(StandardCharsets.US_ASCII)))
                .hasSize(2);
        assertThatThrownBy(() -> CertificateInput.parse("MIIB".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("neither DER");
    }

    @Test
    void derListError_namesTheElement() {
        byte[] garbage = Arrays.copyOf(B, B.length + 1);
        assertThatThrownBy(() -> CertificateInput.fromDerList(List.of(A, garbage)))
                .isInstanceOfSatisfying(CertificateInputException.class, e -> {
                    assertThat(e.index()).isEqualTo(1);
                    assertThat(e.reason()).startsWith("trailing garbage: 1 bytes");
                    assertThat(e.getMessage()).startsWith("chain[1] is not a certificate: trailing garbage");
                });
    }

    @Test
    void fromX509_roundTripsThroughTheEncoding() throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        X509Certificate x = (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(A));
        assertThat(CertificateInput.fromX509(List.of(x))).containsExactly(Certificate.parse(A));
    }
}
