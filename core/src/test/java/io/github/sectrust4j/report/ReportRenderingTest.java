package io.github.sectrust4j.report;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.HostName;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustMatrix;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link JsonReport}, {@link TextReport} and {@link MatrixReport}: the same evaluation renders to the same
 * bytes, JSON fields come in the contract's order, and hostile certificate text (quotes, backslashes, line
 * breaks, control characters, U+2028) cannot break the JSON line or forge a line of the text report.
 */
@ExtendWith(TestPkiExtension.class)
class ReportRenderingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A subject CN an attacker controls: JSON metacharacters, line breaks, ESC, NUL, LINE SEPARATOR. */
    private static final String HOSTILE = "evil\"}, {\"trusted\": true\\\nTRUSTED\r\u001b[2J\u0000\u2028x";

    private static SecTrust device(TestPki pki) {
        return SecTrust.ios("17.4").forServer("example.com").at(pki.now()).ctKillSwitch(true);
    }

    /** A device that does not trust the chain, and the chain: a leaf whose CN is {@link #HOSTILE}. */
    private record Hostile(SecTrust trust, List<Certificate> chain) {
        TrustReport evaluate() {
            return trust.evaluate(chain);
        }
    }

    private static Hostile hostile(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root)
                .commonName(HOSTILE)
                .validForDays(90)
                .build();
        return new Hostile(device(pki).withAnchors(certs(root)).forServer("other.example.org"), certs(leaf));
    }

    @Test
    void json_sameEvaluation_sameBytes(TestPki pki) {
        Hostile h = hostile(pki);
        assertThat(JsonReport.render(h.evaluate())).isEqualTo(JsonReport.render(h.evaluate()));
    }

    @Test
    void json_topLevelFields_comeInTheContractsOrder(TestPki pki) throws Exception {
        JsonNode node = JSON.readTree(JsonReport.render(hostile(pki).evaluate()));
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        assertThat(fields)
                .containsExactly(
                        "trusted",
                        "result",
                        "error",
                        "trustStoreVersion",
                        "ios",
                        "policy",
                        "host",
                        "at",
                        "path",
                        "findings");
        assertThat(node.at("/findings/0").fieldNames()).toIterable().startsWith("code", "severity");
        assertThat(node.at("/path/0").fieldNames()).toIterable().startsWith("sha256", "subject", "role");
    }

    @Test
    void json_hostileSubject_staysOneLineAndRoundTrips(TestPki pki) throws Exception {
        TrustReport report = hostile(pki).evaluate();
        String json = JsonReport.render(report);

        assertThat(json).doesNotContain("\n", "\r", "\u0000", "\u001b");
        JsonNode node = JSON.readTree(json);
        assertThat(node.get("trusted").booleanValue()).isFalse();
        assertThat(node.at("/path/0/subject").textValue()).contains("evil").contains("\"");
        assertThat(node.at("/path/0/subject").textValue())
                .isEqualTo(report.path().get(0).subject());
    }

    @Test
    void text_hostileSubject_cannotForgeAVerdictLine(TestPki pki) {
        Hostile h = hostile(pki);
        String text = TextReport.render(h.evaluate());

        assertThat(text).startsWith("NOT TRUSTED");
        assertThat(text.lines()).noneMatch(l -> l.startsWith("TRUSTED"));
        assertThat(text).doesNotContain("\u001b", "\u0000");
        assertThat(TextReport.render(h.evaluate())).isEqualTo(text);
    }

    @Test
    void matrix_sameInputs_sameBytes_andEveryCellHasItsSection(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();
        List<HostName> hosts = List.of(HostName.parse("example.com"), HostName.parse("other.example.org"));
        List<IosRelease> releases = List.of(IosRelease.parse("16.0"), IosRelease.parse("17.4"));
        SecTrust trust = device(pki).withAnchors(certs(root));

        TrustMatrix m = trust.evaluateAll(hosts, releases, certs(leaf));
        String text = MatrixReport.render(m);

        assertThat(MatrixReport.render(trust.evaluateAll(hosts, releases, certs(leaf))))
                .isEqualTo(text);
        assertThat(text).contains("2 names × 2 iOS releases: 2 of 4 trusted");
        assertThat(text).contains("=== example.com, iOS 16.0 ===", "=== other.example.org, iOS 17.4 ===");
    }

    /**
     * The profile hint follows the typed fact {@code PathCertificate.selfSigned}: a self-signed root the server
     * sends gets it; an intermediate top (AnchorTrusted before iOS 11.3, not self-signed) does not.
     */
    @Test
    void text_profileHint_onlyForASelfSignedTopTheServerSent(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root).build();
        HeldCertificate leaf = pki.leaf("example.com", ca).validForDays(90).build();

        TrustReport withRoot = device(pki).evaluate(certs(leaf, ca, root));
        assertThat(withRoot.path())
                .extracting(io.github.sectrust4j.PathCertificate::selfSigned)
                .containsExactly(false, false, true);
        assertThat(withRoot.findings())
                .anySatisfy(f -> assertThat(f.code().code()).isEqualTo("AnchorTrusted"));
        assertThat(TextReport.render(withRoot)).contains("Profile: sectrust4j profile --root ROOT.pem");

        TrustReport old =
                SecTrust.ios("11.2").forServer("example.com").at(pki.now()).evaluate(certs(leaf, ca));
        assertThat(old.path().get(1).selfSigned()).isFalse();
        assertThat(old.findings()).anySatisfy(f -> assertThat(f.code().code()).isEqualTo("AnchorTrusted"));
        assertThat(TextReport.render(old)).doesNotContain("Profile: sectrust4j profile");
    }
}
