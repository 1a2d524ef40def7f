package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.cert;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.SignatureAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.policy.CheckTestSupport.Explained;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.policy.SignatureHashAlgorithmsCheck.DisallowedHash;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureHashAlgorithmsCheckTest {
    private final TestPki pki = TestPki.seeded(42);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();

    @Test
    void aSha256Chain_passes() {
        List<Certificate> c = List.of(cert(pki.leaf("a.contoso.com", ca).build()), cert(ca), cert(root));
        assertThat(CheckTestSupport.run(
                        SignatureHashAlgorithmsCheck.INSTANCE, path(Anchor.APP, c), new Req(pki.now()).build(c)))
                .isEmpty();
    }

    @Test
    void aSha1Leaf_fails() {
        Certificate leaf = cert(pki.leaf("a.contoso.com", ca)
                .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                .build());
        List<Certificate> c = List.of(leaf, cert(ca), cert(root));
        Explained e = CheckTestSupport.recorded(
                SignatureHashAlgorithmsCheck.INSTANCE,
                FindingCode.SIGNATURE_HASH_ALGORITHMS,
                path(Anchor.APP, c),
                new Req(pki.now()).build(c));
        assertThat(e.failure().evidence(DisallowedHash.class))
                .isEqualTo(new DisallowedHash(
                        "SHA1", leaf.tbsSignatureAlgorithm().oid(), List.of("MD2", "MD4", "MD5", "SHA1")));
        assertThat(e.message())
                .isEqualTo("SignatureHashAlgorithms: leaf 'a.contoso.com' (certificate 0) is signed with "
                        + leaf.signatureHash() + ".");
        assertThat(e.remedy())
                .isEqualTo("Reissue 'a.contoso.com' signed with SHA-256 (or stronger); it is signed with "
                        + leaf.signatureHash() + ".");
        assertThat(e.rule().section()).isEqualTo("§4.2");
    }
}
