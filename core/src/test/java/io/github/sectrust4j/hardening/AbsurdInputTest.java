package io.github.sectrust4j.hardening;

import static io.github.sectrust4j.hardening.Hardening.certs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Absurd sizes end in a clear outcome within bounded time (the timeouts are hang guards, not speed
 * targets): a 1,000-certificate presented chain, 10,000 SAN entries, a 64 KB host name, and PEM text
 * with 100,000 junk blocks.
 */
class AbsurdInputTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    static SecTrust trust(HeldCertificate root) {
        return SecTrust.ios("17.4")
                .forServer("example.com")
                .at(TestPki.DEFAULT_NOW)
                .withAnchors(certs(root));
    }

    @Test
    void thousandCertificateChain_ofNamesakeIssuers_endsInAVerdict_andNeverTrustsAnUnanchoredPath() {
        TestPki pki = TestPki.seeded(91);
        HeldCertificate root = pki.root("Absurd Root").build();
        HeldCertificate otherRoot = pki.root("Absurd Issuing CA").build(); // same name as the issuer, other key
        HeldCertificate ica = pki.intermediate("Absurd Issuing CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).validForDays(90).build();
        List<Certificate> chain = new ArrayList<>(certs(leaf));
        Certificate namesake = Certificate.parse(
                pki.intermediate("Absurd Issuing CA", otherRoot).build().der());
        // 999 distinct namesakes of the issuing CA, all signed by a key that never anchors
        for (int i = 0; i < 999; i++) {
            chain.add(Certificate.parse(pki.intermediate("Absurd Issuing CA", otherRoot)
                    .sameKeyAs(otherRoot)
                    .serial(java.math.BigInteger.valueOf(10_000 + i))
                    .build()
                    .der()));
        }
        chain.add(namesake);

        TrustReport report =
                assertTimeoutPreemptively(HANG_GUARD, () -> trust(root).evaluate(chain));

        assertThat(report.trusted()).isFalse();
        assertThat(report.has(FindingCode.PATH_BUDGET_EXCEEDED)
                        || report.has(FindingCode.ANCHOR_TRUSTED)
                        || report.has(FindingCode.MISSING_INTERMEDIATE))
                .as(report.explain())
                .isTrue();

        // the real issuer hidden at the end of the pile: found, or a budget finding — never a hang
        chain.add(Certificate.parse(ica.der()));
        TrustReport withIssuer =
                assertTimeoutPreemptively(HANG_GUARD, () -> trust(root).evaluate(chain));
        assertThat(withIssuer.trusted() || withIssuer.has(FindingCode.PATH_BUDGET_EXCEEDED))
                .as(withIssuer.explain())
                .isTrue();
    }

    @Test
    void leafWithTenThousandSanEntries_isEvaluated_matchingTheLastName() {
        TestPki pki = TestPki.seeded(92);
        HeldCertificate root = pki.root("SAN Root").build();
        String[] names = new String[10_000];
        for (int i = 0; i < names.length; i++) {
            names[i] = "host" + i + ".example.com";
        }
        HeldCertificate leaf = pki.leaf("host9999.example.com", root)
                .dnsNames(names)
                .validForDays(90)
                .build();

        TrustReport match = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> SecTrust.ios("17.4")
                        .forServer("host9999.example.com")
                        .at(pki.now())
                        .withAnchors(certs(root))
                        .evaluate(certs(leaf)));
        TrustReport miss = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> SecTrust.ios("17.4")
                        .forServer("other.example.com")
                        .at(pki.now())
                        .withAnchors(certs(root))
                        .evaluate(certs(leaf)));

        assertThat(match.trusted()).as(match.explain()).isTrue();
        assertThat(miss.trusted()).isFalse();
        assertThat(miss.has(FindingCode.SSL_HOSTNAME)).as(miss.explain()).isTrue();
    }

    @Test
    void sixtyFourKilobyteHostName_isAHostNameMismatch_notACrash() {
        TestPki pki = TestPki.seeded(93);
        HeldCertificate root = pki.root("Host Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();
        String host = "a".repeat(63) + ".";
        host = host.repeat(65_536 / host.length()) + "example.com";

        String h = host;
        TrustReport report = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> SecTrust.ios("17.4")
                        .forServer(h)
                        .at(pki.now())
                        .withAnchors(certs(root))
                        .evaluate(certs(leaf)));

        assertThat(report.trusted()).isFalse();
        assertThat(report.has(FindingCode.SSL_HOSTNAME)).as(report.explain()).isTrue();
    }

    @Test
    void pemWithAHundredThousandJunkBlocks_isAClearInputError() {
        StringBuilder pem = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            pem.append("-----BEGIN CERTIFICATE-----\nnot base64 at all ")
                    .append(i)
                    .append("\n-----END CERTIFICATE-----\n");
        }
        String text = pem.toString();

        assertTimeoutPreemptively(
                HANG_GUARD,
                () -> assertThatThrownBy(() -> SecTrust.ios("17.4")
                                .forServer("example.com")
                                .at(TestPki.DEFAULT_NOW)
                                .evaluate(text))
                        .isInstanceOf(CertificateInputException.class)
                        .satisfies(e -> assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(2_000)));
    }

    @Test
    void pemWithAHundredThousandJunkLinesAroundOneCertificate_isEvaluated() {
        TestPki pki = TestPki.seeded(94);
        HeldCertificate root = pki.root("Junk Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();
        String junk = "junk text that is not PEM\n".repeat(100_000);
        String text = junk + leaf.pem() + junk;

        TrustReport report =
                assertTimeoutPreemptively(HANG_GUARD, () -> trust(root).evaluate(text));

        assertThat(report.trusted()).as(report.explain()).isTrue();
    }
}
