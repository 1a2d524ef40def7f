package io.github.sectrust4j.ct.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.report.JsonReport;
import io.github.sectrust4j.text.DeferredEvidence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CT note's evidence (one record per SCT) of a real CT-qualified chain is built only when read: an
 * evaluation whose caller never reads it does not build it, and reading it gives the full record.
 */
class CtNoteEvidenceDeferredTest {

    @Test
    void realChain_ctNoteEvidenceBuiltOnRead() throws Exception {
        JsonNode tc = RealCertificateSctTest.onlineCases()
                .filter(a -> a.get()[0].equals("online::google.com"))
                .findFirst()
                .map(a -> (JsonNode) a.get()[1])
                .orElseThrow();
        List<Certificate> chain = new ArrayList<>(
                CertificateInput.fromPem(tc.get("peer_certificate").asText()));
        tc.get("untrusted_intermediates").forEach(n -> chain.addAll(CertificateInput.fromPem(n.asText())));
        SecTrust trust = SecTrust.ios("17.0")
                .at(RealCertificateSctTest.verifyTime(tc))
                .forServer(tc.get("expected_peer_name").get("value").asText());

        TrustReport report = trust.evaluate(chain);
        Finding note = report.findings().stream()
                .filter(f -> f.code() == FindingCode.CERTIFICATE_TRANSPARENCY)
                .findFirst()
                .orElseThrow();

        assertThat(report.certificateTransparency()).as(report.explain()).isTrue();
        assertThat(note.evidence()).isInstanceOf(DeferredEvidence.class);
        assertThat(((DeferredEvidence) note.evidence()).isBuilt())
                .as("not built by the evaluation")
                .isFalse();
        assertThat(JsonReport.render(report)).contains("\"ctSummary\"", "\"scts\"");
        assertThat(((DeferredEvidence) note.evidence()).isBuilt()).isTrue();
        assertThat(note.evidence().get("summary"))
                .isEqualTo(note.message().substring("CertificateTransparency: ".length()));
        assertThat(note.evidence().keySet())
                .startsWith("summary", "ctSummary", "logList", "logListSize", "logListSource")
                .contains("qualified", "scts");
        assertThat(trust.evaluate(chain).findings()).isEqualTo(report.findings());
    }
}
