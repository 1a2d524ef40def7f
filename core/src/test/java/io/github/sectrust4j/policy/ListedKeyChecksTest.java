package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.cert;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.policy.CheckTestSupport.Explained;
import io.github.sectrust4j.policy.ListedKeyCheck.ListedKey;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trust store's key lists: {@code BlackListedLeaf}/{@code GrayListedLeaf} on the leaf ({@link BlackListedLeafCheck},
 * {@link GrayListedLeafCheck}) and {@code BlackListedKey}/{@code GrayListedKey} above it ({@link ListedKeyCheck}).
 */
class ListedKeyChecksTest {
    private static final String REVOKED_2017 = "0D136E439F0AB6E97F3A02A540DA9F0641AA554E1D66EA51AE2920D51B2F7217";
    private static final String DISTRUSTED_2017 = "EA0EAA710893CC16047BF21C624BDC6F0A7CF1106752E9ADAEB019BB90D9EB1F";
    private static final int STORE = 2017081600;

    private final TestPki pki = TestPki.seeded(37);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();

    private Req at(Certificate c) {
        return new Req(c.notBefore().plusSeconds(60)).release("11.0").store(AppleTrustStores.version(STORE));
    }

    @Test
    void unlistedKeys_pass() {
        List<Certificate> c = List.of(cert(pki.leaf("a.contoso.com", ca).build()), cert(ca), cert(root));
        Req r = at(c.get(0));
        for (AppleCheck check : List.of(
                BlackListedLeafCheck.INSTANCE,
                GrayListedLeafCheck.INSTANCE,
                ListedKeyCheck.BLACK,
                ListedKeyCheck.GRAY)) {
            assertThat(CheckTestSupport.run(check, path(Anchor.APP, c), r.build(c)))
                    .as(check.code().code())
                    .isEmpty();
        }
    }

    @Test
    void aBlockedLeafKey_isBlackListedLeaf() {
        Certificate blocked = PolicyTestSupport.sharedCertificate(REVOKED_2017);
        List<Certificate> c = List.of(blocked, cert(root));
        Explained e = CheckTestSupport.recorded(
                BlackListedLeafCheck.INSTANCE,
                FindingCode.BLACK_LISTED_LEAF,
                path(Anchor.APP, c),
                at(blocked).build(c));
        ListedKey k = new ListedKey("blocked keys", blocked.publicKey().subjectPublicKeySha1Hex(), STORE);
        assertThat(e.failure().evidence(ListedKey.class)).isEqualTo(k);
        String name = PathFacts.displayName(blocked);
        assertThat(e.message())
                .isEqualTo("BlackListedLeaf: leaf '" + name + "' (certificate 0) {list=blocked keys, "
                        + "subjectPublicKeySha1=" + k.subjectPublicKeySha1() + ", trustStoreVersion=" + STORE + "}.");
        assertThat(e.remedy())
                .isEqualTo("Replace '" + name
                        + "' and its key: Apple blocks it. No setting or exception can override this.");
        assertThat(e.rule().summary()).contains("blocked list");
    }

    @Test
    void aComodo2011Serial_isBlackListedLeaf() {
        HeldCertificate utn = pki.root("ignored")
                .subject(
                        "CN=UTN-USERFirst-Hardware,OU=http://www.usertrust.com,O=The USERTRUST Network,L=Salt Lake City,ST=UT,C=US")
                .build();
        Certificate leaf = cert(pki.leaf("login.yahoo.com", utn)
                .serial(new java.math.BigInteger("D8F35F4EB7872B2DAB0692E315382FB0", 16))
                .build());
        List<Certificate> c = List.of(leaf, cert(utn));
        Explained e = CheckTestSupport.recorded(
                BlackListedLeafCheck.INSTANCE,
                FindingCode.BLACK_LISTED_LEAF,
                path(Anchor.APP, c),
                new Req(pki.now()).build(c));
        assertThat(e.failure().evidence(BlackListedLeafCheck.ComodoSerial.class))
                .isEqualTo(new BlackListedLeafCheck.ComodoSerial(
                        "D8F35F4EB7872B2DAB0692E315382FB0", leaf.issuer().toString()));
        assertThat(e.message())
                .isEqualTo("BlackListedLeaf: leaf 'login.yahoo.com' (certificate 0) {list=Comodo 2011 serials, "
                        + "serialNumber=D8F35F4EB7872B2DAB0692E315382FB0, issuer=" + leaf.issuer() + "}.");
    }

    @Test
    void aDistrustedKey_isGrayListedLeafOnTheLeaf_andGrayListedKeyAbove() {
        Certificate gray = PolicyTestSupport.sharedCertificate(DISTRUSTED_2017);
        String name = PathFacts.displayName(gray);
        ListedKey k = new ListedKey("distrusted keys", gray.publicKey().subjectPublicKeySha1Hex(), STORE);
        List<Certificate> asLeaf = List.of(gray, cert(root));
        Explained leaf = CheckTestSupport.recorded(
                GrayListedLeafCheck.INSTANCE,
                FindingCode.GRAY_LISTED_LEAF,
                path(Anchor.APP, asLeaf),
                at(gray).build(asLeaf));
        assertThat(leaf.failure().evidence(ListedKey.class)).isEqualTo(k);
        assertThat(leaf.remedy())
                .isEqualTo("Replace '" + name
                        + "': Apple distrusts its key; use a certificate (and key) from another CA.");
        assertThat(leaf.rule().summary()).contains("distrusted list");

        List<Certificate> asCa = List.of(cert(pki.leaf("a.contoso.com", ca).build()), gray, cert(root));
        Explained above = CheckTestSupport.recorded(
                ListedKeyCheck.GRAY, FindingCode.GRAY_LISTED_KEY, path(Anchor.APP, asCa), at(gray).build(asCa));
        assertThat(above.failure().index()).isEqualTo(1);
        assertThat(above.failure().evidence(ListedKey.class)).isEqualTo(k);
        assertThat(above.message())
                .isEqualTo("GrayListedKey: intermediate '" + name + "' (certificate 1) {list=distrusted keys, "
                        + "subjectPublicKeySha1=" + k.subjectPublicKeySha1() + ", trustStoreVersion=" + STORE + "}.");
    }

    @Test
    void aBlockedKeyAboveTheLeaf_isBlackListedKey_butNotOnTheAnchoredTop() {
        Certificate blocked = PolicyTestSupport.sharedCertificate(REVOKED_2017);
        List<Certificate> c = List.of(cert(pki.leaf("a.contoso.com", ca).build()), blocked, cert(root));
        Explained e = CheckTestSupport.recorded(
                ListedKeyCheck.BLACK,
                FindingCode.BLACK_LISTED_KEY,
                path(Anchor.APP, c),
                at(blocked).build(c));
        assertThat(e.failure().index()).isEqualTo(1);
        assertThat(e.failure().evidence(ListedKey.class).list()).isEqualTo("blocked keys");
        assertThat(e.remedy())
                .startsWith("Replace '" + PathFacts.displayName(blocked) + "' and its key: Apple blocks it.");
        List<Certificate> top = List.of(cert(pki.leaf("a.contoso.com", ca).build()), blocked);
        assertThat(CheckTestSupport.run(
                        ListedKeyCheck.BLACK, path(Anchor.APP, top), at(blocked).build(top)))
                .isEmpty();
    }
}
