package io.github.sectrust4j.profile;

import static io.github.sectrust4j.profile.Profiles.cert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.NSData;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.profile.MobileConfig;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading .mobileconfig files as iOS installs them (§7.1), from profiles the test-fixtures builder writes. */
class ConfigurationProfileReadTest {
    static TestPki pki;
    static HeldCertificate root;
    static HeldCertificate otherRoot;
    static HeldCertificate ca;
    static HeldCertificate signerCa;
    static HeldCertificate signer;
    static byte[] profile;

    @BeforeAll
    static void mint() {
        pki = TestPki.seeded(7103);
        root = pki.root("Contoso Root CA").build();
        otherRoot = pki.root("Fabrikam Root CA").build();
        ca = pki.intermediate("Contoso Issuing CA 1", root).build();
        signerCa = pki.intermediate("Contoso Profile Signing CA", root).build();
        signer = pki.leaf("profiles.contoso.com", signerCa).build();
        profile = MobileConfig.builder("com.contoso.roots")
                .displayName("Contoso roots")
                .organization("Contoso")
                .rootPayload(root)
                .pkcs1Payload(ca)
                .pemPayload(otherRoot)
                .build();
    }

    @Test
    void xmlProfile_yieldsEveryCertificatePayload_rootsAndIntermediates() {
        ConfigurationProfile p = ConfigurationProfile.read(profile);
        assertThat(p.identifier()).isEqualTo("com.contoso.roots");
        assertThat(p.displayName()).isEqualTo("Contoso roots");
        assertThat(p.organization()).isEqualTo("Contoso");
        assertThat(p.certificatePayloads())
                .extracting(CertificatePayload::type)
                .containsExactly("com.apple.security.root", "com.apple.security.pkcs1", "com.apple.security.pem");
        assertThat(p.certificatePayloads())
                .extracting(CertificatePayload::location)
                .containsExactly("PayloadContent[0]", "PayloadContent[1]", "PayloadContent[2]");
        assertThat(p.roots()).containsExactly(cert(root), cert(otherRoot));
        assertThat(p.intermediates()).containsExactly(cert(ca));
        assertThat(p.ignoredPayloads()).isEmpty();
        assertThat(p.signature()).isEmpty();
        assertThat(p.summary())
                .contains(
                        "unsigned",
                        "installs root 'Contoso Root CA'",
                        "installs intermediate 'Contoso Issuing CA 1'",
                        "installs root 'Fabrikam Root CA'");
    }

    @Test
    void binaryProfile_readsLikeItsXml() {
        byte[] binary = Profiles.binary(profile);
        assertThat(new String(binary, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("bplist00");
        ConfigurationProfile p = ConfigurationProfile.read(binary);
        assertThat(p.certificatePayloads())
                .isEqualTo(ConfigurationProfile.read(profile).certificatePayloads());
    }

    @Test
    void signedProfile_reportsTheSignerAndAVerifyingSignature() {
        byte[] signed =
                MobileConfig.builder("com.contoso.roots").rootPayload(root).signed(signer, pki.now(), signerCa);
        ConfigurationProfile p = ConfigurationProfile.read(signed);
        assertThat(p.roots()).containsExactly(cert(root));
        ProfileSignature s = p.signature().orElseThrow();
        assertThat(s.status()).isEqualTo(ProfileSignature.Status.VALID);
        assertThat(s.verifies()).isTrue();
        assertThat(s.signerSubject()).contains("CN=profiles.contoso.com");
        assertThat(s.signerCertificate()).contains(cert(signer));
        assertThat(p.summary()).contains("signed by", "profiles.contoso.com", "the signature verifies");
    }

    @Test
    void signedProfileChangedAfterSigning_stillInstallsItsRoots_butTheReportSaysTheSignatureFails() {
        byte[] signed = MobileConfig.builder("com.contoso.roots")
                .displayName("Contoso roots")
                .rootPayload(root)
                .signed(signer, pki.now());
        byte[] tampered = replace(signed, "Contoso roots", "Contoso ROOTS");
        ConfigurationProfile p = ConfigurationProfile.read(tampered);
        assertThat(p.displayName()).isEqualTo("Contoso ROOTS");
        assertThat(p.roots()).containsExactly(cert(root));
        assertThat(p.signature().orElseThrow().status()).isEqualTo(ProfileSignature.Status.INVALID);
        assertThat(p.summary()).contains("does NOT verify", "Not Verified");
    }

    @Test
    void signatureValueDamaged_isInvalid() {
        byte[] signed =
                MobileConfig.builder("com.contoso.roots").rootPayload(root).signed(signer, pki.now());
        byte[] damaged = signed.clone();
        damaged[damaged.length - 3] ^= 0x55; // inside the signature value, the last field of the SignerInfo
        ProfileSignature s = ConfigurationProfile.read(damaged).signature().orElseThrow();
        assertThat(s.verifies()).isFalse();
        assertThat(s.status()).isIn(ProfileSignature.Status.INVALID, ProfileSignature.Status.UNVERIFIABLE);
    }

    @Test
    void nestedPayloads_areRead_andTheirContainerListed() {
        ConfigurationProfile p = ConfigurationProfile.read(Profiles.nested(profile));
        assertThat(p.certificatePayloads())
                .extracting(CertificatePayload::location)
                .containsExactly(
                        "PayloadContent[1].PayloadContent[0]",
                        "PayloadContent[1].PayloadContent[1]",
                        "PayloadContent[1].PayloadContent[2]");
        assertThat(p.roots()).containsExactly(cert(root), cert(otherRoot));
        assertThat(p.ignoredPayloads())
                .extracting(IgnoredPayload::type)
                .containsExactly("com.apple.wifi.managed", "com.example.container");
    }

    @Test
    void payloadsThatInstallNoCertificate_areListedAsIgnored_notAnError() {
        ConfigurationProfile p =
                ConfigurationProfile.read(Profiles.withPayloads(profile, Profiles.wifi(), Profiles.pkcs12()));
        assertThat(p.roots()).containsExactly(cert(root), cert(otherRoot));
        assertThat(p.ignoredPayloads())
                .extracting(IgnoredPayload::type, IgnoredPayload::location)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("com.apple.wifi.managed", "PayloadContent[3]"),
                        org.assertj.core.groups.Tuple.tuple("com.apple.security.pkcs12", "PayloadContent[4]"));
        assertThat(p.ignoredPayloads().get(1).reason()).contains("PKCS #12 identity");
        assertThat(p.summary()).contains("ignored com.apple.wifi.managed 'Office Wi-Fi' (PayloadContent[3])");
    }

    @Test
    void externalEntity_isRefused() {
        String xml = new String(profile, StandardCharsets.UTF_8)
                .replaceFirst(
                        "<!DOCTYPE plist[^>]*>", "<!DOCTYPE plist [<!ENTITY name SYSTEM \"file:///etc/hostname\">]>")
                .replace("<string>Contoso roots</string>", "<string>&name;</string>");
        assertThat(xml).contains("<!ENTITY");
        assertThatThrownBy(() -> ConfigurationProfile.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ConfigurationProfileException.class)
                .hasMessageContaining("entities");
    }

    @Test
    void xmlInAnotherEncoding_isRefused() {
        String xml = new String(profile, StandardCharsets.UTF_8).replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        assertThatThrownBy(() -> ConfigurationProfile.read(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ConfigurationProfileException.class)
                .hasMessageContaining("encoding 'UTF-16'");
    }

    @Test
    void whatIosRefuses_isAnInputErrorNamingTheKey() {
        assertRefused(Profiles.withTopKey(profile, "PayloadUUID", null), "PayloadUUID is missing");
        assertRefused(Profiles.withTopKey(profile, "PayloadType", "com.apple.security.root"), "not 'Configuration'");
        assertRefused(Profiles.withTopKey(profile, "PayloadVersion", 2), "PayloadVersion is 2");
        assertRefused(Profiles.withTopKey(profile, "PayloadContent", null), "PayloadContent is missing");
        assertRefused(Profiles.withTopKey(profile, "EncryptedPayloadContent", new NSData(new byte[4])), "encrypted");
        assertRefused(
                Profiles.withFirstPayloadKey(profile, "PayloadIdentifier", null),
                "PayloadContent[0]: PayloadIdentifier is missing");
        assertRefused(
                Profiles.withFirstPayloadKey(profile, "PayloadContent", new NSData(new byte[] {0x30, 0x03, 1, 2, 3})),
                "PayloadContent[0] (com.apple.security.root): PayloadContent is not a certificate");
        assertRefused(Profiles.withFirstPayloadKey(profile, "PayloadContent", "not data"), "is not <data>");
        assertRefused(
                Profiles.withFirstPayloadKey(
                        profile, "PayloadContent", new NSData(root.pem().getBytes(StandardCharsets.US_ASCII))),
                "holds PEM text");
    }

    @Test
    void encryptedCms_andOtherContainers_areRefusedClearly() throws Exception {
        byte[] enveloped = new ContentInfo(CMSObjectIdentifiers.envelopedData, new DERSequence()).getEncoded();
        assertRefused(enveloped, "encrypted (CMS EnvelopedData)");
        assertRefused(root.der(), "DER data that is not CMS SignedData");
        assertRefused(new byte[0], "empty input");
        assertRefused("hello".getBytes(StandardCharsets.US_ASCII), "not a property list");
        assertRefused(Arrays.copyOf(profile, profile.length / 2), "not a configuration profile");
        assertRefused(
                "<plist version=\"1.0\"><array/></plist>".getBytes(StandardCharsets.US_ASCII), "not a dictionary");
    }

    @Test
    void looksLikeProfile_tellsProfilesFromCertificates() {
        assertThat(ConfigurationProfile.looksLikeProfile(profile)).isTrue();
        assertThat(ConfigurationProfile.looksLikeProfile(Profiles.binary(profile)))
                .isTrue();
        assertThat(ConfigurationProfile.looksLikeProfile(
                        MobileConfig.builder("x").rootPayload(root).signed(signer, pki.now())))
                .isTrue();
        assertThat(ConfigurationProfile.looksLikeProfile(root.der())).isFalse();
        assertThat(ConfigurationProfile.looksLikeProfile(root.pem().getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
    }

    @Test
    void certificatesOnlyP7b_isNotTakenForAProfile() throws Exception {
        org.bouncycastle.cms.CMSSignedDataGenerator generator = new org.bouncycastle.cms.CMSSignedDataGenerator();
        generator.addCertificates(new org.bouncycastle.util.CollectionStore<>(
                java.util.List.of(new org.bouncycastle.cert.X509CertificateHolder(root.der()))));
        byte[] p7b =
                generator.generate(new org.bouncycastle.cms.CMSAbsentContent()).getEncoded();
        assertThat(ConfigurationProfile.looksLikeProfile(p7b)).isFalse();
        assertRefused(p7b, "certificates-only PKCS #7 bundle (.p7b)");
    }

    static void assertRefused(byte[] bytes, String reason) {
        assertThatThrownBy(() -> ConfigurationProfile.read(bytes))
                .isInstanceOf(ConfigurationProfileException.class)
                .hasMessageContaining(reason);
    }

    static byte[] replace(byte[] bytes, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        byte[] out = bytes.clone();
        for (int i = 0; i + f.length <= out.length; i++) {
            if (Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, i, t.length);
                return out;
            }
        }
        throw new AssertionError("'" + from + "' not found");
    }
}
