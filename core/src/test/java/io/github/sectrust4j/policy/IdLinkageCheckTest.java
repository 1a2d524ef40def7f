package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.cert;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.policy.CheckTestSupport.Explained;
import io.github.sectrust4j.policy.IdLinkageCheck.KeyIdMismatch;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdLinkageCheckTest {
    private final TestPki pki = TestPki.seeded(39);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();

    @Test
    void matchingKeyIdentifiers_pass() {
        List<Certificate> c = List.of(cert(pki.leaf("a.contoso.com", ca).build()), cert(ca), cert(root));
        assertThat(CheckTestSupport.run(IdLinkageCheck.INSTANCE, path(Anchor.APP, c), new Req(pki.now()).build(c)))
                .isEmpty();
    }

    @Test
    void anAuthorityKeyIdOtherThanTheIssuersKeyId_failsAtTheChild() {
        List<Certificate> c = List.of(
                cert(pki.leaf("a.contoso.com", ca)
                        .authorityKeyId(new byte[] {1, 2, 3, 4})
                        .build()),
                cert(ca),
                cert(root));
        String ski = HexFormat.of().formatHex(c.get(1).subjectKeyIdentifier().orElseThrow());
        Explained e = CheckTestSupport.recorded(
                IdLinkageCheck.INSTANCE,
                FindingCode.ID_LINKAGE,
                path(Anchor.APP, c),
                new Req(pki.now()).basic().build(c));
        assertThat(e.failure().index()).isZero();
        assertThat(e.failure().evidence(KeyIdMismatch.class))
                .isEqualTo(new KeyIdMismatch("01020304", ski, "Contoso Issuing CA"));
        assertThat(e.message())
                .isEqualTo("IdLinkage: leaf 'a.contoso.com' (certificate 0) has authority key identifier 01020304 "
                        + "but its issuer's subject key identifier is " + ski + ".");
        assertThat(e.remedy())
                .isEqualTo("The authority key identifier of 'a.contoso.com' does not match the key identifier of "
                        + "'Contoso Issuing CA': send the intermediate that actually issued it, or reissue.");
        assertThat(e.rule().section()).isEqualTo("§2.2");
    }
}
