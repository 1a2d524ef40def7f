package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.policy.CheckTestSupport.Explained;
import io.github.sectrust4j.policy.KeySizeCheck.WeakKey;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeafWeakKeyCheckTest {
    private final TestPki pki = TestPki.seeded(33);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();

    @Test
    void anRsa1024Leaf_passesTheWeakKeyCheck() {
        List<Certificate> c = certs(pki.leaf("a.contoso.com", ca).rsa(1024).build(), ca, root);
        assertThat(CheckTestSupport.run(LeafWeakKeyCheck.INSTANCE, path(Anchor.APP, c), new Req(pki.now()).build(c)))
                .isEmpty();
    }

    @Test
    void anRsa512Leaf_failsWithItsKeyAndTheMinimum() {
        Certificate leaf =
                PolicyTestSupport.cert(pki.leaf("a.contoso.com", ca).rsa(512).build());
        List<Certificate> c = List.of(leaf, PolicyTestSupport.cert(ca), PolicyTestSupport.cert(root));
        Explained e = CheckTestSupport.recorded(
                LeafWeakKeyCheck.INSTANCE,
                FindingCode.WEAK_KEY_SIZE,
                path(Anchor.APP, c),
                new Req(pki.now()).basic().build(c));
        assertThat(e.failure().evidence(WeakKey.class))
                .isEqualTo(new WeakKey(leaf.publicKey(), LeafWeakKeyCheck.MINIMUM));
        assertThat(e.message())
                .isEqualTo("WeakKeySize: leaf 'a.contoso.com' (certificate 0) has a " + leaf.publicKey()
                        + " key; required: RSA ≥ 1024 bits or EC ≥ 160 bits.");
        assertThat(e.remedy())
                .isEqualTo("Reissue 'a.contoso.com' with an RSA key of at least 2048 bits or an ECDSA key on P-256 "
                        + "or larger; it has " + leaf.publicKey() + ".");
        assertThat(e.rule().section()).isEqualTo("§4.1");
    }

    @Test
    void itRunsFromIos10_underThePositionNamesBefore11_3() {
        assertThat(LeafWeakKeyCheck.INSTANCE.appliesTo(RuleSet.forRelease(IosRelease.parse("9.3")), Policy.BASIC))
                .isFalse();
        Certificate leaf =
                PolicyTestSupport.cert(pki.leaf("a.contoso.com", ca).rsa(512).build());
        List<Certificate> c = List.of(leaf, PolicyTestSupport.cert(ca), PolicyTestSupport.cert(root));
        Explained e = CheckTestSupport.recorded(
                LeafWeakKeyCheck.INSTANCE,
                FindingCode.WEAK_LEAF,
                path(Anchor.APP, c),
                new Req(pki.now()).release("10.3").build(c));
        assertThat(e.message()).startsWith("WeakLeaf: leaf 'a.contoso.com' (certificate 0) has a ");
        assertThat(CheckTestSupport.records(
                        FindingCode.WEAK_LEAF,
                        path(Anchor.APP, c),
                        new Req(pki.now()).release("9.3").build(c)))
                .isFalse();
    }
}
