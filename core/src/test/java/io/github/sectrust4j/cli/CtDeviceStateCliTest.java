package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * §8.1: the device's CT state through {@code batch} ({@code ctLogListFresh}, {@code ctKillSwitch}) and
 * {@code evaluate} ({@code --no-ct-log-list-fresh}, {@code --ct-kill-switch}): a publicly trusted leaf without
 * SCTs fails CT on a current device and passes when the device's list is stale or the kill switch is on.
 */
class CtDeviceStateCliTest {
    @TempDir
    static Path dir;

    static HeldCertificate root;
    static HeldCertificate leaf;
    static String at;

    @BeforeAll
    static void mint() throws IOException {
        TestPki pki = TestPki.seeded(93);
        root = pki.root("Public Root").build();
        leaf = pki.leaf("www.example.com", root).validForDays(90).build();
        Files.writeString(dir.resolve("leaf.pem"), leaf.pem());
        Files.writeString(dir.resolve("root.pem"), root.pem());
        at = pki.now().toString();
    }

    private static JsonNode batch(Consumer<ObjectNode> extra) throws IOException {
        ObjectNode req = Cli.request("www.example.com", at, leaf.pem());
        req.putArray("extraSystemRoots").add(root.pem());
        extra.accept(req);
        return Cli.batchOne(req);
    }

    @Test
    void batch_freshList_enforcesCt_staleListOrKillSwitch_doNot() throws IOException {
        JsonNode fresh = batch(r -> {});
        assertThat(fresh.get("trusted").booleanValue()).as(fresh.toString()).isFalse();
        assertThat(fresh.get("findings").findValuesAsText("code")).contains("SystemTrustedCTRequired");
        JsonNode explicitFresh = batch(r -> r.put("ctLogListFresh", true));
        assertThat(explicitFresh.get("trusted").booleanValue()).isFalse();

        JsonNode stale = batch(r -> r.put("ctLogListFresh", false));
        assertThat(stale.get("trusted").booleanValue()).as(stale.toString()).isTrue();
        JsonNode kill = batch(r -> r.put("ctKillSwitch", true));
        assertThat(kill.get("trusted").booleanValue()).as(kill.toString()).isTrue();
        JsonNode killOff = batch(r -> r.put("ctKillSwitch", false));
        assertThat(killOff.get("trusted").booleanValue()).isFalse();
    }

    @Test
    void batch_badTypes_areInputErrorsNamingTheField() throws IOException {
        assertThat(batch(r -> r.put("ctLogListFresh", "no")).at("/error/input").textValue())
                .startsWith("ctLogListFresh: expected true or false");
        assertThat(batch(r -> r.put("ctKillSwitch", 1)).at("/error/input").textValue())
                .startsWith("ctKillSwitch: expected true or false");
    }

    @Test
    void evaluate_noCtLogListFresh_andCtKillSwitch() {
        String[] base = {
            "evaluate",
            dir.resolve("leaf.pem").toString(),
            "--host",
            "www.example.com",
            "--at",
            at,
            "--extra-system-root",
            dir.resolve("root.pem").toString()
        };
        assertThat(Cli.run(base).status()).isEqualTo(1);
        assertThat(Cli.run(concat(base, "--ct-log-list-fresh")).status()).isEqualTo(1);
        assertThat(Cli.run(concat(base, "--no-ct-log-list-fresh")).status()).isZero();
        assertThat(Cli.run(concat(base, "--ct-kill-switch")).status()).isZero();
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
