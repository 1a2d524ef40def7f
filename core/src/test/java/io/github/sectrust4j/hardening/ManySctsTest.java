package io.github.sectrust4j.hardening;

import static io.github.sectrust4j.hardening.Hardening.certs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.ct.CtLog;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The most TLS SCTs a request may carry ({@link SecTrust#MAX_TLS_SCTS}), with signatures that fail, from a
 * known log, over twenty cross-signed copies of the issuing CA. A wrong host name makes iOS validate every
 * candidate path. Every SCT used to be verified again for every candidate (2,000 SCTs took about 7 s), and
 * the request size was the only limit. The CT evaluation depends only on the leaf and the issuer's key, so
 * it now runs once per issuer key; and one SCT beyond the limit is refused. (The timeout is a hang guard,
 * not a speed target.)
 */
class ManySctsTest {

    @Test
    void theMostBadSctsOverManyCandidatePaths_areVerifiedOncePerIssuerKey_andOneMoreIsRefused() {
        TestPki pki = TestPki.seeded(171);
        TestCtLog log = pki.ctLog("hardening log");
        HeldCertificate root = pki.root("SCT Root").build();
        HeldCertificate ica = pki.intermediate("SCT CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ica).validForDays(90).build();
        List<Certificate> chain = new ArrayList<>(certs(leaf, ica));
        for (int i = 0; i < 20; i++) {
            chain.add(Certificate.parse(pki.crossSigned(ica, root).build().der()));
        }
        byte[] bad = log.sctFor(leaf, pki.now()).withBrokenSignature().encoded();
        SecTrust base = SecTrust.ios("17.4")
                .forServer("other.example")
                .at(pki.now())
                .withExtraSystemRoots(certs(root))
                .withCtLogs(CtLogList.of(List.of(
                        CtLog.usable(log.keyPair().getPublic().getEncoded(), log.operator(), log.description()))));
        for (int i = 0; i < SecTrust.MAX_TLS_SCTS; i++) {
            base = base.withSct(bad);
        }
        SecTrust trust = base;
        assertThatThrownBy(() -> trust.withSct(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + SecTrust.MAX_TLS_SCTS);

        TrustReport report = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> trust.evaluate(chain));

        assertThat(report.trusted()).isFalse();
        assertThat(report.has(FindingCode.SSL_HOSTNAME)).as(report.explain()).isTrue();
    }
}
