package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.fixtures.Chains;
import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dsectrust4j.verifier} end to end, in a child JVM (the property is read once per process): a value
 * naming an unknown backend, or a native one whose jar is absent, is bad input for {@code evaluate} and
 * {@code batch} (status 2, the property and the reason on stderr, nothing on stdout), never findings or
 * "trusted"; {@code --verifier} overrides it.
 */
class VerifierPropertyCliTest {
    private static final String HOST = "www.verifier-property.example";

    @TempDir
    static Path dir;

    static Path chain;
    static Path root;
    static Path requests;
    static String at;

    @BeforeAll
    static void mint() throws IOException {
        TestPki pki = TestPki.seeded(17_07);
        TestChain c = pki.chain(HOST);
        at = pki.now().toString();
        chain = Files.writeString(dir.resolve("chain.pem"), Chains.pem(c.leaf(), c.intermediate()));
        root = Files.writeString(dir.resolve("root.pem"), c.root().pem());
        com.fasterxml.jackson.databind.node.ObjectNode request =
                Cli.request(HOST, at, c.leaf().pem(), c.intermediate().pem());
        request.putArray("anchors").add(c.root().pem());
        requests = Files.writeString(dir.resolve("requests.jsonl"), request + "\n");
    }

    private record Child(int status, String out, String err) {}

    private static Child child(String classPath, String property, Path stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off",
                "-XX:TieredStopAtLevel=1",
                "-Dsectrust4j.verifier=" + property,
                "-cp",
                classPath,
                "io.github.sectrust4j.cli.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder b =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (stdin != null) {
            b.redirectInput(stdin.toFile());
        }
        Process p = b.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        return new Child(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String classPath() {
        return System.getProperty("java.class.path");
    }

    private static String[] evaluate(String... more) {
        return Stream.concat(
                        Stream.of(
                                "evaluate", chain.toString(), "--host", HOST, "--at", at, "--anchor", root.toString()),
                        Stream.of(more))
                .toArray(String[]::new);
    }

    @Test
    void evaluate_withAnUnknownVerifier_isBadInput() throws Exception {
        Child run = child(classPath(), "nonsense", null, evaluate());
        assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip())
                .isEqualTo("sectrust4j evaluate: system property sectrust4j.verifier=nonsense: unknown signature "
                        + "verifier 'nonsense' (expected one of auto, bc, native, accp, conscrypt)");
    }

    @Test
    void batch_withAnUnknownVerifier_isBadInput_beforeAnyLine() throws Exception {
        Child run = child(classPath(), "nonsense", requests, "batch");
        assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.out()).as("no response line, not even an error line").isEmpty();
        assertThat(run.err())
                .startsWith("sectrust4j batch: system property sectrust4j.verifier=nonsense")
                .contains("auto, bc, native, accp, conscrypt");
    }

    @Test
    void accp_whenItsJarIsAbsent_isBadInput() throws Exception {
        String withoutAccp = Stream.of(classPath().split(File.pathSeparator))
                .filter(e -> !e.contains("AmazonCorrettoCryptoProvider"))
                .collect(Collectors.joining(File.pathSeparator));
        assertThat(withoutAccp).isNotEqualTo(classPath()); // the test class path has ACCP: it was removed

        Child run = child(withoutAccp, "accp", null, evaluate("--json"));
        assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("sectrust4j evaluate: system property sectrust4j.verifier=accp: accp: "
                        + "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider is not on the class path")
                .contains("auto, bc, native, accp, conscrypt");
    }

    @Test
    void theVerifierOption_overridesABadProperty() throws Exception {
        Child run = child(classPath(), "nonsense", null, evaluate("--json", "--verifier", "bc"));
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("\"trusted\":true");
    }
}
