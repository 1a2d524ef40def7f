package io.github.sectrust4j.profile;

import static io.github.sectrust4j.profile.Profiles.cert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.KeyAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Writing profiles that install roots, read back by the reader and by dd-plist / Bouncy Castle independently. */
class ConfigurationProfileWriteTest {
    static TestPki pki;
    static HeldCertificate root;
    static HeldCertificate rsaRoot;
    static HeldCertificate ca;
    static HeldCertificate signer;

    @BeforeAll
    static void mint() {
        pki = TestPki.seeded(4242);
        root = pki.root("Contoso Root CA").build();
        rsaRoot = pki.root("Contoso RSA Root").rsa(2048).build();
        ca = pki.intermediate("Contoso Issuing CA 1", root).build();
        signer = pki.leaf("profiles.contoso.com", ca).build();
    }

    static ConfigurationProfile.Builder contoso() {
        return ConfigurationProfile.builder()
                .root(cert(root))
                .root(cert(rsaRoot))
                .identifier("com.contoso.roots")
                .displayName("Contoso <roots> & \"more\" ]]> é")
                .organization("Contoso Ltd")
                .description("Line one\nline two")
                .uuidSeed("test");
    }

    @Test
    void writtenProfile_isReadBackByTheReader() {
        ConfigurationProfile written = contoso().build();
        ConfigurationProfile read = ConfigurationProfile.read(written.toXml());
        assertThat(read.identifier()).isEqualTo("com.contoso.roots");
        assertThat(read.displayName()).isEqualTo("Contoso <roots> & \"more\" ]]> é");
        assertThat(read.organization()).isEqualTo("Contoso Ltd");
        assertThat(read.description()).isEqualTo("Line one\nline two");
        assertThat(read.uuid()).isEqualTo(written.uuid());
        assertThat(read.roots()).containsExactly(cert(root), cert(rsaRoot));
        assertThat(read.certificatePayloads()).isEqualTo(written.certificatePayloads());
        assertThat(read.signature()).isEmpty();
    }

    @Test
    void writtenProfile_followsApplesFormat_checkedWithDdPlist() {
        byte[] xml = contoso().build().toXml();
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC "
                                + "\"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n<plist version=\"1.0\">")
                .endsWith("</plist>\n")
                .doesNotContain("\r");
        NSDictionary top = Profiles.dict(xml);
        assertThat(top.allKeys())
                .containsExactly(
                        "PayloadContent",
                        "PayloadDescription",
                        "PayloadDisplayName",
                        "PayloadIdentifier",
                        "PayloadOrganization",
                        "PayloadRemovalDisallowed",
                        "PayloadType",
                        "PayloadUUID",
                        "PayloadVersion");
        assertThat(top.objectForKey("PayloadType").toJavaObject()).isEqualTo("Configuration");
        assertThat(top.objectForKey("PayloadVersion").toJavaObject()).isEqualTo(1);
        assertThat(top.objectForKey("PayloadUUID").toJavaObject().toString())
                .matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        NSArray content = (NSArray) top.objectForKey("PayloadContent");
        assertThat(content.count()).isEqualTo(2);
        NSDictionary first = (NSDictionary) content.objectAtIndex(0);
        assertThat(first.allKeys())
                .containsExactly(
                        "PayloadCertificateFileName",
                        "PayloadContent",
                        "PayloadDisplayName",
                        "PayloadIdentifier",
                        "PayloadType",
                        "PayloadUUID",
                        "PayloadVersion");
        assertThat(first.objectForKey("PayloadType").toJavaObject()).isEqualTo("com.apple.security.root");
        assertThat(first.objectForKey("PayloadVersion").toJavaObject()).isEqualTo(1);
        assertThat(first.objectForKey("PayloadDisplayName").toJavaObject()).isEqualTo("Contoso Root CA");
        assertThat(first.objectForKey("PayloadCertificateFileName").toJavaObject())
                .isEqualTo("Contoso-Root-CA.cer");
        assertThat(((NSData) first.objectForKey("PayloadContent")).bytes()).isEqualTo(root.der());
        NSDictionary second = (NSDictionary) content.objectAtIndex(1);
        assertThat(((NSData) second.objectForKey("PayloadContent")).bytes()).isEqualTo(rsaRoot.der());
        assertThat(List.of(
                        first.objectForKey("PayloadUUID"),
                        second.objectForKey("PayloadUUID"),
                        top.objectForKey("PayloadUUID")))
                .doesNotHaveDuplicates();
        assertThat(List.of(first.objectForKey("PayloadIdentifier"), second.objectForKey("PayloadIdentifier")))
                .doesNotHaveDuplicates();
    }

    @Test
    void uuidSeed_makesTheFileReproducible_withoutItUuidsAreFresh() {
        assertThat(contoso().build().toXml()).isEqualTo(contoso().build().toXml());
        ConfigurationProfile a = ConfigurationProfile.builder().root(cert(root)).build();
        ConfigurationProfile b = ConfigurationProfile.builder().root(cert(root)).build();
        assertThat(a.uuid()).isNotEqualTo(b.uuid());
        assertThat(a.certificatePayloads().get(0).uuid())
                .isNotEqualTo(b.certificatePayloads().get(0).uuid());
        assertThat(a.identifier()).isEqualTo(b.identifier()).startsWith("io.github.sectrust4j.roots.");
        assertThat(a.displayName()).isEqualTo("Contoso Root CA");
    }

    @Test
    void signedProfile_isCmsWithTheXmlEncapsulated_andVerifies() throws Exception {
        ConfigurationProfile profile = contoso().build();
        byte[] signed = profile.sign(signer.keyPair().getPrivate(), cert(signer), List.of(cert(ca)), pki.now());
        CMSSignedData cms = new CMSSignedData(signed);
        assertThat((byte[]) cms.getSignedContent().getContent()).isEqualTo(profile.toXml());
        assertThat(cms.getCertificates().getMatches(null)).hasSize(2);
        ConfigurationProfile read = ConfigurationProfile.read(signed);
        assertThat(read.signature().orElseThrow().status()).isEqualTo(ProfileSignature.Status.VALID);
        assertThat(read.signature().orElseThrow().signerCertificate()).contains(cert(signer));
        assertThat(read.roots()).containsExactly(cert(root), cert(rsaRoot));
    }

    @Test
    void signingWithAnRsaKey_works() {
        HeldCertificate rsaSigner =
                pki.leaf("rsa.contoso.com", ca).key(KeyAlgorithm.rsa(2048)).build();
        byte[] signed = contoso().build().sign(rsaSigner.keyPair().getPrivate(), cert(rsaSigner), List.of(), pki.now());
        assertThat(ConfigurationProfile.read(signed).signature().orElseThrow().verifies())
                .isTrue();
    }

    @Test
    void signingWithAKeyOfAnotherCertificate_isRefused() {
        assertThatThrownBy(
                        () -> contoso().build().sign(root.keyPair().getPrivate(), cert(signer), List.of(), pki.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong");
    }

    @Test
    void builder_refusesWhatCannotMakeAProfile() {
        assertThatThrownBy(() -> ConfigurationProfile.builder().root(cert(ca)))
                .hasMessageContaining("'Contoso Issuing CA 1' is not a root");
        assertThatThrownBy(() -> ConfigurationProfile.builder().build()).hasMessageContaining("at least one root");
        assertThatThrownBy(() -> ConfigurationProfile.builder().displayName("a\u0000b"))
                .hasMessageContaining("control");
        assertThatThrownBy(() -> ConfigurationProfile.builder().identifier("com contoso"))
                .hasMessageContaining("reverse-DNS");
        assertThatThrownBy(() -> ConfigurationProfile.builder().displayName(" "))
                .hasMessageContaining("empty");
    }
}
