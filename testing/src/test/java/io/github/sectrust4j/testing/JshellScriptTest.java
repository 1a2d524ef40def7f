package io.github.sectrust4j.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's jshell session, run non-interactively: {@code jshell/sectrust4j.jsh} with a few lines on
 * stdin. The class path is the README's (the CLI jar and the fixtures jar) when the reactor has packaged
 * them, else this module's own test class path (e.g. under {@code mvn test}).
 */
class JshellScriptTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("jshell/sectrust4j.jsh");

    @Test
    void theStartupScript_setsUpTheFixtures_andReportsPrintReadably() throws Exception {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "jshell.exe" : "jshell");
        assumeTrue(
                Files.isExecutable(jshell),
                "no jshell binary in " + jshell.getParent() + " (a JRE without jdk.jshell)");
        assertThat(SCRIPT).isRegularFile();

        String output = run(
                jshell,
                String.join(
                        "\n",
                        "iphone.evaluate(chain.pem())",
                        "iphone.withMdmRoot(chain.root().pem()).evaluate(chain.pem())",
                        "explain(iphone.withProfileRoot(chain.root().pem(), FullTrust.OFF).evaluate(chain.pem()))",
                        "iphone.withProfileRoot(chain.root().pem(), FullTrust.OFF).evaluate(chain.pem()).failures().get(0)",
                        "/exit",
                        ""));

        assertThat(output)
                .contains("sectrust4j ready")
                // toString() of a report: verdict, path and findings on a few lines, not a record dump
                .containsPattern("==> NOT TRUSTED on iOS 17\\.4 for sip\\.contoso\\.com at 2025-06-01T00:00:00Z: "
                        + "RECOVERABLE_TRUST_FAILURE, errSecCreateChainFailed")
                .contains("MissingIntermediate at [1] RECOVERABLE: ")
                .containsPattern(
                        "==> TRUSTED on iOS 17\\.4 for sip\\.contoso\\.com at 2025-06-01T00:00:00Z: PROCEED\n"
                                + "  path: \\[0\\] CN=sip\\.contoso\\.com <- \\[1\\] CN=Test Issuing CA \\w+ <- \\[2\\] CN=Test Root CA \\w+ \\(anchor: mdm\\)")
                // explain(...) prints the full text report, unescaped
                .contains("NOT TRUSTED — iOS 17.4, host sip.contoso.com")
                .contains("      Fix: Turn on full trust for 'Test Root CA")
                // a Finding prints as one line
                .containsPattern(
                        "==> AnchorTrusted at \\[2\\] RECOVERABLE: AnchorTrusted: top certificate 'Test Root CA \\w+'")
                .doesNotContain("TrustReport[", "Finding[", "Exception", "cannot find symbol", "\\n");
    }

    private static String run(Path jshell, String stdin) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                jshell.toString(),
                "--class-path",
                classPath(),
                "-J-Djava.util.prefs.userRoot=" + Files.createTempDirectory("jshell-prefs"),
                SCRIPT.toString()));
        Process p = new ProcessBuilder(command)
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("jshell did not finish in 180 s:\n" + new String(out, StandardCharsets.UTF_8));
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }

    /** The README's class path when packaged, else the test class path surefire runs with. */
    private static String classPath() {
        Path cli = ROOT.resolve("core/target/sectrust4j.jar");
        Path fixtures = ROOT.resolve("test-fixtures/target/sectrust4j-test-fixtures.jar");
        if (Files.isRegularFile(cli) && Files.isRegularFile(fixtures)) {
            return cli + File.pathSeparator + fixtures;
        }
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .startsWith("windows");
    }
}
