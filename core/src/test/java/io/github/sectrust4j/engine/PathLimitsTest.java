package io.github.sectrust4j.engine;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * §1.4: iOS has no maximum chain length; only the 100-path cap bounds the search. A depth limit of 32
 * refused a valid 33-certificate chain; a valid 40-certificate chain must be trusted, and the path cap
 * still bounds an absurdly deep one. The cap is checked between building steps (SecPathBuilderGetNext),
 * so one parent list is processed whole.
 */
@ExtendWith(TestPkiExtension.class)
class PathLimitsTest {

    /** leaf first, then the intermediates (in reverse issuing order, as a server would send them), then the root. */
    static List<HeldCertificate> chainOf(TestPki pki, int certificates) {
        HeldCertificate root = pki.root("Deep Root").build();
        List<HeldCertificate> issuers = new ArrayList<>(List.of(root));
        for (int i = 1; i < certificates - 1; i++) {
            issuers.add(pki.intermediate("Deep CA " + i, issuers.get(i - 1)).build());
        }
        HeldCertificate leaf = pki.leaf("example.com", issuers.get(issuers.size() - 1))
                .validForDays(90)
                .build();
        List<HeldCertificate> chain = new ArrayList<>(List.of(leaf));
        List<HeldCertificate> cas = new ArrayList<>(issuers);
        Collections.reverse(cas);
        chain.addAll(cas);
        return chain;
    }

    static TrustReport evaluate(TestPki pki, List<HeldCertificate> chain) {
        HeldCertificate root = chain.get(chain.size() - 1);
        List<Certificate> sent = certs(chain.subList(0, chain.size() - 1).toArray(new HeldCertificate[0]));
        return SecTrust.ios("17.4")
                .forServer("example.com")
                .at(pki.now())
                .ctKillSwitch(true)
                .withExtraSystemRoots(certs(root))
                .evaluate(sent);
    }

    @Test
    void forty_certificate_chain_isTrusted(TestPki pki) {
        TrustReport r = evaluate(pki, chainOf(pki, 40));
        assertThat(r.trusted()).as(r.explain()).isTrue();
        assertThat(r.path()).hasSize(40);
    }

    @Test
    void chainLongerThanThePathCapAllows_isStoppedByTheCap_neverTrusted(TestPki pki) {
        TrustReport r = evaluate(pki, chainOf(pki, 110));
        assertThat(r.trusted()).isFalse();
        assertThat(r.has(FindingCode.PATH_BUDGET_EXCEEDED)).as(r.explain()).isTrue();
        assertThat(r.findings().stream()
                        .filter(f -> f.code() == FindingCode.PATH_BUDGET_EXCEEDED)
                        .findFirst()
                        .orElseThrow()
                        .evidence())
                .containsEntry("limitReached", "maxPaths");
    }

    @Test
    void hundredFiftySameNameAppAnchors_theRightOneLast_isTrusted(TestPki pki) {
        List<HeldCertificate> anchors = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            anchors.add(pki.root("App Root").build());
        }
        HeldCertificate leaf =
                pki.leaf("example.com", anchors.get(149)).validForDays(90).build();
        TrustReport r = SecTrust.ios("17.4")
                .forServer("example.com")
                .at(pki.now())
                .withAnchors(certs(anchors.toArray(new HeldCertificate[0])))
                .evaluate(certs(leaf));
        assertThat(r.trusted()).as(r.explain()).isTrue();
        assertThat(r.path().get(1).sha256())
                .isEqualTo(certs(anchors.get(149)).get(0).sha256Hex().toUpperCase(Locale.ROOT));
    }
}
