package io.github.sectrust4j.hardening;

import static io.github.sectrust4j.hardening.Hardening.certs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cli.Cli;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every stapled OCSP response is checked, with a signature verification, at every position of every
 * candidate path. With 1,000 responses whose signatures fail, over 21 cross-signed candidates, one
 * evaluation took 11 s, and the request size was the only limit. A server staples at most one response
 * per certificate, so more than {@link SecTrust#MAX_STAPLED_OCSP_RESPONSES} is a clear input error.
 * (The timeout is a hang guard, not a speed target.)
 */
class ManyStapledOcspResponsesTest {
    private static final TestPki PKI = TestPki.seeded(181);
    private static final HeldCertificate ROOT = PKI.root("OCSP Root").build();
    private static final HeldCertificate ICA = PKI.intermediate("OCSP CA", ROOT).build();
    private static final HeldCertificate LEAF =
            PKI.leaf("example.com", ICA).validForDays(90).build();
    private static final byte[] BAD =
            PKI.ocsp(LEAF, ICA).good().brokenSignature().build();

    @Test
    void moreResponsesThanTheLimit_isRefusedByTheApi() {
        SecTrust t = SecTrust.ios("17.4");
        for (int i = 0; i < SecTrust.MAX_STAPLED_OCSP_RESPONSES; i++) {
            t = t.withStapledOcsp(BAD);
        }
        SecTrust full = t;

        assertThatThrownBy(() -> full.withStapledOcsp(BAD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + SecTrust.MAX_STAPLED_OCSP_RESPONSES);
    }

    @Test
    void moreResponsesThanTheLimit_isABatchInputError() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode request = json.createObjectNode().put("id", "many-ocsp");
        request.putArray("chain").add(LEAF.pem()).add(ICA.pem());
        ArrayNode responses = request.putArray("ocspResponses");
        for (int i = 0; i <= SecTrust.MAX_STAPLED_OCSP_RESPONSES; i++) {
            responses.add(Base64.getEncoder().encodeToString(BAD));
        }
        Cli.Run run = Cli.withStdin(request + "\n", "batch");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode response = json.readTree(run.out());
        assertThat(response.get("id").asText()).isEqualTo("many-ocsp");
        assertThat(response.at("/error/input").asText()).contains("ocspResponses: at most");
    }

    @Test
    void responsesAtTheLimit_overManyCandidatePaths_endInAVerdict() {
        List<Certificate> chain = new ArrayList<>(certs(LEAF, ICA));
        for (int i = 0; i < 20; i++) {
            chain.add(Certificate.parse(PKI.crossSigned(ICA, ROOT).build().der()));
        }
        SecTrust t = SecTrust.ios("17.4")
                .forServer("other.example")
                .at(PKI.now())
                .withExtraSystemRoots(certs(ROOT))
                .ctKillSwitch(true);
        for (int i = 0; i < SecTrust.MAX_STAPLED_OCSP_RESPONSES; i++) {
            t = t.withStapledOcsp(BAD);
        }
        SecTrust trust = t;

        TrustReport report = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> trust.evaluate(chain));

        assertThat(report.trusted()).isFalse();
        assertThat(report.has(FindingCode.SSL_HOSTNAME)).as(report.explain()).isTrue();
    }
}
