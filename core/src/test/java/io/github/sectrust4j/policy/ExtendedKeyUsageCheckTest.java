package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.policy.CheckTestSupport.Explained;
import io.github.sectrust4j.policy.ExtendedKeyUsageCheck.EkuWithoutServerAuth;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtendedKeyUsageCheckTest {
    private final TestPki pki = TestPki.seeded(35);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();

    @Test
    void aServerAuthLeaf_passes() {
        List<Certificate> c = certs(
                pki.leaf("a.contoso.com", ca)
                        .extendedKeyUsage(CertificateBuilder.EKU_SERVER_AUTH)
                        .build(),
                ca,
                root);
        assertThat(CheckTestSupport.run(
                        ExtendedKeyUsageCheck.INSTANCE, path(Anchor.APP, c), new Req(pki.now()).build(c)))
                .isEmpty();
    }

    @Test
    void anEmailOnlyLeaf_failsAtTheLeaf() {
        List<Certificate> c = certs(
                pki.leaf("a.contoso.com", ca)
                        .extendedKeyUsage(CertificateBuilder.EKU_EMAIL_PROTECTION)
                        .build(),
                ca,
                root);
        Explained e = CheckTestSupport.recorded(
                ExtendedKeyUsageCheck.INSTANCE,
                FindingCode.EXTENDED_KEY_USAGE,
                path(Anchor.APP, c),
                new Req(pki.now()).build(c));
        List<String> email = List.of(CertificateBuilder.EKU_EMAIL_PROTECTION);
        assertThat(e.failure().evidence(EkuWithoutServerAuth.class))
                .isEqualTo(new EkuWithoutServerAuth("leaf", ExtendedKeyUsageCheck.ACCEPTED, email));
        assertThat(e.failure().evidence().fields().keySet()).containsExactly("position", "requiredAnyOf", "presentEku");
        assertThat(e.message())
                .isEqualTo("ExtendedKeyUsage: leaf 'a.contoso.com' (certificate 0) lists EKU " + email + ", none of "
                        + ExtendedKeyUsageCheck.ACCEPTED + ".");
        assertThat(e.remedy())
                .isEqualTo("Reissue 'a.contoso.com' with the extended key usage serverAuth (1.3.6.1.5.5.7.3.1); "
                        + "it lists " + email + ".");
        assertThat(e.rule().section()).isEqualTo("§2.2");
    }

    @Test
    void aClientAuthSubCa_failsAtItsIndexFromIos16() {
        HeldCertificate clientCa = pki.intermediate("Client CA", root)
                .extendedKeyUsage(CertificateBuilder.EKU_CLIENT_AUTH)
                .build();
        List<Certificate> c = certs(pki.leaf("a.contoso.com", clientCa).build(), clientCa, root);
        Explained e = CheckTestSupport.recorded(
                ExtendedKeyUsageCheck.INSTANCE,
                FindingCode.EXTENDED_KEY_USAGE,
                path(Anchor.APP, c),
                new Req(pki.now()).build(c));
        assertThat(e.failure().index()).isEqualTo(1);
        assertThat(e.failure().evidence(EkuWithoutServerAuth.class).position()).isEqualTo("sub-CA");
        assertThat(e.remedy())
                .isEqualTo("Issue from a CA whose extended key usage allows serverAuth (1.3.6.1.5.5.7.3.1) or omits "
                        + "the EKU; the intermediate 'Client CA' lists only [" + CertificateBuilder.EKU_CLIENT_AUTH
                        + "].");
    }
}
