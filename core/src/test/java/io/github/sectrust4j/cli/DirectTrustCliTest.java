package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** §7.3: the server's own certificate given as a user root, through {@code evaluate} and {@code batch}. */
class DirectTrustCliTest {
    @TempDir
    static Path dir;

    static HeldCertificate leaf;
    static String at;

    @BeforeAll
    static void mint() throws IOException {
        TestPki pki = TestPki.seeded(91);
        HeldCertificate root = pki.root("Contoso Root CA").build();
        leaf = pki.leaf("sip.contoso.com", root).validForDays(90).build();
        Files.writeString(dir.resolve("leaf.pem"), leaf.pem());
        at = pki.now().toString();
    }

    private static String leafPem() {
        return dir.resolve("leaf.pem").toString();
    }

    @Test
    void evaluate_serverCertificateAsMdmRoot_isTrusted_andSaysSo() throws IOException {
        Cli.Run run = Cli.run(
                "evaluate", leafPem(), "--host", "sip.contoso.com", "--at", at, "--mdm-root", leafPem(), "--json");
        assertThat(run.status()).as(run.out() + run.err()).isZero();
        JsonNode r = BatchProcessor.MAPPER.readTree(run.out());
        assertThat(r.get("result").textValue()).isEqualTo("PROCEED");
        assertThat(r.get("path")).hasSize(1);
        assertThat(r.at("/path/0/anchorSource").textValue()).isEqualTo("mdm");
        assertThat(r.get("findings").findValuesAsText("code")).contains("DirectTrust");

        Cli.Run text = Cli.run("evaluate", leafPem(), "--host", "sip.contoso.com", "--at", at, "--mdm-root", leafPem());
        assertThat(text.out()).contains("the server certificate itself");
    }

    @Test
    void evaluate_serverCertificateAsProfileRoot_needsFullTrust() {
        Cli.Run off =
                Cli.run("evaluate", leafPem(), "--host", "sip.contoso.com", "--at", at, "--profile-root", leafPem());
        assertThat(off.status()).isEqualTo(1);
        assertThat(off.out()).contains("full trust is not turned on");
        Cli.Run on = Cli.run(
                "evaluate",
                leafPem(),
                "--host",
                "sip.contoso.com",
                "--at",
                at,
                "--profile-root",
                leafPem() + ":full-trust");
        assertThat(on.status()).as(on.out()).isZero();
    }

    @Test
    void batch_userRootThatIsTheLeaf_isTheAnchor() throws IOException {
        ObjectNode req = Cli.request("sip.contoso.com", at, leaf.pem());
        ObjectNode u = req.putArray("userRoots").addObject();
        u.put("cert", leaf.pem());
        u.put("install", "profile");
        u.put("fullTrust", true);
        JsonNode r = Cli.batchOne(req);
        assertThat(r.get("trusted").booleanValue()).as(r.toString()).isTrue();
        assertThat(r.at("/path/0/role").textValue()).isEqualTo("anchor");
        assertThat(r.at("/path/0/anchorSource").textValue()).isEqualTo("profile");
    }
}
