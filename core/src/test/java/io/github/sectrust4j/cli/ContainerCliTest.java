package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Containers;
import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} with PKCS#7, PKCS#12 and JKS inputs, and the three ways of giving a keystore password. */
class ContainerCliTest {
    private static final String HOST = "sip.contoso.com";
    private static final char[] PASSWORD = "S3cret pfx".toCharArray();

    @TempDir
    static Path dir;

    static TestPki pki;
    static TestChain chain;
    static Path root;
    static Path p7b;
    static Path p7bPem;
    static Path pfx;
    static Path jks;
    static Path passwordFile;

    @BeforeAll
    static void write() throws Exception {
        pki = TestPki.seeded(2024);
        chain = pki.chain(HOST);
        root = Files.writeString(dir.resolve("root.pem"), chain.root().pem());
        // file names say nothing: the format is recognised by content
        p7b = Files.write(dir.resolve("chain-a.bin"), Containers.pkcs7(chain.intermediate(), chain.leaf()));
        p7bPem = Files.writeString(
                dir.resolve("chain-b.txt"),
                Containers.pem("PKCS7", Containers.pkcs7(chain.leaf(), chain.intermediate())));
        pfx = Files.write(dir.resolve("server.pfx"), Containers.keyStore("PKCS12", PASSWORD, chain, null));
        jks = Files.write(dir.resolve("server.keystore"), Containers.keyStore("JKS", PASSWORD, chain, null));
        passwordFile = Files.writeString(dir.resolve("pfx-password.txt"), new String(PASSWORD) + "\n");
    }

    static Cli.Run evaluate(Path chainFile, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "evaluate",
                chainFile.toString(),
                "--host",
                HOST,
                "--ios",
                "17.4",
                "--at",
                pki.now().toString(),
                "--anchor",
                root.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void pkcs7_derAndPem_areEvaluatedLeafFirst() {
        for (Path file : List.of(p7b, p7bPem)) {
            Cli.Run run = evaluate(file);
            assertThat(run.status()).as(run.err() + run.out()).isZero();
            assertThat(run.out()).contains("[0] leaf: CN=" + HOST);
        }
    }

    @Test
    void pkcs12_withThePasswordFromAFile_orTheCommandLine() {
        Cli.Run fromFile = evaluate(pfx, "--keystore-password-file", passwordFile.toString());
        Cli.Run literal = evaluate(pfx, "--keystore-password", new String(PASSWORD));

        assertThat(fromFile.status()).as(fromFile.err() + fromFile.out()).isZero();
        assertThat(literal.status()).as(literal.err()).isZero();
        // the pfx also holds the root: iOS treats a sent root like any other certificate
        assertThat(fromFile.out()).contains("[0] leaf: CN=" + HOST);
    }

    @Test
    void jks_opensWithOrWithoutPassword() {
        assertThat(evaluate(jks).status()).isZero();
        assertThat(evaluate(jks, "--keystore-password", new String(PASSWORD)).status())
                .isZero();
    }

    @Test
    void wrongOrMissingPassword_isExit2_namingTheFormatAndTheOptions() throws IOException {
        Path wrong = Files.writeString(dir.resolve("wrong.txt"), "nope\n");
        Cli.Run bad = evaluate(pfx, "--keystore-password-file", wrong.toString());
        Cli.Run none = evaluate(pfx);

        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err())
                .isEqualTo("sectrust4j evaluate: " + pfx + " (PKCS#12): wrong password (or a damaged "
                        + "file); give it with --keystore-password-env VAR, --keystore-password-file FILE or "
                        + "--keystore-password\n");
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("(PKCS#12): needs a password");
    }

    @Test
    void passwordOptions_areExclusive_andAMissingVariableIsNamed() {
        Cli.Run twice = evaluate(pfx, "--keystore-password", "a", "--keystore-password-file", passwordFile.toString());
        Cli.Run unset = evaluate(pfx, "--keystore-password-env", "SECTRUST4J_TEST_SURELY_UNSET_VARIABLE");

        assertThat(twice.status()).isEqualTo(2);
        assertThat(twice.err()).contains("give the keystore password once");
        assertThat(unset.status()).isEqualTo(2);
        assertThat(unset.err()).contains("environment variable SECTRUST4J_TEST_SURELY_UNSET_VARIABLE is not set");
    }

    @Test
    void passwordFromTheEnvironment_inARealProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "evaluate",
                        pfx.toString(),
                        "--keystore-password-env",
                        "PFX_PASSWORD",
                        "--host",
                        HOST,
                        "--ios",
                        "17.4",
                        "--at",
                        pki.now().toString(),
                        "--anchor",
                        root.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("process.out").toFile());
        process.environment().put("PFX_PASSWORD", new String(PASSWORD));
        Process p = process.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = Files.readString(dir.resolve("process.out"));
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).startsWith("TRUSTED");
    }

    @Test
    void anchorsAndIntermediates_mayBeContainersToo() throws IOException {
        Path anchorP7b = Files.write(dir.resolve("anchor.p7b"), Containers.pkcs7(chain.root()));
        Path intermediateP7b = Files.write(dir.resolve("ca.p7b"), Containers.pkcs7(chain.intermediate()));
        Path leafOnly = Files.writeString(dir.resolve("leaf.pem"), chain.leaf().pem());
        Cli.Run run = Cli.run(
                "evaluate",
                leafOnly.toString(),
                "--host",
                HOST,
                "--ios",
                "17.4",
                "--at",
                pki.now().toString(),
                "--anchor",
                anchorP7b.toString(),
                "--intermediate",
                intermediateP7b.toString());

        assertThat(run.status()).as(run.err() + run.out()).isZero();
    }

    @Test
    void damagedContainer_isOneLine_neverAStackTrace() throws IOException {
        byte[] whole = Files.readAllBytes(p7b);
        Path cut = Files.write(dir.resolve("cut.p7b"), java.util.Arrays.copyOf(whole, whole.length - 40));
        Cli.Run run = evaluate(cut);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .startsWith("sectrust4j evaluate: " + cut + " (PKCS#7): ")
                .doesNotContain("Exception\n")
                .doesNotContain("\tat ");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void sClientShowcertsText_stillWorks_fromStdin() {
        String sClient = "CONNECTED(00000003)\ndepth=1 CN = CA\n---\nCertificate chain\n 0 s:CN = " + HOST + "\n"
                + chain.leaf().pem() + " 1 s:CN = CA\n" + chain.intermediate().pem() + "---\nDONE\n";
        Cli.Run run = Cli.withStdin(
                sClient,
                "evaluate",
                "-",
                "--host",
                HOST,
                "--ios",
                "17.4",
                "--at",
                pki.now().toString(),
                "--anchor",
                root.toString());

        assertThat(run.status()).as(run.err()).isZero();
    }

    @Test
    void help_mentionsTheContainersAndPasswordOptions() {
        Cli.Run run = Cli.run("evaluate", "--help");
        assertThat(run.out())
                .contains(
                        "PKCS#7",
                        "PKCS#12",
                        "--keystore-password-env=VAR",
                        "--keystore-password-file=FILE",
                        "--keystore-password=PASSWORD",
                        "process list");
    }
}
