package io.github.sectrust4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cli.Cli;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * §14.2 step 1: a certificate the server sends that iOS's parser refuses (here, as in two PKITS cases, a
 * signature BIT STRING with unused bits) gives a verdict — Invalid, errSecParam, a finding naming the
 * position and the parse failure — instead of an input error; a leaf that does not parse, or input
 * holding no certificate, stays an input error.
 */
@ExtendWith(TestPkiExtension.class)
class UnparseableChainCertificateTest {
    static final ObjectMapper JSON = new ObjectMapper();
    HeldCertificate root;
    HeldCertificate ica;
    HeldCertificate leaf;
    String brokenPem;

    @BeforeEach
    void mint(TestPki pki) {
        root = pki.root("Root").build();
        ica = pki.intermediate("Issuing CA", root).build();
        leaf = pki.leaf("example.com", ica).validForDays(90).build();
        brokenPem = pem(withUnusedSignatureBits(
                pki.intermediate("Other CA", root).build().der()));
    }

    SecTrust trust(TestPki pki) {
        return SecTrust.ios("17.4")
                .forServer("example.com")
                .at(pki.now())
                .ctKillSwitch(true)
                .withExtraSystemRoots(io.github.sectrust4j.path.TestRequests.certs(root));
    }

    @Test
    void api_unparseableThirdCertificate_isAnInvalidVerdict_namingPositionAndCause(TestPki pki) {
        assertThat(trust(pki).evaluate(leaf.pem() + ica.pem()).trusted()).isTrue();

        TrustReport r = trust(pki).evaluate(leaf.pem() + ica.pem() + brokenPem);

        assertThat(r.trusted()).isFalse();
        assertThat(r.result()).isEqualTo(SecTrustResult.INVALID);
        assertThat(r.error()).contains(TrustError.PARAM);
        Finding f = r.findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.UNPARSEABLE_CERTIFICATE);
        assertThat(f.evidence()).containsEntry("position", 2);
        assertThat((String) f.evidence().get("parseFailure")).contains("unused bits");
        assertThat(r.explain()).contains("UnparseableCertificate").contains("Certificate 2");
        // the rest of the chain is still evaluated and shown
        assertThat(r.path()).hasSize(3);
    }

    @Test
    void api_unparseableLeaf_orNoCertificate_staysAnInputError(TestPki pki) {
        assertThatThrownBy(() -> trust(pki).evaluate(brokenPem + ica.pem()))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("unused bits");
        assertThatThrownBy(() -> trust(pki).evaluate("no certificate here"))
                .isInstanceOf(CertificateInputException.class);
        assertThatThrownBy(() -> trust(pki)
                        .evaluate(leaf.pem() + "-----BEGIN CERTIFICATE-----\n@@@\n-----END CERTIFICATE-----\n"))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("bad base64");
    }

    @Test
    void batch_andCli_giveTheVerdict(TestPki pki, @TempDir Path dir) throws Exception {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", "u")
                .put("host", "example.com")
                .put("ios", "17.4")
                .put("at", pki.now().toString());
        n.putArray("chain").add(leaf.pem()).add(ica.pem() + brokenPem);
        n.putArray("extraSystemRoots").add(root.pem());
        Cli.Run batch = Cli.withStdin(JSON.writeValueAsString(n) + "\n", "batch");
        JsonNode response = JSON.readTree(batch.out());
        assertThat(response.has("error") && response.get("error").has("input"))
                .as(batch.out())
                .isFalse();
        assertThat(response.get("trusted").asBoolean()).isFalse();
        assertThat(response.get("result").asText()).isEqualTo("INVALID");
        assertThat(response.get("error").get("name").asText()).isEqualTo("errSecParam");
        JsonNode finding = response.get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("UnparseableCertificate");
        assertThat(finding.get("evidence").get("position").asInt()).isEqualTo(2);

        Path chain = Files.writeString(dir.resolve("chain.pem"), leaf.pem() + ica.pem() + brokenPem);
        Path rootFile = Files.writeString(dir.resolve("root.pem"), root.pem());
        Cli.Run run = Cli.run(
                "evaluate",
                chain.toString(),
                "--host",
                "example.com",
                "--ios",
                "17.4",
                "--at",
                pki.now().toString(),
                "--extra-system-root",
                rootFile.toString());
        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("UnparseableCertificate");
    }

    /** The DER with the signature BIT STRING's unused-bits octet set to 1 (the signature bytes unchanged). */
    static byte[] withUnusedSignatureBits(byte[] der) {
        byte[] out = der.clone();
        for (int i = out.length - 3; i > 0; i--) {
            if (out[i] == 0x03 && (out[i + 1] & 0xff) == out.length - i - 2 && out[i + 2] == 0) {
                out[i + 2] = 1;
                return out;
            }
        }
        throw new AssertionError("no short-form signature BIT STRING found");
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END CERTIFICATE-----\n";
    }
}
