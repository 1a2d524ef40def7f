package io.github.sectrust4j.engine;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.KeyUsage;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.TrustSetting.KeyUse;
import io.github.sectrust4j.TrustSetting.Result;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code kSecTrustSettingsKeyUsage} (§7.2): a constraint applies only when the usage iOS derives for the
 * certificate (SignCert at a CA position, plus the SSL policy's required key usage) equals its value, or it
 * is Any — Apple's {@code TrustSettingsTests} {@code test_key_usage_constraints}, with minted certificates.
 */
@ExtendWith(TestPkiExtension.class)
class TrustSettingsKeyUsageTest {
    private HeldCertificate root;
    private HeldCertificate ica;
    private HeldCertificate leaf;
    private TestPki pki;

    @BeforeEach
    void mint(TestPki pki) {
        this.pki = pki;
        root = pki.root("TS Root").build();
        ica = pki.intermediate("TS Issuing CA", root).build();
        leaf = pki.leaf("example.com", ica).validForDays(90).build();
    }

    private SecTrust basicWith(HeldCertificate cert, TrustSetting... settings) {
        return SecTrust.ios("17.4").basicPolicy().at(pki.now()).withUserRoot(user(cert, settings));
    }

    private SecTrust sslWith(HeldCertificate cert, TrustSetting... settings) {
        return SecTrust.ios("17.4").forServer("example.com").at(pki.now()).withUserRoot(user(cert, settings));
    }

    private static UserRoot user(HeldCertificate cert, TrustSetting... settings) {
        return new UserRoot(
                Certificate.parse(cert.der()), InstallChannel.PROFILE, FullTrust.OFF, Optional.of(List.of(settings)));
    }

    private static TrustSetting setting(Result r, KeyUse... uses) {
        return TrustSetting.of(r).forKeyUsage(uses);
    }

    @Test
    void anyAndSignCert_onRootOrIntermediate_anchor(TestPki unused) {
        List<Certificate> chain = certs(leaf, ica, root);
        assertThat(basicWith(root, setting(Result.TRUST_ROOT, KeyUse.ANY))
                        .evaluate(chain)
                        .result())
                .isEqualTo(SecTrustResult.PROCEED);
        assertThat(basicWith(root, setting(Result.TRUST_ROOT, KeyUse.SIGN_CERT))
                        .evaluate(chain)
                        .result())
                .isEqualTo(SecTrustResult.PROCEED);
        TrustReport ic =
                basicWith(ica, setting(Result.TRUST_AS_ROOT, KeyUse.SIGN_CERT)).evaluate(chain);
        assertThat(ic.result()).as(ic.explain()).isEqualTo(SecTrustResult.PROCEED);
        assertThat(ic.path()).hasSize(2);
    }

    @Test
    void intermediateWithoutSignCert_isNotAnAnchor(TestPki unused) {
        TrustReport r =
                basicWith(ica, setting(Result.TRUST_AS_ROOT, KeyUse.SIGNATURE)).evaluate(certs(leaf, ica, root));
        assertThat(r.result()).as(r.explain()).isEqualTo(SecTrustResult.RECOVERABLE_TRUST_FAILURE);
        assertThat(r.has(FindingCode.ANCHOR_TRUSTED) || r.has(FindingCode.MISSING_INTERMEDIATE))
                .isTrue();
    }

    @Test
    void leafConstraint_matchesOnlyTheSslPolicysRequiredUsage_exactly(TestPki unused) {
        TrustSetting signature = setting(Result.TRUST_AS_ROOT, KeyUse.SIGNATURE);
        // plain SecPolicyCreateSSL: the leaf derives no usage, a Signature constraint never matches
        assertThat(sslWith(leaf, signature).evaluate(certs(leaf)).trusted()).isFalse();
        // SecPolicyCreateSSLWithKeyUsage(digitalSignature): derived Signature, the constraint matches
        TrustReport ok = sslWith(leaf, signature)
                .requireKeyUsage(KeyUsage.DIGITAL_SIGNATURE)
                .evaluate(certs(leaf));
        assertThat(ok.result()).as(ok.explain()).isEqualTo(SecTrustResult.PROCEED);
        // a superset does not match (Apple: multiple-use S/MIME policy against a Signature constraint)
        HeldCertificate rsaLeaf = pki.leaf("example.com", ica)
                .keyUsage(CertificateBuilder.KU_DIGITAL_SIGNATURE | CertificateBuilder.KU_KEY_ENCIPHERMENT)
                .validForDays(90)
                .build();
        TrustReport both = sslWith(rsaLeaf, signature)
                .requireKeyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT)
                .evaluate(certs(rsaLeaf));
        assertThat(both.trusted()).isFalse();
        assertThat(both.has(FindingCode.KEY_USAGE)).isFalse();
        assertThat(both.has(FindingCode.MISSING_INTERMEDIATE))
                .as(both.explain())
                .isTrue();
        // signature + key encipherment matches a constraint holding both
        TrustReport exact = sslWith(rsaLeaf, setting(Result.TRUST_AS_ROOT, KeyUse.SIGNATURE, KeyUse.EN_DECRYPT_KEY))
                .requireKeyUsage(KeyUsage.DIGITAL_SIGNATURE, KeyUsage.KEY_ENCIPHERMENT)
                .evaluate(certs(rsaLeaf));
        assertThat(exact.trusted()).as(exact.explain()).isTrue();
    }

    @Test
    void denyAppliesOnlyWhenItsKeyUsageMatches(TestPki unused) {
        List<Certificate> chain = certs(leaf, ica, root);
        TrustReport notDenied = basicWith(
                        root, setting(Result.DENY, KeyUse.SIGNATURE), TrustSetting.of(Result.TRUST_ROOT))
                .evaluate(chain);
        assertThat(notDenied.result()).as(notDenied.explain()).isEqualTo(SecTrustResult.PROCEED);
        TrustReport denied = basicWith(root, setting(Result.DENY, KeyUse.SIGN_CERT), TrustSetting.of(Result.TRUST_ROOT))
                .evaluate(chain);
        assertThat(denied.result()).isEqualTo(SecTrustResult.DENY);
        assertThat(denied.has(FindingCode.USAGE_CONSTRAINTS)).isTrue();
    }

    @Test
    void values_areApples_andRangeIsChecked() {
        assertThat(KeyUse.SIGN_CERT.value()).isEqualTo(0x08);
        assertThat(KeyUse.KEY_EXCHANGE.value()).isEqualTo(0x20);
        assertThat(KeyUse.ANY.value()).isEqualTo(0xFFFFFFFFL);
        assertThat(TrustSetting.of(Result.TRUST_ROOT)
                        .forKeyUsage(KeyUse.SIGNATURE, KeyUse.SIGN_CERT)
                        .keyUsage())
                .contains(9L);
        assertThatThrownBy(() -> TrustSetting.of(Result.TRUST_ROOT).forKeyUsage(0x1_0000_0000L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyUse.fromLabel("sign")).hasMessageContaining("signCert");
    }
}
