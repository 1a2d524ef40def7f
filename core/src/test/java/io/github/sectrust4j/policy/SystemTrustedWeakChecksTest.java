package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.cert;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.Curve;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.SignatureAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.policy.CheckTestSupport.Explained;
import io.github.sectrust4j.policy.KeySizeCheck.WeakKey;
import io.github.sectrust4j.policy.LeafWeakSignatureCheck.WeakHash;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SystemTrustedWeakKeyCheck} and {@link SystemTrustedWeakHashCheck} (§4.3, iOS 11–12, system roots only). */
class SystemTrustedWeakChecksTest {
    private final TestPki pki = TestPki.seeded(43);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();

    @Test
    void aP224LeafAndSha256_pass() {
        List<Certificate> c =
                List.of(cert(pki.leaf("a.contoso.com", ca).ec(Curve.P224).build()), cert(ca), cert(root));
        Req r = new Req(pki.now()).release("11.0");
        assertThat(CheckTestSupport.run(SystemTrustedWeakKeyCheck.INSTANCE, path(Anchor.SYSTEM, c), r.build(c)))
                .isEmpty();
        assertThat(CheckTestSupport.run(SystemTrustedWeakHashCheck.INSTANCE, path(Anchor.SYSTEM, c), r.build(c)))
                .isEmpty();
    }

    @Test
    void anRsa1024LeafUnderASystemRoot_isSystemTrustedWeakKey() {
        Certificate leaf = cert(pki.leaf("a.contoso.com", ca).rsa(1024).build());
        List<Certificate> c = List.of(leaf, cert(ca), cert(root));
        Explained e = CheckTestSupport.recorded(
                SystemTrustedWeakKeyCheck.INSTANCE,
                FindingCode.SYSTEM_TRUSTED_WEAK_KEY,
                path(Anchor.SYSTEM, c),
                new Req(pki.now()).release("11.0").build(c));
        assertThat(e.failure().evidence(WeakKey.class))
                .isEqualTo(new WeakKey(leaf.publicKey(), "RSA ≥ 2048 bits or EC ≥ 224 bits"));
        assertThat(e.message())
                .isEqualTo("SystemTrustedWeakKey: leaf 'a.contoso.com' (certificate 0) has a " + leaf.publicKey()
                        + " key; required: RSA ≥ 2048 bits or EC ≥ 224 bits.");
        assertThat(e.remedy())
                .isEqualTo("Reissue 'a.contoso.com' with an RSA key of at least 2048 bits or an ECDSA key on P-256 "
                        + "or larger; it has " + leaf.publicKey() + ".");
        assertThat(e.rule().section()).isEqualTo("§4.3");
        assertThat(CheckTestSupport.records(
                        FindingCode.SYSTEM_TRUSTED_WEAK_KEY,
                        path(Anchor.APP, c),
                        new Req(pki.now()).release("11.0").build(c)))
                .isFalse();
    }

    @Test
    void aSha1LeafUnderASystemRoot_isSystemTrustedWeakHash() {
        Certificate leaf = cert(pki.leaf("a.contoso.com", ca)
                .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                .build());
        List<Certificate> c = List.of(leaf, cert(ca), cert(root));
        Explained e = CheckTestSupport.recorded(
                SystemTrustedWeakHashCheck.INSTANCE,
                FindingCode.SYSTEM_TRUSTED_WEAK_HASH,
                path(Anchor.SYSTEM, c),
                new Req(pki.now()).release("12.4").build(c));
        assertThat(e.failure().evidence(WeakHash.class))
                .isEqualTo(new WeakHash("SHA1", leaf.tbsSignatureAlgorithm().oid()));
        assertThat(e.message())
                .isEqualTo("SystemTrustedWeakHash: leaf 'a.contoso.com' (certificate 0) is signed with "
                        + leaf.signatureHash() + ".");
        assertThat(e.remedy()).startsWith("Reissue 'a.contoso.com' signed with SHA-256 (or stronger)");
        assertThat(e.rule().since()).contains("11.0");
    }
}
