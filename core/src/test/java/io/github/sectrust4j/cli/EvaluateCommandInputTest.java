package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.fixtures.Chains;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage and input errors of {@code evaluate} (and the top command): status 2, one precise line on stderr. */
class EvaluateCommandInputTest {
    @TempDir
    static Path dir;

    static Path chain;
    static Path root;

    @BeforeAll
    static void mint() throws IOException {
        TestPki pki = TestPki.seeded(7);
        HeldCertificate r = pki.root("Contoso Root CA").build();
        HeldCertificate ca = pki.intermediate("Contoso Issuing CA", r).build();
        HeldCertificate leaf = pki.leaf("sip.contoso.com", ca).build();
        chain = Files.writeString(dir.resolve("chain.pem"), Chains.pem(leaf, ca));
        root = Files.writeString(dir.resolve("root.pem"), r.pem());
    }

    @Test
    void noCommand_isUsageError() {
        Cli.Run run = Cli.run();
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing command").doesNotContain("Exception");
    }

    @Test
    void unknownOption_isUsageError() {
        Cli.Run run = Cli.run("evaluate", chain.toString(), "--hots", "a.example");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option").contains("--hots");
    }

    @Test
    void missingChainArgument_isUsageError() {
        Cli.Run run = Cli.run("evaluate", "--host", "a.example");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: 'CHAIN.pem'");
    }

    @Test
    void help_listsCommandsAndExitStatus() {
        Cli.Run run = Cli.run("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("evaluate", "batch", "stores", "Exit status");
        Cli.Run sub = Cli.run("evaluate", "-h");
        assertThat(sub.status()).isZero();
        assertThat(sub.out()).contains("--profile-root", "--[no-]anchors-only", "--trust-store-version", "--json");
    }

    @Test
    void version_namesTheBundledStores() {
        Cli.Run run = Cli.run("--version");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("sectrust4j").contains("2015032000 to 2025072000 (30 versions)");
    }

    @Test
    void missingChainFile_isInputError() {
        Cli.Run run = Cli.run("evaluate", dir.resolve("absent.pem").toString(), "--host", "a.example");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read").contains("absent.pem: no such file");
    }

    @Test
    void directoryAsChain_isInputError() {
        Cli.Run run = Cli.run("evaluate", dir.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("is a directory");
    }

    @Test
    void secondPemBlockWithBadBase64_isInputErrorNamingTheBlock() throws IOException {
        String good = Files.readString(chain);
        int second = good.indexOf("-----BEGIN CERTIFICATE-----", 10);
        String broken =
                good.substring(0, second) + "-----BEGIN CERTIFICATE-----\nMII!!not*base64\n-----END CERTIFICATE-----\n";
        Path f = Files.writeString(dir.resolve("broken.pem"), broken);
        Cli.Run run = Cli.run("evaluate", f.toString(), "--host", "sip.contoso.com");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .contains("broken.pem (PEM block 2) is not a certificate: bad base64")
                .doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void garbageFile_isInputError() throws IOException {
        Path f = Files.write(dir.resolve("garbage.bin"), "hello world".getBytes(StandardCharsets.UTF_8));
        Cli.Run run = Cli.run("evaluate", f.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("garbage.bin is not a certificate: neither DER");
    }

    @Test
    void truncatedDer_isInputError() throws IOException {
        byte[] der =
                java.util.Base64.getMimeDecoder().decode(Files.readString(root).replaceAll("-----[A-Z ]+-----", ""));
        Path f = Files.write(dir.resolve("truncated.der"), java.util.Arrays.copyOf(der, der.length / 2));
        Cli.Run run = Cli.run("evaluate", f.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("truncated.der is not a certificate:");
    }

    @Test
    void unsupportedIosRelease_isInputError() {
        Cli.Run run = Cli.run("evaluate", chain.toString(), "--ios", "7.0");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--ios: Unsupported iOS release '7.0'");
    }

    @Test
    void badInstant_isInputError() {
        Cli.Run run = Cli.run("evaluate", chain.toString(), "--at", "yesterday");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--at: not an ISO-8601 instant: 'yesterday'");
    }

    @Test
    void unknownTrustStoreVersion_isInputError() {
        Cli.Run run = Cli.run("evaluate", chain.toString(), "--trust-store-version", "1999010100");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--trust-store-version: no bundled trust store 1999010100");
    }

    @Test
    void nonNumericTrustStoreVersion_isUsageError() {
        Cli.Run run = Cli.run("evaluate", chain.toString(), "--trust-store-version", "latest");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--trust-store-version").contains("latest");
    }

    @Test
    void noSystemRootsWithTrustStoreVersion_isInputError() {
        Cli.Run run = Cli.run("evaluate", chain.toString(), "--no-system-roots", "--trust-store-version", "2023071300");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("exclude each other");
    }

    @Test
    void basicPolicyWithHost_isInputError_notASilentlyDroppedName() {
        Cli.Run run = Cli.run("evaluate", chain.toString(), "--policy", "basic", "--host", "sip.contoso.com");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--host: the basic policy has no host-name check");
    }

    @Test
    void unknownPolicy_isInputError() {
        Cli.Run run = Cli.run("evaluate", chain.toString(), "--policy", "ssl-client");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--policy: Unknown policy 'ssl-client'");
    }

    @Test
    void profileRootFileMissing_isInputErrorWithoutTheFullTrustSuffix() {
        Cli.Run run = Cli.run("evaluate", chain.toString(), "--profile-root", dir.resolve("nope.pem") + ":full-trust");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("nope.pem: no such file").doesNotContain("full-trust:");
    }

    @Test
    void fullTrustSwitchMistyped_isNamedWithTheSpellingToUse_notAMissingFile() {
        Cli.Run run = Cli.run("evaluate", chain.toString(), "--profile-root", root + ":fulltrust");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("the switch is written ':full-trust'").doesNotContain("no such file");
    }

    @Test
    void keyFileAsAnchor_isInputErrorNamingTheLabel() throws IOException {
        Path key = Files.writeString(
                dir.resolve("key.pem"),
                "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEA\n-----END PRIVATE KEY-----\n");
        Cli.Run run = Cli.run("evaluate", chain.toString(), "--anchor", key.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("key.pem").contains("holds a private key and no certificate");
    }

    @Test
    void dashReadsTheChainFromStdin_garbageThereIsAnInputError() {
        Cli.Run run = Cli.withStdin("depth=2 C = US\nno certificates here\n", "evaluate", "-", "--host", "a.example");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("stdin is not a certificate: neither DER");
    }
}
