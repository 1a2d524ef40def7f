package io.github.sectrust4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.fixtures.Chains;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every container {@link CertificateBundle} reads, built in the test from minted certificates. */
class CertificateBundleTest {
    static TestPki pki;
    static TestChain chain;
    static final char[] PASSWORD = "contoso-pfx".toCharArray();

    @BeforeAll
    static void mint() {
        pki = TestPki.seeded(4);
        chain = pki.chain("sip.contoso.com");
    }

    static List<byte[]> ders(CertificateBundle bundle) {
        return bundle.certificates().stream().map(Cert::der).toList();
    }

    static List<byte[]> ders(HeldCertificate... held) {
        return java.util.Arrays.stream(held).map(HeldCertificate::der).toList();
    }

    @Test
    void pkcs7Der_givesTheChainLeafFirst_whateverTheSetOrder() {
        // DER sorts the SET OF certificates: root and leaf first in the file is what makes ordering necessary
        byte[] p7b = Containers.pkcs7(chain.root(), chain.leaf(), chain.intermediate());
        CertificateBundle bundle = CertificateBundle.read(p7b);

        assertThat(bundle.format()).isEqualTo(CertificateBundle.Format.PKCS7);
        assertThat(ders(bundle)).containsExactlyElementsOf(ders(chain.leaf(), chain.intermediate(), chain.root()));
    }

    @Test
    void pkcs7Pem_andCertutilStyleArmour_areRead() {
        byte[] p7b = Containers.pkcs7(chain.leaf(), chain.intermediate());
        String pem = Containers.pem("PKCS7", p7b);
        String certutil = Containers.pem("CERTIFICATE", p7b); // Windows certutil -encode writes this label

        for (String text : List.of(pem, "Bag Attributes\n" + pem, certutil)) {
            CertificateBundle bundle = CertificateBundle.read(text.getBytes(StandardCharsets.US_ASCII));
            assertThat(bundle.format()).isEqualTo(CertificateBundle.Format.PKCS7);
            assertThat(ders(bundle)).containsExactlyElementsOf(ders(chain.leaf(), chain.intermediate()));
        }
    }

    @Test
    void pkcs12_givesTheKeyEntryChain_notTheOtherEntries() throws Exception {
        HeldCertificate other = pki.root("Unrelated Root").build();
        byte[] pfx = Containers.keyStore("PKCS12", PASSWORD, chain, other);
        CertificateBundle bundle = CertificateBundle.read(pfx, PASSWORD);

        assertThat(bundle.format()).isEqualTo(CertificateBundle.Format.PKCS12);
        assertThat(bundle.keyEntry()).contains("sip");
        assertThat(ders(bundle)).containsExactlyElementsOf(ders(chain.leaf(), chain.intermediate(), chain.root()));
    }

    @Test
    void jks_givesTheKeyEntryChain_withOrWithoutPassword() throws Exception {
        byte[] jks = Containers.keyStore("JKS", PASSWORD, chain, null);

        for (char[] password : new char[][] {PASSWORD, null}) {
            CertificateBundle bundle = CertificateBundle.read(jks, password);
            assertThat(bundle.format()).isEqualTo(CertificateBundle.Format.JKS);
            assertThat(ders(bundle)).containsExactlyElementsOf(ders(chain.leaf(), chain.intermediate(), chain.root()));
        }
    }

    @Test
    void keyStoreWithoutKeyEntries_givesItsCertificatesInChainOrder() throws Exception {
        byte[] trustStore = Containers.trustStore("PKCS12", PASSWORD, chain.root(), chain.intermediate(), chain.leaf());
        CertificateBundle bundle = CertificateBundle.read(trustStore, PASSWORD);

        assertThat(bundle.keyEntry()).isEmpty();
        assertThat(ders(bundle)).containsExactlyElementsOf(ders(chain.leaf(), chain.intermediate(), chain.root()));
    }

    @Test
    void pkcs12_wrongOrMissingPassword_isAClearError() throws Exception {
        byte[] pfx = Containers.keyStore("PKCS12", PASSWORD, chain, null);

        assertThatThrownBy(() -> CertificateBundle.read(pfx, "nope".toCharArray()))
                .isInstanceOfSatisfying(CertificateBundle.UnreadableException.class, e -> {
                    assertThat(e.format()).isEqualTo(CertificateBundle.Format.PKCS12);
                    assertThat(e.getMessage()).startsWith("PKCS#12: wrong password");
                });
        assertThatThrownBy(() -> CertificateBundle.read(pfx))
                .isInstanceOfSatisfying(
                        CertificateBundle.UnreadableException.class,
                        e -> assertThat(e.getMessage()).startsWith("PKCS#12: needs a password"));
    }

    @Test
    void pemAndDer_andSClientText_readAsBefore() {
        String sClient = "CONNECTED(00000003)\n---\nCertificate chain\n 0 s:CN = sip.contoso.com\n   i:CN = CA\n"
                + chain.leaf().pem() + " 1 s:CN = CA\n" + chain.intermediate().pem() + "---\nServer certificate\n"
                + "subject=CN = sip.contoso.com\n---\nDONE\n";
        CertificateBundle text = CertificateBundle.read(sClient.getBytes(StandardCharsets.US_ASCII));
        CertificateBundle der = CertificateBundle.read(chain.leaf().der());

        assertThat(text.format()).isEqualTo(CertificateBundle.Format.PEM);
        assertThat(ders(text)).containsExactlyElementsOf(ders(chain.leaf(), chain.intermediate()));
        assertThat(der.format()).isEqualTo(CertificateBundle.Format.DER);
        assertThat(ders(der)).containsExactlyElementsOf(ders(chain.leaf()));
        // PEM order is kept as written, even when it is not chain order (the evaluator sorts that out)
        CertificateBundle reversed = CertificateBundle.read(
                Chains.pem(chain.intermediate(), chain.leaf()).getBytes(StandardCharsets.US_ASCII));
        assertThat(ders(reversed)).containsExactlyElementsOf(ders(chain.intermediate(), chain.leaf()));
    }

    @Test
    void damagedContainers_nameTheFormatTried() {
        byte[] p7b = Containers.pkcs7(chain.leaf(), chain.intermediate());
        byte[] truncated = java.util.Arrays.copyOf(p7b, p7b.length / 2);
        byte[] fakePfx = {0x30, 0x03, 0x02, 0x01, 0x03};
        byte[] fakeJks = {(byte) 0xFE, (byte) 0xED, (byte) 0xFE, (byte) 0xED, 0, 0, 0, 2, 0, 0};

        assertThatThrownBy(() -> CertificateBundle.read(truncated)).hasMessageStartingWith("PKCS#7: ");
        assertThatThrownBy(() -> CertificateBundle.read(fakePfx)).hasMessageStartingWith("PKCS#12: ");
        assertThatThrownBy(() -> CertificateBundle.read(fakeJks)).hasMessageStartingWith("Java KeyStore (JKS): ");
        assertThatThrownBy(() -> CertificateBundle.read(
                        "-----BEGIN PKCS7-----\n!!!\n-----END PKCS7-----\n".getBytes(StandardCharsets.US_ASCII)))
                .hasMessageStartingWith("PKCS#7: ");
        assertThatThrownBy(() -> CertificateBundle.read(
                        (Containers.pem("PKCS7", p7b) + chain.leaf().privateKeyPem())
                                .getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("\"PRIVATE KEY\" is neither");
        assertThatThrownBy(() -> CertificateBundle.read(Containers.pkcs7()))
                .hasMessage("PKCS#7: holds no certificates");
    }

    @Test
    void detect_looksAtContentOnly() {
        assertThat(CertificateBundle.detect(chain.leaf().der())).isEqualTo(CertificateBundle.Format.DER);
        assertThat(CertificateBundle.detect(Containers.pkcs7(chain.leaf()))).isEqualTo(CertificateBundle.Format.PKCS7);
        assertThat(CertificateBundle.detect(new byte[] {(byte) 0xCE, (byte) 0xCE, (byte) 0xCE, (byte) 0xCE}))
                .isEqualTo(CertificateBundle.Format.JCEKS);
        assertThat(CertificateBundle.detect("text".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(CertificateBundle.Format.PEM);
        assertThat(CertificateBundle.detect(new byte[0])).isEqualTo(CertificateBundle.Format.PEM);
        assertThatThrownBy(() -> CertificateBundle.read(new byte[0])).isInstanceOf(CertificateInputException.class);
    }
}
