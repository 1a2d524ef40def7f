package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.conformance.ExampleFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output bytes are identical from run to run: the bundled example requests are answered in a fresh JVM
 * and in this one, and the outputs must be byte-identical, exceptions plists included. This catches any
 * run-dependent output, but a {@code Map.of} / {@code Set.of} salted per JVM only with some probability (1/2
 * for two elements); {@code report.StableOrderTest} and {@code TrustExceptions}' sorted checks catch that
 * cause for certain.
 */
class ReproducibleOutputTest {

    @Test
    void batchOverTheExamples_isByteIdenticalInAnotherJvm(@TempDir Path dir) throws Exception {
        String requests = Files.readString(ExampleFiles.examples().resolve("requests.jsonl"));
        // copyExceptions makes every response carry a plist too
        String withPlists = requests.lines()
                .map(l -> l.replaceFirst("^\\{", "{\"copyExceptions\":true,"))
                .reduce("", (a, b) -> a + b + "\n");
        Path in = Files.writeString(dir.resolve("requests.jsonl"), withPlists);

        String here = Cli.withStdin(withPlists, "batch").out();
        assertThat(here.lines()).hasSize((int) withPlists.lines().count());
        assertThat(childJvm(in, dir.resolve("child.out"))).isEqualTo(here);
    }

    private static String childJvm(Path stdin, Path stdout) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(
                        java,
                        "-Xshare:off",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.github.sectrust4j.cli.Main",
                        "batch"))
                .redirectInput(stdin.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        assertThat(p.exitValue()).isZero();
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
