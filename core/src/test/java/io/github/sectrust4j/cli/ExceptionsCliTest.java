package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.TrustExceptions;
import io.github.sectrust4j.fixtures.Chains;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's exceptions (§12.4) through the command line: {@code batch} fields {@code copyExceptions},
 * {@code exceptions} and {@code exceptionEpoch}; {@code evaluate --copy-exceptions / --exceptions /
 * --exception-epoch}.
 */
class ExceptionsCliTest {
    @TempDir
    static Path dir;

    static TestPki pki;
    static HeldCertificate root;
    static HeldCertificate ca;
    static HeldCertificate leaf;

    @BeforeAll
    static void mint() {
        pki = TestPki.seeded(31337);
        root = pki.root("Fabrikam Root").build();
        ca = pki.intermediate("Fabrikam Issuing CA", root).build();
        leaf = pki.leaf("mail.fabrikam.com", ca).build();
    }

    static ObjectNode request(String id) {
        ObjectNode r = BatchProcessor.MAPPER
                .createObjectNode()
                .put("id", id)
                .put("host", "mail.fabrikam.com")
                .put("ios", "17.4")
                .put("at", pki.now().toString());
        r.putArray("chain").add(leaf.pem()).add(ca.pem()).add(root.pem());
        return r;
    }

    static JsonNode process(ObjectNode request) throws IOException {
        return BatchProcessor.MAPPER.readTree(new BatchProcessor().process(request.toString()));
    }

    @Test
    void batch_copyExceptions_thenExceptions_makesTheChainProceed() throws IOException {
        JsonNode first = process(request("copy").put("copyExceptions", true));
        assertThat(first.get("trusted").asBoolean()).isFalse();
        String plist = first.get("exceptions").asText();
        TrustExceptions ex = TrustExceptions.fromPlist(Base64.getDecoder().decode(plist));
        assertThat(ex.entries()).hasSize(3);
        assertThat(ex.entries().get(2).checks()).containsExactly("AnchorTrusted");

        JsonNode accepted = process(request("accepted").put("exceptions", plist));
        assertThat(accepted.get("trusted").asBoolean()).isTrue();
        assertThat(accepted.get("result").asText()).isEqualTo("PROCEED");
        assertThat(accepted.has("exceptions")).as("only when asked for").isFalse();
        assertThat(accepted.get("findings").toString()).contains("\"suppressedByException\":true");

        JsonNode otherEpoch = process(request("epoch").put("exceptions", plist).put("exceptionEpoch", 2));
        assertThat(otherEpoch.get("trusted").asBoolean()).isFalse();
        assertThat(otherEpoch.get("findings").toString()).contains("UserExceptions");
    }

    @Test
    void batch_badExceptionFields_areInputErrors() throws IOException {
        assertThat(process(request("a").put("exceptions", "%%%"))
                        .get("error")
                        .get("input")
                        .asText())
                .startsWith("exceptions");
        String notPlist = Base64.getEncoder().encodeToString("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(process(request("b").put("exceptions", notPlist))
                        .get("error")
                        .get("input")
                        .asText())
                .startsWith("exceptions: not a property list");
        assertThat(process(request("c").put("exceptionEpoch", -1))
                        .get("error")
                        .get("input")
                        .asText())
                .startsWith("exceptionEpoch");
        assertThat(process(request("d").put("exceptionEpoch", "1"))
                        .get("error")
                        .get("input")
                        .asText())
                .startsWith("exceptionEpoch");
        assertThat(process(request("e").put("copyExceptions", "yes"))
                        .get("error")
                        .get("input")
                        .asText())
                .startsWith("copyExceptions");
    }

    @Test
    void evaluate_copyExceptions_thenExceptions() throws IOException {
        Path chain = dir.resolve("chain.pem");
        Files.writeString(chain, Chains.pem(leaf, ca, root));
        Path plist = dir.resolve("exceptions.plist");
        String[] base = {
            "evaluate",
            chain.toString(),
            "--host",
            "mail.fabrikam.com",
            "--ios",
            "17.4",
            "--at",
            pki.now().toString()
        };

        Cli.Run untrusted = Cli.run(concat(base, "--copy-exceptions", plist.toString()));
        assertThat(untrusted.status()).isEqualTo(1);
        assertThat(TrustExceptions.fromPlist(Files.readAllBytes(plist)).entries())
                .hasSize(3);

        Cli.Run accepted = Cli.run(concat(base, "--exceptions", plist.toString()));
        assertThat(accepted.status()).as(accepted.out() + accepted.err()).isZero();
        assertThat(accepted.out()).contains("PROCEED").contains("exception");

        Cli.Run reset = Cli.run(concat(base, "--exceptions", plist.toString(), "--exception-epoch", "5"));
        assertThat(reset.status()).isEqualTo(1);
        assertThat(reset.out()).contains("UserExceptions");

        Path garbage = dir.resolve("garbage.plist");
        Files.writeString(garbage, "<plist><dict/></plist>");
        Cli.Run bad = Cli.run(concat(base, "--exceptions", garbage.toString()));
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--exceptions").contains("array").doesNotContain("Exception:");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
