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
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.policy.ServerAuthEkuCheck.LeafWithoutServerAuth;
import io.github.sectrust4j.policy.ServerAuthEkuCheck.SubCaWithoutServerAuth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerAuthEkuCheckTest {
    private final TestPki pki = TestPki.seeded(44);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();

    @Test
    void aServerAuthLeafUnderASystemRoot_passes() {
        List<Certificate> c = certs(
                pki.leaf("a.contoso.com", ca)
                        .extendedKeyUsage(CertificateBuilder.EKU_SERVER_AUTH)
                        .build(),
                ca,
                root);
        assertThat(CheckTestSupport.run(
                        ServerAuthEkuCheck.INSTANCE, path(Anchor.SYSTEM, c), new Req(pki.now()).build(c)))
                .isEmpty();
    }

    @Test
    void aLeafWithoutEkuUnderASystemRoot_fails() {
        List<Certificate> c =
                certs(pki.leaf("a.contoso.com", ca).noExtendedKeyUsage().build(), ca, root);
        Explained e = CheckTestSupport.recorded(
                ServerAuthEkuCheck.INSTANCE,
                FindingCode.SERVER_AUTH_EKU,
                path(Anchor.SYSTEM, c),
                new Req(pki.now()).build(c));
        assertThat(e.failure().evidence(LeafWithoutServerAuth.class))
                .isEqualTo(new LeafWithoutServerAuth(false, List.of(), Optional.empty(), Optional.empty()));
        assertThat(e.failure().evidence().fields().keySet())
                .containsExactly("anchorType", "position", "required", "ekuExtensionPresent", "presentEku");
        assertThat(e.message())
                .isEqualTo("ServerAuthEKU: leaf 'a.contoso.com' (certificate 0) has no EKU extension but must list "
                        + "serverAuth (1.3.6.1.5.5.7.3.1) because the chain ends in an Apple-store root.");
        assertThat(e.remedy())
                .isEqualTo("Reissue 'a.contoso.com' with an extended key usage extension listing serverAuth "
                        + "(1.3.6.1.5.5.7.3.1); it has no EKU extension.");
        assertThat(e.rule().effective()).isEmpty();
    }

    @Test
    void aClientAuthLeafUnderAnAppAnchorIssuedAfterTheCutoff_fails() {
        Instant nb = Instant.parse("2020-01-01T00:00:00Z");
        List<Certificate> c = certs(
                pki.leaf("a.contoso.com", ca)
                        .extendedKeyUsage(CertificateBuilder.EKU_CLIENT_AUTH)
                        .validity(nb, nb.plus(Duration.ofDays(300)))
                        .build(),
                ca,
                root);
        Explained e = CheckTestSupport.recorded(
                ServerAuthEkuCheck.INSTANCE,
                FindingCode.SERVER_AUTH_EKU,
                path(Anchor.APP, c),
                new Req(nb.plusSeconds(60)).build(c));
        assertThat(e.failure().evidence(LeafWithoutServerAuth.class))
                .isEqualTo(new LeafWithoutServerAuth(
                        true,
                        List.of(CertificateBuilder.EKU_CLIENT_AUTH),
                        Optional.of(nb),
                        Optional.of(RuleSet.JULY_2019_CUTOFF)));
        assertThat(e.failure().evidence().fields())
                .containsEntry("anchorType", "other")
                .containsEntry("cutoff", "2019-06-30T23:00:00Z");
        assertThat(e.message())
                .isEqualTo("ServerAuthEKU: leaf 'a.contoso.com' (certificate 0) lists EKU [1.3.6.1.5.5.7.3.2] but must "
                        + "list serverAuth (1.3.6.1.5.5.7.3.1) because it was issued after 2019-06-30T23:00:00Z.");
        assertThat(e.rule().effective()).contains(RuleSet.JULY_2019_CUTOFF);
    }

    @Test
    void aClientAuthSubCaUnderASystemRoot_isRecordedOnTheLeaf() {
        HeldCertificate clientCa = pki.intermediate("Client CA", root)
                .extendedKeyUsage(CertificateBuilder.EKU_CLIENT_AUTH)
                .build();
        List<Certificate> c = certs(pki.leaf("a.contoso.com", clientCa).build(), clientCa, root);
        Explained e = CheckTestSupport.recorded(
                ServerAuthEkuCheck.INSTANCE,
                FindingCode.SERVER_AUTH_EKU,
                path(Anchor.SYSTEM, c),
                new Req(pki.now()).build(c));
        assertThat(e.failure().index()).isZero();
        assertThat(e.failure().evidence(SubCaWithoutServerAuth.class))
                .isEqualTo(new SubCaWithoutServerAuth(1, "Client CA", List.of(CertificateBuilder.EKU_CLIENT_AUTH)));
        assertThat(e.message())
                .isEqualTo(
                        "ServerAuthEKU: intermediate 'Client CA' (certificate 1) has EKU [1.3.6.1.5.5.7.3.2] without "
                                + "serverAuth or anyExtendedKeyUsage (recorded on the leaf).");
        assertThat(e.remedy())
                .isEqualTo("Use an intermediate whose extended key usage includes serverAuth (1.3.6.1.5.5.7.3.1): "
                        + "'Client CA' lists [1.3.6.1.5.5.7.3.2].");
    }
}
