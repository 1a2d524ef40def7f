package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.CheckTestSupport.Explained;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.policy.SslHostnameCheck.HostMismatch;
import java.util.List;
import org.junit.jupiter.api.Test;

class SslHostnameCheckTest {
    private final TestPki pki = TestPki.seeded(31);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();

    @Test
    void aSanNamingTheHost_passes() {
        List<Certificate> c = certs(pki.leaf("www.contoso.com", ca).build(), ca, root);
        assertThat(CheckTestSupport.run(
                        SslHostnameCheck.INSTANCE,
                        path(Anchor.APP, c),
                        new Req(pki.now()).host("www.contoso.com").build(c)))
                .isEmpty();
    }

    @Test
    void anotherHost_failsAtTheLeaf_withWhatWasCompared() {
        List<Certificate> c = certs(pki.leaf("www.contoso.com", ca).build(), ca, root);
        CandidatePath p = path(Anchor.APP, c);
        Explained e = CheckTestSupport.recorded(
                SslHostnameCheck.INSTANCE,
                FindingCode.SSL_HOSTNAME,
                p,
                new Req(pki.now()).host("mail.contoso.com").build(c));
        assertThat(e.failure().index()).isZero();
        HostMismatch m = e.failure().evidence(HostMismatch.class);
        String why =
                "host mail.contoso.com is not among the SAN names [www.contoso.com]; subject CN www.contoso.com not used: "
                        + "the subject CN is not consulted since iOS 13";
        assertThat(m)
                .isEqualTo(new HostMismatch(
                        "mail.contoso.com",
                        List.of("www.contoso.com"),
                        List.of("www.contoso.com"),
                        List.of("www.contoso.com"),
                        false,
                        why));
        assertThat(m.fields().keySet())
                .containsExactly(
                        "host",
                        "sanDnsNames",
                        "comparedNames",
                        "subjectCommonNames",
                        "commonNameConsulted",
                        "explanation");
        assertThat(e.message()).isEqualTo("SSLHostname: " + why + ".");
        assertThat(e.remedy())
                .isEqualTo(
                        "Add 'mail.contoso.com' to the certificate's subjectAltName (iOS 13+ ignores the subject CN).");
        assertThat(e.rule().section()).isEqualTo("§3.1");
        assertThat(e.rule().since()).contains("13.0");
    }

    @Test
    void aCertificateNamingOnlyInternalHosts_getsThePortForwardingAdvice() {
        List<Certificate> c = certs(pki.leaf("exchange.contoso.local", ca).build(), ca, root);
        Explained e = CheckTestSupport.recorded(
                SslHostnameCheck.INSTANCE,
                FindingCode.SSL_HOSTNAME,
                path(Anchor.APP, c),
                new Req(pki.now()).host("mail.contoso.com").build(c));
        assertThat(e.remedy())
                .contains("names only internal hosts [exchange.contoso.local]")
                .contains("publicly trusted certificate for 'mail.contoso.com'");
    }
}
