package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.ct.CtLogList;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One ctLogs array, three entry points (batch {@code ctLogs}, {@code evaluate --ct-logs},
 * {@link SecTrust#withCtLogs(String)}): a malformed key is refused by all three with the same message,
 * so the commands can never disagree on the same log list.
 */
class CtLogKeyValidationTest {
    static HeldCertificate ca;
    static HeldCertificate leaf;
    static String spki;

    @TempDir
    Path dir;

    @BeforeAll
    static void mint() {
        TestPki pki = TestPki.seeded(29);
        HeldCertificate root = pki.root("Contoso Root CA").build();
        ca = pki.intermediate("Contoso Issuing CA", root).build();
        leaf = pki.leaf("sip.contoso.com", ca).build();
        spki = Base64.getEncoder()
                .encodeToString(leaf.certificate().getPublicKey().getEncoded());
    }

    record BadKey(String name, String key, String expectedMessageStart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static BadKey[] badKeys() {
        return new BadKey[] {
            // a lenient (MIME) decoder silently drops the '!' and accepts the real key inside
            new BadKey(
                    "characterOutsideBase64",
                    spki.substring(0, 8) + "!" + spki.substring(8),
                    "ctLogs[0].key: bad base64"),
            new BadKey("urlSafeAlphabet", spki.replace('+', '-').replace('/', '_') + "-_", "ctLogs[0].key: bad base64"),
            new BadKey("base64OfNonDer", "AAEC", "ctLogs[0].key: not a DER subjectPublicKeyInfo"),
            new BadKey(
                    "certificateInsteadOfKey",
                    Base64.getEncoder().encodeToString(leaf.der()),
                    "ctLogs[0].key: not a DER subjectPublicKeyInfo"),
            new BadKey(
                    "keyWithTrailingBytes",
                    Base64.getEncoder()
                            .encodeToString(concat(Base64.getDecoder().decode(spki), new byte[] {0, 0})),
                    "ctLogs[0].key: not a DER subjectPublicKeyInfo"),
            new BadKey("blank", " \n ", "ctLogs[0].key: empty"),
        };
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static ArrayNode logs(String key) {
        ArrayNode logs = BatchProcessor.MAPPER.createArrayNode();
        logs.addObject().put("key", key).put("operator", "Contoso");
        return logs;
    }

    @ParameterizedTest
    @MethodSource("badKeys")
    void malformedKey_isRefusedAlikeByBatchEvaluateAndLibrary(BadKey bad) throws IOException {
        String json = logs(bad.key()).toString();

        Throwable library = catchThrowable(() -> SecTrust.newest().withCtLogs(json));
        Throwable parsed = catchThrowable(() -> CtLogList.fromRequestJson(json.toString()));

        ObjectNode request = BatchProcessor.MAPPER.createObjectNode().put("id", "r1");
        request.putArray("chain").add(leaf.pem()).add(ca.pem());
        request.set("ctLogs", logs(bad.key()));
        Throwable batch = catchThrowable(() -> new BatchRequestParser().parse(request));

        Path chain = Files.writeString(dir.resolve("chain.pem"), Chains.pem(leaf, ca));
        Path logsFile = Files.writeString(dir.resolve("logs.json"), json);
        Cli.Run evaluate = Cli.run("evaluate", chain.toString(), "--ct-logs", logsFile.toString());

        assertThat(parsed).isInstanceOf(IllegalArgumentException.class);
        assertThat(parsed.getMessage()).startsWith(bad.expectedMessageStart());
        assertThat(library).isInstanceOf(IllegalArgumentException.class).hasMessage(parsed.getMessage());
        assertThat(batch).isInstanceOf(InputError.class).hasMessage(parsed.getMessage());
        assertThat(evaluate.status()).isEqualTo(2);
        assertThat(evaluate.err()).contains("--ct-logs: " + parsed.getMessage());
    }

    @Test
    void wellFormedKey_isAcceptedByListAndBatch() {
        String json = logs(spki).toString();
        assertThat(CtLogList.fromRequestJson(json.toString()).size()).isEqualTo(1);
        ObjectNode request = BatchProcessor.MAPPER.createObjectNode().put("id", "r1");
        request.putArray("chain").add(leaf.pem()).add(ca.pem());
        request.set("ctLogs", logs(spki));
        assertThat(new BatchRequestParser().parse(request)).isNotNull();
    }
}
