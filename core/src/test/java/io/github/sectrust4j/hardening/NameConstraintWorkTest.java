package io.github.sectrust4j.hardening;

import static io.github.sectrust4j.hardening.Hardening.certs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Name-constraint work is bounded.
 *
 * <p>An intermediate with 20,000 permitted and 20,000 excluded DNS subtrees over a leaf with 20,000 SANs:
 * iOS fails NameConstraints once the combined subtrees reach 1,024 (§2.3 item 6), so matching every
 * name against every subtree afterwards is pure waste — it took ~35 s per candidate path. The verdict
 * is the same NameConstraints failure, reached at once. (The timeout is a hang guard, not a speed target.)
 *
 * <p>Below that limit, 50,000 SANs under 1,000 permitted subtrees took ~3 s per validation, and a search
 * validates up to 100 candidate paths: more than a million name/subtree comparisons fail closed.
 */
class NameConstraintWorkTest {

    @Test
    void subtreeLimitExceeded_failsNameConstraints_withoutMatchingEveryNameAgainstEverySubtree() {
        int n = 20_000;
        String[] permitted = new String[n];
        String[] excluded = new String[n];
        String[] sans = new String[n];
        for (int i = 0; i < n; i++) {
            permitted[i] = "p" + i + ".example.com";
            excluded[i] = "x" + i + ".example.com";
            sans[i] = "p" + (n - 1 - i) + ".example.com";
        }
        TestPki pki = TestPki.seeded(151);
        HeldCertificate root = pki.root("NC Root").build();
        HeldCertificate ica = pki.intermediate("NC CA", root)
                .permittedDns(permitted)
                .excludedDns(excluded)
                .build();
        HeldCertificate leaf =
                pki.leaf("p0.example.com", ica).dnsNames(sans).validForDays(90).build();
        SecTrust trust =
                SecTrust.ios("17.4").forServer("p0.example.com").at(pki.now()).withAnchors(certs(root));

        TrustReport report = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> trust.evaluate(certs(leaf, ica)));

        assertThat(report.trusted()).isFalse();
        assertThat(report.has(FindingCode.NAME_CONSTRAINTS))
                .as(report.explain())
                .isTrue();
        assertThat(report.failures())
                .filteredOn(f -> f.code() == FindingCode.NAME_CONSTRAINTS)
                .anySatisfy(f -> assertThat(f.evidence()).containsKey("combinedSubtrees"));
    }

    static HeldCertificate[] constrainedChain(int subtrees, int sans) {
        String[] permitted = new String[subtrees];
        for (int i = 0; i < subtrees; i++) {
            permitted[i] = "p" + i + ".example.com";
        }
        String[] names = new String[sans];
        for (int i = 0; i < sans; i++) {
            names[i] = "h" + i + ".p" + (subtrees - 1) + ".example.com"; // all in the last subtree: a full scan each
        }
        TestPki pki = TestPki.seeded(161);
        HeldCertificate root = pki.root("NC Root").build();
        HeldCertificate ica =
                pki.intermediate("NC CA", root).permittedDns(permitted).build();
        HeldCertificate leaf =
                pki.leaf(names[0], ica).dnsNames(names).validForDays(90).build();
        return new HeldCertificate[] {root, ica, leaf};
    }

    static TrustReport evaluate(HeldCertificate[] chain) {
        return SecTrust.ios("17.4")
                .forServer("h0.p999.example.com")
                .at(TestPki.DEFAULT_NOW)
                .withAnchors(certs(chain[0]))
                .evaluate(certs(chain[2], chain[1]));
    }

    @Test
    void fiftyThousandSansUnderAThousandSubtrees_failsNameConstraintsClosed_ratherThanAHundredMillionComparisons() {
        TrustReport report = evaluate(constrainedChain(1_000, 50_000));

        assertThat(report.trusted()).isFalse();
        assertThat(report.failures())
                .filteredOn(f -> f.code() == FindingCode.NAME_CONSTRAINTS)
                .as(report.explain())
                .anySatisfy(f -> assertThat(f.evidence()).containsEntry("outcome", "TOO_MANY_COMPARISONS"));
    }

    @Test
    void aThousandSubtreesAndNearlyAThousandNames_areStillEvaluated() {
        TrustReport report = evaluate(constrainedChain(1_000, 998)); // + the subject DN: 999 names x 1,000 subtrees

        assertThat(report.trusted()).as(report.explain()).isTrue();
    }
}
