package io.github.sectrust4j;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public fluent API of {@link SecTrust}: each option changes what the report says, measured against the
 * same evaluation without it. Certificates are minted per test by {@link TestPki}; CT is switched off with the
 * kill switch where the minted leaves carry no SCTs (CT has its own tests).
 */
@ExtendWith(TestPkiExtension.class)
class SecTrustTest {
    private TestPki pki;
    private HeldCertificate root;
    private HeldCertificate ica;
    private HeldCertificate leaf;

    @BeforeEach
    void mint(TestPki pki) {
        this.pki = pki;
        root = pki.root("Root").build();
        ica = pki.intermediate("Issuing CA", root).build();
        leaf = pki.leaf("example.com", ica).validForDays(90).build();
    }

    private SecTrust device() {
        return SecTrust.ios("17.4").forServer("example.com").at(pki.now()).ctKillSwitch(true);
    }

    private SecTrust anchored() {
        return device().withAnchors(certs(root));
    }

    @Test
    void ios_setsTheReleaseAndItsTrustStore_forRelease_switchesBoth() {
        TrustReport r17 = anchored().evaluate(certs(leaf, ica));
        TrustReport r12 = anchored().forRelease(IosRelease.parse("12.0")).evaluate(certs(leaf, ica));

        assertThat(r17.release()).isEqualTo(IosRelease.parse("17.4"));
        assertThat(r12.release()).isEqualTo(IosRelease.parse("12.0"));
        assertThat(r12.trustStoreVersion()).isNotEqualTo(r17.trustStoreVersion());
        assertThat(r17.trusted()).as(r17.explain()).isTrue();
    }

    @Test
    void forServer_checksTheName_andTheReportCarriesIt() {
        TrustReport right = anchored().evaluate(certs(leaf, ica));
        TrustReport wrong = anchored().forServer("other.example.org").evaluate(certs(leaf, ica));

        assertThat(right.host()).contains("example.com");
        assertThat(right.trusted()).as(right.explain()).isTrue();
        assertThat(wrong.host()).contains("other.example.org");
        assertThat(wrong.trusted()).isFalse();
        assertThat(wrong.has(FindingCode.SSL_HOSTNAME)).isTrue();
        assertThat(wrong.error()).contains(TrustError.HOST_NAME_MISMATCH);
    }

    @Test
    void basicPolicy_dropsTheHostNameCheck() {
        TrustReport basic =
                anchored().forServer("other.example.org").basicPolicy().evaluate(certs(leaf, ica));

        assertThat(basic.policy()).isEqualTo(Policy.BASIC);
        assertThat(basic.has(FindingCode.SSL_HOSTNAME)).isFalse();
        assertThat(anchored().evaluate(certs(leaf, ica)).policy()).isEqualTo(Policy.SSL_SERVER);
    }

    @Test
    void at_isTheEvaluationInstant_anExpiredLeafFailsTemporalValidity() {
        Instant later = pki.now().plus(Duration.ofDays(200));
        TrustReport expired = anchored().at(later).evaluate(certs(leaf, ica));

        assertThat(expired.evaluatedAt()).isEqualTo(later);
        assertThat(expired.trusted()).isFalse();
        assertThat(expired.has(FindingCode.TEMPORAL_VALIDITY))
                .as(expired.explain())
                .isTrue();
        assertThat(anchored().evaluate(certs(leaf, ica)).evaluatedAt()).isEqualTo(pki.now());
    }

    @Test
    void withAnchors_makesTheRootAnAppAnchor_withoutItTheChainIsNotTrusted() {
        TrustReport without = device().evaluate(certs(leaf, ica, root));
        TrustReport with = anchored().evaluate(certs(leaf, ica));

        assertThat(without.trusted()).isFalse();
        assertThat(without.has(FindingCode.ANCHOR_TRUSTED))
                .as(without.explain())
                .isTrue();
        assertThat(with.trusted()).as(with.explain()).isTrue();
        assertThat(with.path().get(2).role()).isEqualTo(CertificateRole.ANCHOR);
        assertThat(with.path().get(2).anchorSource()).contains(AnchorSource.APP);
    }

    @Test
    void withExtraSystemRoots_anchorsAsTheSystemStoreDoes() {
        TrustReport r = device().withExtraSystemRoots(certs(root)).evaluate(certs(leaf, ica));

        assertThat(r.trusted()).as(r.explain()).isTrue();
        assertThat(r.path().get(2).anchorSource()).contains(AnchorSource.SYSTEM);
    }

    @Test
    void withProfileRoot_trustsOnlyWithFullTrust_withMdmRoot_trustsWithout() {
        TrustReport off = device().withProfileRoot(Cert.fromDer(root.der()), FullTrust.OFF)
                .evaluate(certs(leaf, ica));
        TrustReport on =
                device().withProfileRoot(Cert.fromDer(root.der()), FullTrust.ON).evaluate(certs(leaf, ica));
        TrustReport mdm = device().withMdmRoot(Cert.fromDer(root.der())).evaluate(certs(leaf, ica));

        assertThat(off.trusted()).isFalse();
        assertThat(on.trusted()).as(on.explain()).isTrue();
        assertThat(on.path().get(2).anchorSource()).contains(AnchorSource.PROFILE);
        assertThat(mdm.trusted()).as(mdm.explain()).isTrue();
        assertThat(mdm.path().get(2).anchorSource()).contains(AnchorSource.MDM);
    }

    @Test
    void withIntermediates_suppliesWhatTheServerDidNotSend() {
        TrustReport leafOnly = anchored().evaluate(certs(leaf));
        TrustReport pooled =
                anchored().withIntermediates(Cert.fromDer(ica.der())).evaluate(certs(leaf));

        assertThat(leafOnly.trusted()).isFalse();
        assertThat(leafOnly.has(FindingCode.MISSING_INTERMEDIATE))
                .as(leafOnly.explain())
                .isTrue();
        assertThat(pooled.trusted()).as(pooled.explain()).isTrue();
        assertThat(pooled.path().get(1).presented()).isFalse();
    }

    @Test
    void withStapledOcsp_aRevokedResponseIsFatal() {
        byte[] revoked = pki.ocsp(leaf, ica)
                .revoked(pki.now().minus(Duration.ofDays(1)), RevocationReason.KEY_COMPROMISE)
                .build();
        TrustReport r = anchored().withStapledOcsp(revoked).evaluate(certs(leaf, ica));

        assertThat(r.result()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(r.error()).contains(TrustError.CERTIFICATE_REVOKED);
        assertThat(r.info().revocationReason()).hasValue(RevocationReason.KEY_COMPROMISE.code());
    }

    @Test
    void withBudget_tooFewVerifications_isNeverTrusted() {
        TrustReport starved = anchored()
                .withBudget(PathBudget.DEFAULT.withMaxVerifications(1))
                .evaluate(certs(leaf, ica));

        assertThat(starved.trusted()).isFalse();
        assertThat(starved.has(FindingCode.VERIFICATION_BUDGET_EXCEEDED))
                .as(starved.explain())
                .isTrue();
    }

    @Test
    void copyExceptions_thenWithExceptions_acceptsTheSameChain_andOnlyThatOne() {
        SecTrust wrongName = anchored().forServer("other.example.org");
        TrustExceptions exceptions = wrongName.copyExceptions(certs(leaf, ica));
        HeldCertificate otherLeaf =
                pki.leaf("example.com", ica).validForDays(90).build();

        assertThat(wrongName
                        .withExceptions(exceptions)
                        .evaluate(certs(leaf, ica))
                        .trusted())
                .isTrue();
        assertThat(wrongName
                        .withExceptions(exceptions)
                        .evaluate(certs(otherLeaf, ica))
                        .trusted())
                .isFalse();
    }

    @Test
    void evaluate_pemText_derBytes_andCertificates_giveTheSameReport() {
        String pem = leaf.pem() + ica.pem();
        String fromList = anchored().evaluate(certs(leaf, ica)).toJson();

        assertThat(anchored().evaluate(pem).toJson()).isEqualTo(fromList);
        assertThat(anchored().evaluate(pem.getBytes(StandardCharsets.US_ASCII)).toJson())
                .isEqualTo(fromList);
        assertThat(anchored()
                        .evaluate(Cert.fromDer(leaf.der()), Cert.fromDer(ica.der()))
                        .toJson())
                .isEqualTo(fromList);
    }

    @Test
    void evaluateAll_evaluatesEveryNameOnEveryRelease() {
        List<HostName> hosts = List.of(HostName.parse("example.com"), HostName.parse("other.example.org"));
        List<IosRelease> releases = List.of(IosRelease.parse("16.0"), IosRelease.parse("17.4"));

        TrustMatrix m = anchored().evaluateAll(hosts, releases, certs(leaf, ica));

        assertThat(m.cells()).hasSize(4);
        assertThat(m.allTrusted()).isFalse();
        assertThat(m.cells())
                .filteredOn(c -> c.report().trusted())
                .extracting(c -> c.report().host().orElseThrow())
                .containsOnly("example.com")
                .hasSize(2);
    }

    @Test
    void evaluation_isAPureFunctionOfItsInputs_toTheByte() {
        SecTrust trust = anchored().forServer("other.example.org");

        assertThat(trust.evaluate(certs(leaf, ica)).toJson())
                .isEqualTo(trust.evaluate(certs(leaf, ica)).toJson());
        assertThat(trust.evaluate(certs(leaf, ica)).explain())
                .isEqualTo(trust.evaluate(certs(leaf, ica)).explain());
    }
}
