package io.github.sectrust4j.engine;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.KeyUsage;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code SecPolicyCreateSSLWithKeyUsage} (§2.2 {@code KeyUsage}): the leaf must hold every required usage or
 * carry no keyUsage extension ({@code SecPolicyCheckCertKeyUsage} with {@code kSecKeyUsageUnspecified}).
 */
@ExtendWith(TestPkiExtension.class)
class RequiredKeyUsageTest {

    private static SecTrust mdm(TestPki pki, HeldCertificate root) {
        return SecTrust.ios("17.4")
                .forServer("example.com")
                .at(pki.now())
                .withMdmRoot(certs(root).get(0));
    }

    @Test
    void leafWithoutTheRequiredUsage_failsKeyUsage_recoverable(TestPki pki) {
        HeldCertificate root = pki.root("Corp Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root)
                .keyUsage(CertificateBuilder.KU_DIGITAL_SIGNATURE)
                .validForDays(90)
                .build();

        TrustReport plain = mdm(pki, root).evaluate(certs(leaf));
        assertThat(plain.trusted())
                .as("no KeyUsage option without SecPolicyCreateSSLWithKeyUsage")
                .isTrue();

        TrustReport r =
                mdm(pki, root).requireKeyUsage(KeyUsage.KEY_ENCIPHERMENT).evaluate(certs(leaf));
        assertThat(r.result()).as(r.explain()).isEqualTo(SecTrustResult.RECOVERABLE_TRUST_FAILURE);
        assertThat(r.error()).contains(TrustError.INVALID_KEY_USAGE_FOR_POLICY);
        Finding f = r.findings().stream()
                .filter(x -> x.code() == FindingCode.KEY_USAGE)
                .findFirst()
                .orElseThrow();
        assertThat(f.severity()).isEqualTo(Severity.RECOVERABLE);
        assertThat(f.certificateIndex()).isZero();
        assertThat(f.evidence())
                .containsEntry("missingKeyUsage", List.of("keyEncipherment"))
                .containsEntry("presentKeyUsage", List.of("digitalSignature"));
        assertThat(f.remedy()).contains("keyEncipherment").contains("SecPolicyCreateSSLWithKeyUsage");

        assertThat(mdm(pki, root)
                        .requireKeyUsage(KeyUsage.DIGITAL_SIGNATURE)
                        .evaluate(certs(leaf))
                        .trusted())
                .isTrue();
    }

    @Test
    void everyRequiredUsageMustBePresent(TestPki pki) {
        HeldCertificate root = pki.root("Corp Root").build();
        HeldCertificate both = pki.leaf("example.com", root)
                .keyUsage(CertificateBuilder.KU_DIGITAL_SIGNATURE | CertificateBuilder.KU_KEY_AGREEMENT)
                .validForDays(90)
                .build();
        HeldCertificate one = pki.leaf("example.com", root)
                .keyUsage(CertificateBuilder.KU_KEY_AGREEMENT)
                .validForDays(90)
                .build();
        SecTrust trust =
                mdm(pki, root).requireKeyUsage(KeyUsage.DIGITAL_SIGNATURE).requireKeyUsage(KeyUsage.KEY_AGREEMENT);

        assertThat(trust.evaluate(certs(both)).trusted()).isTrue();
        TrustReport r = trust.evaluate(certs(one));
        assertThat(r.has(FindingCode.KEY_USAGE)).as(r.explain()).isTrue();
    }

    @Test
    void leafWithoutKeyUsageExtension_passes_asApplesUnspecifiedAlternative(TestPki pki) {
        HeldCertificate root = pki.root("Corp Root").build();
        HeldCertificate leaf =
                pki.leaf("example.com", root).noKeyUsage().validForDays(90).build();

        TrustReport r = mdm(pki, root)
                .requireKeyUsage(KeyUsage.KEY_ENCIPHERMENT, KeyUsage.KEY_AGREEMENT)
                .evaluate(certs(leaf));

        assertThat(r.trusted()).as(r.explain()).isTrue();
    }

    @Test
    void basicPolicy_refusesARequiredKeyUsage(TestPki pki) {
        HeldCertificate root = pki.root("Corp Root").build();
        SecTrust basic = SecTrust.ios("17.4").basicPolicy().requireKeyUsage(KeyUsage.DIGITAL_SIGNATURE);
        assertThatThrownBy(() -> basic.evaluate(certs(root)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SecPolicyCreateSSLWithKeyUsage");
    }

    @Test
    void labels_areRfc5280Names_withApplesBits() {
        assertThat(KeyUsage.fromLabel("keyEncipherment").bits()).isEqualTo(4);
        assertThat(KeyUsage.fromLabel("keyAgreement").bits()).isEqualTo(16);
        assertThat(KeyUsage.DECIPHER_ONLY.bits()).isEqualTo(256);
        assertThatThrownBy(() -> KeyUsage.fromLabel("signing")).hasMessageContaining("digitalSignature");
    }
}
