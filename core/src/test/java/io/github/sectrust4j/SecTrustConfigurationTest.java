package io.github.sectrust4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.ct.CtExceptions;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.revocation.InMemoryRevocationDatabase;
import io.github.sectrust4j.revocation.OcspFetcher;
import io.github.sectrust4j.spi.AiaFetcher;
import io.github.sectrust4j.truststores.AppleTrustStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every fluent {@link SecTrust} option reaches the evaluation request (through {@link SecTrust#request}), changes
 * only its own component, and leaves the instance it was called on unchanged.
 */
class SecTrustConfigurationTest {
    static final Instant T = Instant.parse("2024-05-01T00:00:00Z");
    static HeldCertificate root;
    static HeldCertificate otherRoot;
    static HeldCertificate ca;
    static HeldCertificate leaf;
    static List<Cert> chain;

    @BeforeAll
    static void mint() {
        TestPki pki = TestPki.seeded(13);
        root = pki.root("Contoso Root CA").build();
        otherRoot = pki.root("Fabrikam Root CA").build();
        ca = pki.intermediate("Contoso Issuing CA", root).build();
        leaf = pki.leaf("sip.contoso.com", ca).build();
        chain = List.of(Cert.fromDer(leaf.der()), Cert.fromDer(ca.der()));
    }

    static Certificate cert(HeldCertificate h) {
        return Certificate.parse(h.der());
    }

    static final SecTrust BASE = SecTrust.ios("17.4").at(T);

    static EvaluationRequest request(SecTrust t) {
        return t.request(chain);
    }

    @Test
    void defaults() {
        EvaluationRequest r = request(SecTrust.ios("17.4"));
        assertThat(r.release()).isEqualTo(IosRelease.parse("17.4"));
        assertThat(r.policy()).isEqualTo(Policy.SSL_SERVER);
        assertThat(r.host()).isEmpty();
        assertThat(r.currentTime()).isEqualTo(r.verifyTime());
        assertThat(r.appAnchors()).isEmpty();
        assertThat(r.anchorsOnly()).isFalse();
        assertThat(r.userRoots()).isEmpty();
        assertThat(r.cachedIntermediates()).isEmpty();
        assertThat(r.systemStore()).contains(IosRelease.parse("17.4").trustStore());
        assertThat(r.extraSystemRoots()).isEmpty();
        assertThat(r.ocspResponses()).isEmpty();
        assertThat(r.scts()).isEmpty();
        assertThat(r.network()).isFalse();
        assertThat(r.aiaFetcher()).isEmpty();
        assertThat(r.budget()).isEqualTo(PathBudget.DEFAULT);
        assertThat(r.ct().logs()).isEmpty();
        assertThat(r.ct().releaseListFresh()).isTrue();
        assertThat(r.ct().killSwitchOn()).isFalse();
        assertThat(r.revocation().database()).isEmpty();
        assertThat(r.revocation().requirePositiveResponse()).isFalse();
        assertThat(r.revocation().revocationPolicy()).isFalse();
        assertThat(r.extraEvRoots()).isEmpty();
        assertThat(r.exceptions().exceptions()).isEmpty();
        assertThat(r.exceptions().epoch()).isZero();
        assertThat(r.requiredKeyUsage()).isZero();
    }

    @Test
    void releaseAndPolicy() {
        SecTrust server = BASE.forServer("sip.contoso.com");
        assertThat(request(server).host()).contains("sip.contoso.com");
        assertThat(request(BASE.forServer("SIP.contoso.com.")).referenceHost())
                .contains(io.github.sectrust4j.request.ReferenceHost.of("sip.contoso.com"));
        assertThat(request(BASE.forServer("10.0.0.1"))
                        .referenceHost()
                        .orElseThrow()
                        .isIpLiteral())
                .isTrue();
        assertThat(request(server.forRelease(IosRelease.parse("12.1.1"))).release())
                .isEqualTo(IosRelease.parse("12.1.1"));
        assertThat(request(server.forRelease(IosRelease.parse("12.1.1"))).host())
                .contains("sip.contoso.com");
        assertThat(request(server.sslServer()).host()).isEmpty();
        EvaluationRequest basic = request(server.basicPolicy());
        assertThat(basic.policy()).isEqualTo(Policy.BASIC);
        assertThat(basic.host()).isEmpty();
        assertThat(server.toString())
                .isEqualTo("SecTrust[iOS 17.4, " + Policy.SSL_SERVER.label() + " sip.contoso.com]");
    }

    @Test
    void verifyTimeAndDeviceClock() {
        Instant later = T.plusSeconds(3600);
        EvaluationRequest r = request(BASE.deviceClock(later));
        assertThat(r.verifyTime()).isEqualTo(T);
        assertThat(r.currentTime()).isEqualTo(later);
        assertThat(request(BASE).currentTime()).isEqualTo(T);
    }

    @Test
    void anchorsAddUpAndSwitchAnchorsOnlyOnUnlessSet() {
        SecTrust one = BASE.withAnchors(Cert.fromDer(root.der()));
        SecTrust two = one.withAnchors(Cert.fromDer(otherRoot.der()));
        assertThat(request(one).appAnchors()).containsExactly(cert(root));
        assertThat(request(two).appAnchors()).containsExactly(cert(root), cert(otherRoot));
        assertThat(request(two).anchorsOnly()).isTrue();
        assertThat(request(BASE.anchorsOnly(false).withAnchors(Cert.fromDer(root.der())))
                        .anchorsOnly())
                .isFalse();
        assertThat(request(one.anchorsOnly(false)).anchorsOnly()).isFalse();
        assertThat(request(BASE.withAnchors(List.of())).anchorsOnly()).isTrue();
    }

    @Test
    void userRootsAndIntermediates() {
        SecTrust t = BASE.withProfileRoot(Cert.fromDer(root.der()), FullTrust.OFF)
                .withMdmRoot(Cert.fromDer(otherRoot.der()))
                .withIntermediates(Cert.fromDer(ca.der()));
        EvaluationRequest r = request(t);
        assertThat(r.userRoots()).extracting(UserRoot::certificate).containsExactly(cert(root), cert(otherRoot));
        assertThat(r.userRoots())
                .extracting(UserRoot::channel)
                .containsExactly(InstallChannel.PROFILE, InstallChannel.MDM);
        assertThat(r.cachedIntermediates()).containsExactly(cert(ca));
        assertThatThrownBy(() -> t.withMdmRoot(Cert.fromDer(root.der())))
                .isInstanceOf(DuplicateUserRootException.class);
    }

    @Test
    void systemRoots() {
        AppleTrustStore store = IosRelease.parse("12.1.1").trustStore();
        assertThat(request(BASE.withSystemStore(store)).systemStore()).contains(store);
        assertThat(request(BASE.withSystemStore(store).forRelease(IosRelease.NEWEST))
                        .systemStore())
                .contains(store);
        assertThat(request(BASE.withoutSystemRoots()).systemStore()).isEmpty();
        assertThat(request(BASE.withExtraSystemRoots(Cert.fromDer(root.der()))
                                .withExtraSystemRoots(Cert.fromDer(otherRoot.der())))
                        .extraSystemRoots())
                .containsExactly(cert(root), cert(otherRoot));
    }

    @Test
    void stapledInputsAreCopiedAndAddUp() {
        byte[] ocsp = {0x30, 0x03, 0x0a, 0x01, 0x01};
        byte[] sct = {0, 1, 2};
        SecTrust t = BASE.withStapledOcsp(ocsp).withStapledOcsp(ocsp).withSct(sct);
        ocsp[0] = 0;
        EvaluationRequest r = request(t);
        assertThat(r.ocspResponses())
                .hasSize(2)
                .allSatisfy(o -> assertThat(o[0]).isEqualTo((byte) 0x30));
        assertThat(r.scts()).singleElement().isEqualTo(sct);
    }

    @Test
    void ctInputs() {
        CtExceptions exceptions = CtExceptions.of(List.of("contoso.com"), List.of());
        EvaluationRequest r = request(BASE.withCtLogs(CtLogList.empty())
                .ctLogListFresh(false)
                .ctKillSwitch(true)
                .withCtExceptions(exceptions));
        assertThat(r.ct().logs()).contains(CtLogList.empty());
        assertThat(r.ct().releaseListFresh()).isFalse();
        assertThat(r.ct().killSwitchOn()).isTrue();
        assertThat(r.ct().exceptions()).isEqualTo(exceptions);
        assertThat(BASE.withCtLogs(CtLogList.empty()).ctLogs()).contains(CtLogList.empty());
        assertThat(BASE.ctLogs()).isEmpty();
    }

    @Test
    void revocationAndNetwork() {
        InMemoryRevocationDatabase db = InMemoryRevocationDatabase.builder().build();
        OcspFetcher ocsp = (url, req) -> Optional.empty();
        AiaFetcher aia = url -> Optional.empty();
        EvaluationRequest r = request(BASE.withRevocationDatabase(db)
                .requirePositiveRevocationResponse()
                .withRevocationPolicy()
                .allowNetwork(aia, ocsp));
        assertThat(r.revocation().database()).containsSame(db);
        assertThat(r.revocation().requirePositiveResponse()).isTrue();
        assertThat(r.revocation().revocationPolicy()).isTrue();
        assertThat(r.revocation().ocspFetcher()).isSameAs(ocsp);
        assertThat(r.aiaFetcher()).containsSame(aia);
        assertThat(r.network()).isTrue();
        assertThat(request(BASE.allowNetwork(ocsp)).network()).isTrue();
        assertThat(request(BASE.allowNetwork(ocsp)).aiaFetcher()).isEmpty();
    }

    @Test
    void budgetKeyUsageEvRootsAndExceptions() {
        PathBudget budget = new PathBudget(5, 50, 10);
        TrustExceptions ex =
                TrustExceptions.of(List.of(TrustExceptions.Entry.of(Cert.fromDer(leaf.der()), Set.of("SSLHostname"))));
        EvaluationRequest r = request(BASE.withBudget(budget)
                .requireKeyUsage(KeyUsage.DIGITAL_SIGNATURE)
                .requireKeyUsage(KeyUsage.KEY_ENCIPHERMENT)
                .withExtraEvRoot(Cert.fromDer(root.der()), "2.23.140.1.1")
                .withExceptions(ex, 3));
        assertThat(r.budget()).isEqualTo(budget);
        assertThat(r.requiredKeyUsage())
                .isEqualTo(KeyUsage.DIGITAL_SIGNATURE.bits() | KeyUsage.KEY_ENCIPHERMENT.bits());
        assertThat(r.extraEvRoots()).containsOnlyKeys(cert(root).sha256Hex().toUpperCase(java.util.Locale.ROOT));
        assertThat(r.exceptions().exceptions()).contains(ex);
        assertThat(r.exceptions().epoch()).isEqualTo(3);
        assertThatThrownBy(() -> BASE.basicPolicy()
                        .requireKeyUsage(KeyUsage.DIGITAL_SIGNATURE)
                        .request(chain))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requireKeyUsage");
    }

    @Test
    void everyOptionLeavesTheInstanceItIsCalledOnUnchanged() {
        EvaluationRequest before = request(BASE);
        BASE.forServer("x.contoso.com")
                .basicPolicy()
                .deviceClock(T.plusSeconds(1))
                .withAnchors(Cert.fromDer(root.der()))
                .withMdmRoot(Cert.fromDer(root.der()))
                .withIntermediates(Cert.fromDer(ca.der()))
                .withoutSystemRoots()
                .withExtraSystemRoots(Cert.fromDer(root.der()))
                .withStapledOcsp(new byte[] {1})
                .withSct(new byte[] {2})
                .ctKillSwitch(true)
                .withRevocationPolicy()
                .withBudget(new PathBudget(5, 5, 5))
                .withExceptionEpoch(4)
                .forRelease(IosRelease.OLDEST);
        assertThat(request(BASE)).usingRecursiveComparison().isEqualTo(before);
    }
}
