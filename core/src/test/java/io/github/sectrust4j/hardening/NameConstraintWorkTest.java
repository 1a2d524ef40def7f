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
 * An intermediate with 20,000 permitted and 20,000 excluded DNS subtrees over a leaf with 20,000 SANs:
 * iOS fails NameConstraints once the combined subtrees reach 1,024 (§2.3 item 6), so matching every
 * name against every subtree afterwards is pure waste — it took ~35 s per candidate path. The verdict
 * is the same NameConstraints failure, reached at once. (The timeout is a hang guard, not a speed target.)
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
        HeldCertificate ica = pki.intermediate("NC CA", root).permittedDns(permitted).excludedDns(excluded).build();
        HeldCertificate leaf = pki.leaf("p0.example.com", ica).dnsNames(sans).validForDays(90).build();
        SecTrust trust = SecTrust.ios("17.4").forServer("p0.example.com").at(pki.now()).withAnchors(certs(root));

        TrustReport report = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> trust.evaluate(certs(leaf, ica)));

        assertThat(report.trusted()).isFalse();
        assertThat(report.has(FindingCode.NAME_CONSTRAINTS)).as(report.explain()).isTrue();
        assertThat(report.failures()).filteredOn(f -> f.code() == FindingCode.NAME_CONSTRAINTS)
                .anySatisfy(f -> assertThat(f.evidence()).containsKey("combinedSubtrees"));
    }
}
