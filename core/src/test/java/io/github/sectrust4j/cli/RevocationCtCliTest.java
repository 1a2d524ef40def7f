package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.fixtures.Chains;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The revocation and CT request fields end to end through {@code batch} and {@code evaluate}:
 * {@code ctLogs}, {@code scts}, {@code ocspResponses}, {@code revocationDatabase} and {@code network}.
 */
class RevocationCtCliTest {
    @TempDir
    static Path dir;

    static TestPki pki;
    static HeldCertificate root;
    static HeldCertificate ca;
    static HeldCertificate leaf;
    static TestCtLog logA;
    static TestCtLog logB;
    static Path valid;

    @BeforeAll
    static void mint() {
        pki = TestPki.seeded(8962);
        root = pki.root("Woodgrove Root").build();
        ca = pki.intermediate("Woodgrove Issuing CA", root).build();
        leaf = pki.leaf("shop.woodgrove.com", ca)
                .notBefore(pki.now().minus(Duration.ofDays(1)))
                .validForDays(90)
                .build();
        logA = pki.ctLog("Log A");
        logB = pki.ctLog("Log B");
        valid = StoresCommandTest.releases().resolveSibling("valid").resolve("valid-snapshot-2023-09.sqlite3");
    }

    static ObjectNode request(String id) {
        ObjectNode r = BatchProcessor.MAPPER
                .createObjectNode()
                .put("id", id)
                .put("host", "shop.woodgrove.com")
                .put("ios", "17.4")
                .put("at", pki.now().toString());
        r.putArray("chain").add(leaf.pem()).add(ca.pem());
        r.putArray("extraSystemRoots").add(root.pem());
        return r;
    }

    static ArrayNode logs(ObjectNode r) {
        ArrayNode logs = r.putArray("ctLogs");
        for (TestCtLog l : new TestCtLog[] {logA, logB}) {
            logs.addObject()
                    .put("key", l.publicKeyBase64())
                    .put("operator", l.operator())
                    .put("state", "usable");
        }
        return logs;
    }

    static String b64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    static JsonNode[] batch(ObjectNode... requests) throws IOException {
        StringBuilder in = new StringBuilder();
        for (ObjectNode r : requests) {
            in.append(r.toString()).append('\n');
        }
        Cli.Run run = Cli.withStdin(in.toString(), "batch");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode[] out = new JsonNode[requests.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = BatchProcessor.MAPPER.readTree(run.outLines().get(i));
        }
        return out;
    }

    @Test
    void batch_sctsWithCtLogs_qualify_withoutThemSystemTrustedCtRequired() throws IOException {
        Instant t = pki.now().minus(Duration.ofHours(12));
        ObjectNode withScts = request("with-scts");
        logs(withScts);
        withScts.putArray("scts")
                .add(b64(logA.sctFor(leaf, t).encoded()))
                .add(b64(logB.sctFor(leaf, t).encoded()));
        ObjectNode without = request("without-scts");
        logs(without);
        without.put("network", true);

        JsonNode[] out = batch(withScts, without);

        assertThat(out[0].get("trusted").booleanValue()).as(out[0].toString()).isTrue();
        assertThat(out[0].get("certificateTransparency").booleanValue()).isTrue();
        assertThat(out[1].get("trusted").booleanValue()).isFalse();
        assertThat(out[1].at("/error/name").textValue()).isEqualTo("errSecVerifyActionFailed");
        assertThat(out[1].at("/findings/0/code").textValue()).isEqualTo("SystemTrustedCTRequired");
    }

    @Test
    void batch_stapledRevokedResponse_isRevoked_andAGoodOneIsChecked() throws IOException {
        ObjectNode revoked = request("revoked");
        logs(revoked);
        revoked.putArray("ocspResponses")
                .add(b64(pki.ocsp(leaf, ca)
                        .revoked(pki.now().minus(Duration.ofDays(1)), RevocationReason.KEY_COMPROMISE)
                        .build()));
        ObjectNode good = request("good");
        good.remove("extraSystemRoots");
        good.putArray("anchors").add(root.pem());
        good.putArray("ocspResponses").add(b64(pki.ocsp(leaf, ca).good().build()));

        JsonNode[] out = batch(revoked, good);

        assertThat(out[0].get("result").textValue()).isEqualTo("FATAL_TRUST_FAILURE");
        assertThat(out[0].at("/error/name").textValue()).isEqualTo("errSecCertificateRevoked");
        assertThat(out[0].get("revocationReason").intValue()).isEqualTo(1);
        assertThat(out[1].get("trusted").booleanValue()).as(out[1].toString()).isTrue();
        assertThat(out[1].get("revocationChecked").booleanValue()).isTrue();
    }

    @Test
    void batchAndEvaluate_revocationDatabase_revokeARealListedSubCa() throws IOException {
        Path certs = valid.getParent().resolveSibling("certs");
        String subCa = pem(certs, "36EFD13AE5DC6D01B6C1");
        String netlockRoot = pem(certs, "6C61DAC3A2DEF031506B");
        ObjectNode r = BatchProcessor.MAPPER
                .createObjectNode()
                .put("id", "netlock")
                .put("policy", "basic")
                .put("ios", "17.0")
                .put("at", "2023-10-01T00:00:00Z")
                .put("revocationDatabase", valid.toString());
        r.putArray("chain").add(subCa);
        r.putArray("anchors").add(netlockRoot);

        JsonNode out = batch(r)[0];

        assertThat(out.get("result").textValue()).as(out.toString()).isEqualTo("FATAL_TRUST_FAILURE");
        assertThat(out.at("/findings/0/code").textValue()).isEqualTo("Revocation");
        assertThat(out.at("/findings/0/evidence/source").textValue()).isEqualTo("Valid database");

        Path chain = Files.writeString(dir.resolve("netlock.pem"), subCa);
        Path anchor = Files.writeString(dir.resolve("netlock-root.pem"), netlockRoot);
        Cli.Run run = Cli.run(
                "evaluate",
                chain.toString(),
                "--policy",
                "basic",
                "--ios",
                "17.0",
                "--at",
                "2023-10-01T00:00:00Z",
                "--anchor",
                anchor.toString(),
                "--revocation-database",
                valid.toString(),
                "--json");
        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertThat(BatchProcessor.MAPPER.readTree(run.out()).at("/error/name").textValue())
                .isEqualTo("errSecCertificateRevoked");
    }

    @Test
    void evaluate_ctLogsFileAndScts_qualify_andBadInputsAreUsageErrors() throws IOException {
        Instant t = pki.now().minus(Duration.ofHours(12));
        Path chain = Files.writeString(dir.resolve("shop.pem"), Chains.pem(leaf, ca));
        Path rootPem = Files.writeString(dir.resolve("root.pem"), root.pem());
        Path logsJson =
                Files.writeString(dir.resolve("logs.json"), logs(request("x")).toString());
        Path sctA = Files.write(dir.resolve("a.sct"), logA.sctFor(leaf, t).encoded());
        Path sctB = Files.write(dir.resolve("b.sct"), logB.sctFor(leaf, t).encoded());

        Cli.Run ok = Cli.run(
                "evaluate",
                chain.toString(),
                "--host",
                "shop.woodgrove.com",
                "--ios",
                "17.4",
                "--at",
                pki.now().toString(),
                "--extra-system-root",
                rootPem.toString(),
                "--ct-logs",
                logsJson.toString(),
                "--sct",
                sctA.toString(),
                "--sct",
                sctB.toString(),
                "--network",
                "--json");
        Cli.Run badLogs = Cli.run("evaluate", chain.toString(), "--ct-logs", rootPem.toString());
        Cli.Run badDb = Cli.run("evaluate", chain.toString(), "--revocation-database", rootPem.toString());

        assertThat(ok.status()).as(ok.err() + ok.out()).isZero();
        assertThat(BatchProcessor.MAPPER
                        .readTree(ok.out())
                        .get("certificateTransparency")
                        .booleanValue())
                .isTrue();
        assertThat(badLogs.status()).isEqualTo(2);
        assertThat(badLogs.err()).contains("--ct-logs");
        assertThat(badDb.status()).isEqualTo(2);
        assertThat(badDb.err()).contains("--revocation-database");
    }

    static String pem(Path certs, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(certs)) {
            Path f = files.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .findFirst()
                    .orElseThrow();
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(Files.readAllBytes(f))
                    + "\n-----END CERTIFICATE-----\n";
        }
    }
}
