package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --required-key-usage} and batch {@code requiredKeyUsage} (SecPolicyCreateSSLWithKeyUsage). */
class RequiredKeyUsageCliTest {
    @TempDir
    static Path dir;

    static HeldCertificate root;
    static HeldCertificate leaf;
    static String at;

    @BeforeAll
    static void mint() throws IOException {
        TestPki pki = TestPki.seeded(95);
        root = pki.root("Contoso Root CA").build();
        leaf = pki.leaf("sip.contoso.com", root)
                .keyUsage(CertificateBuilder.KU_DIGITAL_SIGNATURE)
                .validForDays(90)
                .build();
        Files.writeString(dir.resolve("leaf.pem"), leaf.pem());
        Files.writeString(dir.resolve("root.pem"), root.pem());
        at = pki.now().toString();
    }

    private static Cli.Run evaluate(String... extra) {
        String[] base = {
            "evaluate",
            dir.resolve("leaf.pem").toString(),
            "--host",
            "sip.contoso.com",
            "--at",
            at,
            "--mdm-root",
            dir.resolve("root.pem").toString()
        };
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return Cli.run(all);
    }

    @Test
    void evaluate_requiredKeyUsage() {
        assertThat(evaluate().status()).isZero();
        assertThat(evaluate("--required-key-usage", "digitalSignature").status())
                .isZero();
        Cli.Run fail = evaluate("--required-key-usage", "digitalSignature,keyEncipherment");
        assertThat(fail.status()).isEqualTo(1);
        assertThat(fail.out()).contains("KeyUsage").contains("keyEncipherment");
        Cli.Run bad = evaluate("--required-key-usage", "sign");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--required-key-usage").contains("Unknown key usage 'sign'");
    }

    private static JsonNode batch(Consumer<ObjectNode> extra) throws IOException {
        ObjectNode req = Cli.request("sip.contoso.com", at, leaf.pem());
        ObjectNode u = req.putArray("userRoots").addObject();
        u.put("cert", root.pem());
        u.put("install", "mdm");
        extra.accept(req);
        return Cli.batchOne(req);
    }

    @Test
    void batch_requiredKeyUsage_namesOrBits() throws IOException {
        JsonNode fail = batch(r -> r.putArray("requiredKeyUsage").add("keyAgreement"));
        assertThat(fail.get("trusted").booleanValue()).isFalse();
        assertThat(fail.at("/error/name").textValue()).isEqualTo("errSecInvalidKeyUsageForPolicy");
        assertThat(fail.get("findings").findValuesAsText("code")).contains("KeyUsage");
        assertThat(batch(r -> r.putArray("requiredKeyUsage").add("digitalSignature"))
                        .get("trusted")
                        .booleanValue())
                .isTrue();
        assertThat(batch(r -> r.put("requiredKeyUsage", 1)).get("trusted").booleanValue())
                .isTrue();
        assertThat(batch(r -> r.put("requiredKeyUsage", 4)).get("trusted").booleanValue())
                .isFalse();
    }

    @Test
    void batch_badRequiredKeyUsage_isAnInputError() throws IOException {
        assertThat(batch(r -> r.putArray("requiredKeyUsage").add("sign"))
                        .at("/error/input")
                        .textValue())
                .startsWith("requiredKeyUsage[0]: Unknown key usage 'sign'");
        assertThat(batch(r -> r.put("requiredKeyUsage", 1024))
                        .at("/error/input")
                        .textValue())
                .startsWith("requiredKeyUsage: expected Apple's SecKeyUsage bits");
        assertThat(batch(r -> r.putArray("requiredKeyUsage")).at("/error/input").textValue())
                .startsWith("requiredKeyUsage: expected a non-empty array");
        JsonNode basic = batch(r -> {
            r.remove("host");
            r.put("policy", "basic");
            r.putArray("requiredKeyUsage").add("digitalSignature");
        });
        assertThat(basic.at("/error/input").textValue()).startsWith("requiredKeyUsage: only for the ssl-server policy");
    }
}
