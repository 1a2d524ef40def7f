package io.github.sectrust4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.fixtures.Chains;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.scenario.Scenario;
import io.github.sectrust4j.fixtures.scenario.ScenarioCatalog;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link TrustMatrix} on the scenario catalogue: the profile-root scenarios that change at iOS 10.3 and
 * the Lync edge whose certificate lacks names.
 */
class TrustMatrixTest {
    private static final List<IosRelease> RELEASES = releases("10.2", "10.3", "12.0", "17.4", "26.0");

    private static Scenario scenario(String id) {
        return ScenarioCatalog.all().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static List<Certificate> chain(Scenario s) {
        return CertificateInput.fromPem(Chains.pem(s.chain()));
    }

    /** The scenario's device set-up (user roots) at its instant. */
    private static SecTrust device(Scenario s) {
        SecTrust t = SecTrust.ios(s.ios()).at(s.at());
        for (io.github.sectrust4j.fixtures.scenario.UserRoot u : s.userRoots()) {
            Certificate root = CertificateInput.fromPem(u.certificate().pem()).get(0);
            t = u.install() == io.github.sectrust4j.fixtures.scenario.UserRoot.Install.MDM
                    ? t.withMdmRoot(root)
                    : t.withProfileRoot(root, u.fullTrust() ? FullTrust.ON : FullTrust.OFF);
        }
        return t;
    }

    private static List<IosRelease> releases(String... r) {
        return java.util.Arrays.stream(r).map(IosRelease::parse).toList();
    }

    @Test
    void profileRootWithoutFullTrust_changesAt10_3_explainedByTheFindingThatAppears() {
        Scenario s = scenario("internal-ca-profile-root-no-full-trust-ios-10-2");
        HostName host = HostName.parse(s.host());
        TrustMatrix m = device(s).evaluateAll(List.of(host), RELEASES, chain(s));

        assertThat(m.cells()).hasSize(5);
        assertThat(m.cells().stream().map(c -> c.report().trusted())).containsExactly(true, false, false, false, false);
        assertThat(m.allTrusted()).isFalse();
        assertThat(m.missingSanNames()).isEmpty();
        List<VerdictChange> changes = m.changes();
        assertThat(changes).hasSize(1);
        VerdictChange c = changes.get(0);
        assertThat(c.until()).hasToString("10.2");
        assertThat(c.from()).hasToString("10.3");
        assertThat(c.appeared()).extracting(f -> f.code()).containsExactly(FindingCode.ANCHOR_TRUSTED);
        assertThat(c.disappeared()).isEmpty();
        assertThat(c.explain())
                .startsWith(
                        "trusted until 10.2; from 10.3 not trusted (errSecNotTrusted): " + "AnchorTrusted fails at [2]")
                .contains("Turn on full trust for 'Contoso Root CA'");
        // each cell is exactly the single evaluation of that release
        for (TrustMatrix.Cell cell : m.cells()) {
            TrustReport single =
                    device(s).forServer(s.host()).forRelease(cell.release()).evaluate(chain(s));
            assertThat(cell.report()).isEqualTo(single);
        }
    }

    @Test
    void fullTrustOn_noChange_allTrusted() {
        Scenario s = scenario("internal-ca-profile-root-full-trust");
        TrustMatrix m = device(s).evaluateAll(List.of(HostName.parse(s.host())), RELEASES, chain(s));
        assertThat(m.allTrusted()).isTrue();
        assertThat(m.changes()).isEmpty();
        assertThat(m.explain()).contains("nowhere: each name gets the same verdict");
    }

    @Test
    void lyncEdge_missingNames_consolidated_andTheTableNamesEachError() {
        Scenario s = scenario("lync-edge-host-not-in-san");
        TrustMatrix m = device(s).evaluateAll(LyncExternalNames.of("contoso.com"), releases("17.4"), chain(s));
        assertThat(m.missingSanNames()).containsExactly("lyncweb.contoso.com", "lyncdiscover.contoso.com");
        assertThat(m.cells().stream().map(c -> c.name() + "=" + c.report().trusted()))
                .containsExactly(
                        "sip.contoso.com=true",
                        "webconf.contoso.com=true",
                        "av.contoso.com=true",
                        "lyncweb.contoso.com=false",
                        "lyncdiscover.contoso.com=false");
        String text = m.explain();
        assertThat(text)
                .contains("Add these DNS names to the certificate's SAN: lyncweb.contoso.com, "
                        + "lyncdiscover.contoso.com");
        assertThat(text)
                .containsPattern("lyncdiscover\\.contoso\\.com +17\\.4 +NOT TRUSTED +errSecHostNameMismatch +Add ");
        assertThat(text).containsPattern("sip\\.contoso\\.com +17\\.4 +trusted +- +-");
        assertThat(text).contains("=== lyncdiscover.contoso.com, iOS 17.4 ===");
    }

    @Test
    void cnOnlyLeaf_changesAt13_withSslHostnameAppearing_andIsMissingFromTheSan() {
        Scenario s = scenario("cn-only-ios-13");
        TrustMatrix m = SecTrust.ios("12.0")
                .at(s.at())
                .withAnchors(CertificateInput.fromPem(s.anchors().get(0).pem()))
                .evaluateAll(List.of(HostName.parse(s.host())), releases("13.0", "12.0"), chain(s));
        assertThat(m.releases()).extracting(IosRelease::toString).containsExactly("13.0", "12.0"); // as given
        VerdictChange c = m.changes().get(0);
        assertThat(c.explain())
                .startsWith("trusted until 12.0; from 13.0 not trusted (errSecHostNameMismatch): "
                        + "SSLHostname fails at [0]");
        assertThat(m.missingSanNames()).containsExactly(s.host());
    }

    @Test
    void repeatsAreEvaluatedOnce_andOneInstantIsUsedForAllCells() {
        TestPki pki = TestPki.seeded(11);
        HeldCertificate root = pki.root("R").build();
        HeldCertificate leaf = pki.leaf("a.example", root).build();
        List<Certificate> chain = CertificateInput.fromPem(leaf.pem());
        SecTrust t = SecTrust.newest().withAnchors(CertificateInput.fromPem(root.pem())); // no instant: "now"
        TrustMatrix m = t.evaluateAll(
                List.of(HostName.parse("a.example"), HostName.parse("A.EXAMPLE"), HostName.parse("b.example")),
                releases("17.4", "17.4", "18.0"),
                chain);
        assertThat(m.cells()).hasSize(4);
        assertThat(m.cells().stream().map(c -> c.report().evaluatedAt()).distinct())
                .hasSize(1);
        assertThat(m.report(HostName.parse("b.example"), IosRelease.parse("18.0")))
                .get()
                .extracting(TrustReport::trusted)
                .isEqualTo(false);
        assertThat(m.missingSanNames()).containsExactly("b.example");
    }

    @Test
    void noHosts_oneRowWithTheConfigurationsOwnSetting() {
        Scenario s = scenario("internal-ca-profile-root-full-trust");
        TrustMatrix m = device(s).forServer(s.host()).evaluateAll(List.of(), releases("12.0", "17.4"), chain(s));
        assertThat(m.hosts()).containsExactly(Optional.empty());
        assertThat(m.cells()).allMatch(c -> c.name().equals(s.host()));
    }

    @Test
    void noRelease_orTooMany_isRefused() {
        Scenario s = scenario("internal-ca-profile-root-full-trust");
        assertThatThrownBy(() -> device(s).evaluateAll(List.of(), List.of(), chain(s)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void allMajor_isTheNewestMinorOfEachModelledMajor() {
        assertThat(IosRelease.latestOfEachMajor())
                .extracting(IosRelease::toString)
                .containsExactly(
                        "8.4", "9.3", "10.3", "11.4", "12.4", "13.6", "14.7", "15.6", "16.6", "17.6", "18.6", "26.0");
    }
}
