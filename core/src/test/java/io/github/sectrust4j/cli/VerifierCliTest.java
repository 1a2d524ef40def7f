package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.cert.NativeVerifications;
import io.github.sectrust4j.cert.SignatureBackends;
import io.github.sectrust4j.fixtures.Chains;
import io.github.sectrust4j.fixtures.Curve;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --verifier} end to end: Bouncy Castle, ACCP and Conscrypt give byte-identical JSON for an RSA
 * root → ECDSA P-384 intermediate → ECDSA P-256 leaf chain, through {@code evaluate} and {@code batch}; the
 * native runs verify natively; an unknown verifier is a usage error.
 */
class VerifierCliTest {
    @TempDir
    static Path dir;

    static Path chain;
    static Path rootFile;
    static String at;
    static HeldCertificate root;
    static HeldCertificate ca;
    static HeldCertificate leaf;

    @BeforeAll
    static void mint() throws IOException {
        TestPki pki = TestPki.seeded(1_402);
        root = pki.root("Verifier Root CA").rsa(2048).build();
        ca = pki.intermediate("Verifier Issuing CA", root).ec(Curve.P384).build();
        leaf = pki.leaf("www.verifier.example", ca).ec(Curve.P256).build();
        chain = Files.writeString(dir.resolve("chain.pem"), Chains.pem(leaf, ca));
        rootFile = Files.writeString(dir.resolve("root.pem"), root.pem());
        at = pki.now().toString();
    }

    @AfterAll
    static void restoreTheConfiguredBackend() {
        SignatureBackends.use(System.getProperty(SignatureBackends.PROPERTY, "auto"));
    }

    private static Cli.Run evaluate(String verifier) {
        return Cli.run(
                "evaluate",
                chain.toString(),
                "--host",
                "www.verifier.example",
                "--at",
                at,
                "--anchor",
                rootFile.toString(),
                "--json",
                "--verifier",
                verifier);
    }

    @Test
    void everyVerifierGivesTheSameJson_andNativeOnesVerifyNatively() {
        Cli.Run bc = evaluate("bc");
        assertThat(bc.err()).isEmpty();
        assertThat(bc.status()).isZero();
        assertThat(bc.out()).contains("\"trusted\":true");
        assertThat(SignatureBackends.current().name()).isEqualTo("bc");
        java.util.List<String> providers = new java.util.ArrayList<>(NativeVerifications.providers());
        assertThat(providers).isNotEmpty();
        String preferred = providers.contains("conscrypt") ? "conscrypt" : "accp";
        providers.add("native");
        for (String provider : providers) {
            long before =
                    NativeVerifications.of(SignatureBackends.use(provider.equals("native") ? preferred : provider));
            Cli.Run run = evaluate(provider);
            assertThat(run.err()).isEmpty();
            assertThat(run.status()).isZero();
            assertThat(run.out()).as(provider).isEqualTo(bc.out());
            assertThat(SignatureBackends.current().name()).isEqualTo(provider.equals("native") ? preferred : provider);
            assertThat(NativeVerifications.of(SignatureBackends.current()) - before)
                    .as(provider)
                    .isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void batchTakesTheOptionToo() {
        com.fasterxml.jackson.databind.node.ObjectNode request =
                Cli.request("www.verifier.example", at, leaf.pem(), ca.pem());
        request.putArray("anchors").add(root.pem());
        Cli.Run bc = Cli.withStdin(request + "\n", "batch", "--verifier", "bc");
        Cli.Run nativeRun = Cli.withStdin(request + "\n", "batch", "--verifier", "native");
        assertThat(bc.status()).isZero();
        assertThat(bc.out()).contains("\"trusted\":true");
        assertThat(nativeRun.status()).isZero();
        assertThat(nativeRun.out()).isEqualTo(bc.out());
        assertThat(SignatureBackends.current().name()).isNotEqualTo("bc");
    }

    @Test
    void anUnknownVerifierIsAUsageError() {
        Cli.Run run = evaluate("openssl");
        assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err())
                .contains("--verifier: unknown signature verifier 'openssl'")
                .contains("auto, bc, native, accp, conscrypt");
    }
}
