package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.fixtures.Chains;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust-settings key usage through batch {@code trustSettings[].keyUsage} and {@code evaluate --trust-settings}. */
class TrustSettingsKeyUsageCliTest {
    @TempDir
    static Path dir;

    static HeldCertificate root;
    static HeldCertificate ica;
    static HeldCertificate leaf;
    static String at;

    @BeforeAll
    static void mint() throws IOException {
        TestPki pki = TestPki.seeded(97);
        root = pki.root("Contoso Root CA").build();
        ica = pki.intermediate("Contoso Issuing CA", root).build();
        leaf = pki.leaf("sip.contoso.com", ica).validForDays(90).build();
        Files.writeString(dir.resolve("chain.pem"), Chains.pem(leaf, ica));
        Files.writeString(dir.resolve("ica.pem"), ica.pem());
        Files.writeString(dir.resolve("leaf.pem"), leaf.pem());
        at = pki.now().toString();
    }

    private static JsonNode batch(Consumer<ObjectNode> setting) throws IOException {
        ObjectNode req = Cli.request("sip.contoso.com", at, leaf.pem(), ica.pem());
        ObjectNode u = req.putArray("userRoots").addObject();
        u.put("cert", ica.pem());
        u.put("install", "mdm");
        ObjectNode ts = u.putArray("trustSettings").addObject();
        ts.put("result", "trustAsRoot");
        setting.accept(ts);
        return Cli.batchOne(req);
    }

    @Test
    void batch_keyUsage_namesOrNumber() throws IOException {
        assertThat(batch(ts -> ts.putArray("keyUsage").add("signCert"))
                        .get("trusted")
                        .booleanValue())
                .isTrue();
        assertThat(batch(ts -> ts.put("keyUsage", 8)).get("trusted").booleanValue())
                .isTrue();
        assertThat(batch(ts -> ts.put("keyUsage", 4294967295L)).get("trusted").booleanValue())
                .isTrue();
        JsonNode signature = batch(ts -> ts.putArray("keyUsage").add("signature"));
        assertThat(signature.get("trusted").booleanValue())
                .as(signature.toString())
                .isFalse();
    }

    @Test
    void batch_badKeyUsage_isAnInputError() throws IOException {
        assertThat(batch(ts -> ts.putArray("keyUsage").add("sign"))
                        .at("/error/input")
                        .textValue())
                .startsWith("userRoots[0].trustSettings[0].keyUsage[0]: Unknown trust-settings key usage 'sign'");
        assertThat(batch(ts -> ts.put("keyUsage", -1)).at("/error/input").textValue())
                .startsWith("userRoots[0].trustSettings[0].keyUsage: expected Apple's kSecTrustSettingsKeyUsage value");
    }

    @Test
    void evaluate_trustSettingsOption() {
        String chain = dir.resolve("chain.pem").toString();
        String icaPem = dir.resolve("ica.pem").toString();
        Cli.Run ok = Cli.run(
                "evaluate",
                chain,
                "--host",
                "sip.contoso.com",
                "--at",
                at,
                "--trust-settings",
                icaPem + "=trustAsRoot,keyUsage=signCert",
                "--json");
        assertThat(ok.status()).as(ok.out() + ok.err()).isZero();
        Cli.Run no = Cli.run(
                "evaluate",
                chain,
                "--host",
                "sip.contoso.com",
                "--at",
                at,
                "--trust-settings",
                icaPem + "=trustAsRoot,keyUsage=signature");
        assertThat(no.status()).isEqualTo(1);
        // constraints in order: a Deny for another host does not apply, the TrustAsRoot does
        Cli.Run ordered = Cli.run(
                "evaluate",
                chain,
                "--host",
                "sip.contoso.com",
                "--at",
                at,
                "--trust-settings",
                icaPem + "=deny,policy=ssl-server,host=other.contoso.com;trustAsRoot");
        assertThat(ordered.status()).as(ordered.out()).isZero();
        // the server's own certificate with an SSL-only setting
        Cli.Run leafOnly = Cli.run(
                "evaluate",
                dir.resolve("leaf.pem").toString(),
                "--host",
                "sip.contoso.com",
                "--at",
                at,
                "--trust-settings",
                dir.resolve("leaf.pem") + "=trustAsRoot,policy=ssl-server");
        assertThat(leafOnly.status()).as(leafOnly.out()).isZero();
        Cli.Run bad = Cli.run("evaluate", chain, "--at", at, "--trust-settings", icaPem + "=trustAsRoot,usage=1");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown key 'usage'");
        Cli.Run noEq = Cli.run("evaluate", chain, "--at", at, "--trust-settings", icaPem);
        assertThat(noEq.status()).isEqualTo(2);
        assertThat(noEq.err()).contains("expected CERT.pem=SETTINGS");
    }
}
