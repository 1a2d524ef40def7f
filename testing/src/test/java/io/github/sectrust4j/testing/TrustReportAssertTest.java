package io.github.sectrust4j.testing;

import static io.github.sectrust4j.testing.TrustReportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The report assertions pass on what the report says and fail with its explain() (issue 12 §3). */
@ExtendWith(TestPkiExtension.class)
class TrustReportAssertTest {
    private static final String HOST = "sip.contoso.com";

    @Test
    void trustedChain_passesIsTrusted_andFailsIsNotTrusted(TestPki pki) {
        TestChain chain = pki.chain(HOST);
        TrustReport report = PkiTrust.secTrust(pki, "17.4")
                .forServer(HOST)
                .withMdmRoot(chain.root().pem())
                .evaluate(chain.pem());

        assertThat(report).isTrusted().hasResult(SecTrustResult.PROCEED).doesNotHaveFinding(FindingCode.SSL_HOSTNAME);
        assertThatThrownBy(() -> assertThat(report).isNotTrusted())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expected the chain not to be trusted, but iOS 17.4 trusts it")
                .hasMessageContaining(report.explain());
    }

    @Test
    void hostNotInTheSan_isNotTrustedBecauseSslHostname_withTheReportInEveryFailure(TestPki pki) {
        TestChain chain = pki.chain(HOST);
        TrustReport report = PkiTrust.secTrust(pki, "17.4")
                .forServer("lyncdiscover.contoso.com")
                .withMdmRoot(chain.root().pem())
                .evaluate(chain.pem());

        assertThat(report)
                .isNotTrustedBecause(FindingCode.SSL_HOSTNAME)
                .hasError(TrustError.HOST_NAME_MISMATCH)
                .hasFinding(FindingCode.SSL_HOSTNAME)
                .atCertificate(0)
                .withSeverity(Severity.RECOVERABLE)
                .isFailure();

        assertThatThrownBy(() -> assertThat(report).isTrusted())
                .hasMessageStartingWith("Expected the chain to be trusted, but iOS 17.4 refuses it (SSLHostname at [0]")
                .hasMessageContaining(report.explain());
        assertThatThrownBy(() -> assertThat(report).isNotTrustedBecause(FindingCode.ANCHOR_TRUSTED))
                .hasMessageContaining(
                        "Expected the chain to be refused because of AnchorTrusted, but the failures are [SSLHostname at [0]")
                .hasMessageContaining(report.explain());
        assertThatThrownBy(() -> assertThat(report).hasError(TrustError.NOT_TRUSTED))
                .hasMessageContaining("Expected iOS to report " + TrustError.NOT_TRUSTED + " but it reports "
                        + TrustError.HOST_NAME_MISMATCH)
                .hasMessageContaining(report.explain());
    }

    @Test
    void findingsNarrowByEvidenceAndMessage(TestPki pki) {
        TestChain chain = pki.chain(HOST);
        TrustReport report = PkiTrust.secTrust(pki, "17.4")
                .forServer("lyncdiscover.contoso.com")
                .withMdmRoot(chain.root().pem())
                .evaluate(chain.pem());

        assertThat(report)
                .hasFinding(FindingCode.SSL_HOSTNAME)
                .withEvidence("host", "lyncdiscover.contoso.com")
                .withMessageContaining("lyncdiscover.contoso.com");
        assertThatThrownBy(() ->
                        assertThat(report).hasFinding(FindingCode.SSL_HOSTNAME).withEvidence("host", HOST))
                .hasMessageContaining("Expected a SSLHostname finding with evidence host=" + HOST)
                .hasMessageContaining(report.explain());
        assertThatThrownBy(() ->
                        assertThat(report).hasFinding(FindingCode.SSL_HOSTNAME).withSeverity(Severity.FATAL))
                .hasMessageContaining("with severity FATAL");
        assertThatThrownBy(() -> assertThat(report).doesNotHaveFinding(FindingCode.SSL_HOSTNAME))
                .hasMessageContaining("Expected no SSLHostname finding, but found SSLHostname at [0]");
    }

    @Test
    void profileRootWithoutFullTrust_hasAnchorTrustedAtTheRoot(TestPki pki) {
        TestChain chain = pki.chain(HOST);
        TrustReport report = PkiTrust.secTrust(pki, "17.4")
                .forServer(HOST)
                .withProfileRoot(chain.root().pem(), FullTrust.OFF)
                .evaluate(chain.pem());

        assertThat(report)
                .isNotTrustedBecause(FindingCode.ANCHOR_TRUSTED)
                .hasFinding(FindingCode.ANCHOR_TRUSTED)
                .atCertificate(2)
                .and()
                .hasError(TrustError.NOT_TRUSTED);
        assertThatThrownBy(() -> assertThat(report)
                        .hasFinding(FindingCode.ANCHOR_TRUSTED)
                        .atCertificate(0))
                .hasMessageContaining(
                        "Expected a AnchorTrusted finding at certificate [0], but the AnchorTrusted findings are [AnchorTrusted at [2]")
                .hasMessageContaining(report.explain());
        assertThatThrownBy(() -> assertThat(report).hasFinding(FindingCode.SSL_HOSTNAME))
                .hasMessageContaining("Expected a SSLHostname finding")
                .hasMessageContaining(report.explain());
    }

    @Test
    void theClockTrap_isNamedInTheFailure_andPkiTrustAvoidsIt(TestPki pki) {
        TestChain chain = pki.chain(HOST);
        TrustReport wallClock = SecTrust.ios("17.4")
                .forServer(HOST)
                .withMdmRoot(chain.root().pem())
                .evaluate(chain.pem()); // no at(...): evaluated now, long after the fixtures' 2025 window

        assertThatThrownBy(() -> assertThat(wallClock).isTrusted())
                .hasMessageContaining("Hint: the evaluation instant " + wallClock.evaluatedAt() + " is ")
                .hasMessageContaining(" days after the only time the path's certificates are all valid")
                .hasMessageContaining("PkiTrust.secTrust(pki, \"17.4\")")
                .hasMessageContaining(wallClock.explain());
        assertThat(PkiTrust.secTrust(pki, "17.4")
                        .forServer(HOST)
                        .withMdmRoot(chain.root().pem())
                        .evaluate(chain.pem())
                        .evaluatedAt())
                .isEqualTo(pki.now());
        assertThat(TrustReportAssert.clockHint(
                        PkiTrust.secTrust(pki).forServer("other.contoso.com").evaluate(chain.pem())))
                .isEmpty();
        // a deliberate edge (one second after the leaf expired) gets no hint
        TrustReport justExpired = SecTrust.ios("17.4")
                .forServer(HOST)
                .withMdmRoot(chain.root().pem())
                .at(chain.leaf().certificate().getNotAfter().toInstant().plusSeconds(1))
                .evaluate(chain.pem());
        assertThat(justExpired).isNotTrustedBecause(FindingCode.TEMPORAL_VALIDITY);
        assertThat(TrustReportAssert.clockHint(justExpired)).isEmpty();
    }

    @Test
    void aLeafMintedUnderTheTeamsOwnCa_isTrustedUnderItsMdmRoot(TestPki pki) {
        HeldCertificate existing = pki.root("Contoso Root CA").build();
        HeldCertificate ourCa = HeldCertificate.decode(existing.pem() + existing.privateKeyPem());
        HeldCertificate leaf = pki.leaf(HOST, ourCa).build();

        assertThat(PkiTrust.secTrust(pki, "17.4")
                        .forServer(HOST)
                        .withMdmRoot(existing.pem())
                        .evaluate(leaf.pem()))
                .isTrusted();
    }
}
