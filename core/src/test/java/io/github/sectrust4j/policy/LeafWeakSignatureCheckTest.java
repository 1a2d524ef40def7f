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
import io.github.sectrust4j.policy.LeafWeakSignatureCheck.WeakHash;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeafWeakSignatureCheckTest {
    private final TestPki pki = TestPki.seeded(34);
    private final HeldCertificate root = pki.root("Contoso Root CA").rsa(2048).build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso RSA CA", root).rsa(2048).build();

    @Test
    void aSha256SignedLeaf_passes() {
        List<Certificate> c = List.of(
                cert(pki.leaf("a.contoso.com", ca)
                        .signatureAlgorithm(SignatureAlgorithm.SHA256_WITH_RSA)
                        .build()),
                cert(ca),
                cert(root));
        assertThat(CheckTestSupport.run(
                        LeafWeakSignatureCheck.INSTANCE, path(Anchor.APP, c), new Req(pki.now()).build(c)))
                .isEmpty();
    }

    @Test
    void anMd5SignedLeaf_failsWithTheHash() {
        Certificate leaf = cert(pki.leaf("a.contoso.com", ca)
                .signatureAlgorithm(SignatureAlgorithm.MD5_WITH_RSA)
                .build());
        List<Certificate> c = List.of(leaf, cert(ca), cert(root));
        Explained e = CheckTestSupport.recorded(
                LeafWeakSignatureCheck.INSTANCE,
                FindingCode.WEAK_SIGNATURE,
                path(Anchor.APP, c),
                new Req(pki.now()).basic().build(c));
        assertThat(e.failure().evidence(WeakHash.class))
                .isEqualTo(new WeakHash("MD5", leaf.tbsSignatureAlgorithm().oid()));
        assertThat(e.message())
                .isEqualTo("WeakSignature: leaf 'a.contoso.com' (certificate 0) is signed with " + leaf.signatureHash()
                        + ".");
        assertThat(e.remedy())
                .isEqualTo("Reissue 'a.contoso.com' signed with SHA-256 (or stronger); it is signed with "
                        + leaf.signatureHash() + ".");
        assertThat(e.rule().since()).contains("11.3");
        assertThat(CheckTestSupport.records(
                        FindingCode.WEAK_SIGNATURE,
                        path(Anchor.APP, c),
                        new Req(pki.now()).basic().release("11.2").build(c)))
                .isFalse();
    }
}
