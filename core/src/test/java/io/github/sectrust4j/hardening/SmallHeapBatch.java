package io.github.sectrust4j.hardening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code sectrust4j batch} in a child JVM with a 64 MB heap on the test class path, so a test can
 * show that a hostile line is answered at the heap size users run with (an in-process run has the
 * test JVM's heap). Input and output go through files in the caller's directory.
 */
final class SmallHeapBatch {
    static final String HEAP = "-Xmx64m";

    /** What the child produced. */
    record Result(int status, List<String> out, String err, Duration took) {}

    private SmallHeapBatch() {}

    /** Feeds {@code lines} (one request each) to {@code batch}; fails the test if it runs past {@code limit}. */
    static Result run(Path dir, List<String> lines, Duration limit, String... batchArgs)
            throws IOException, InterruptedException {
        Path in = dir.resolve("requests.jsonl");
        try (var w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
        return run(dir, in, limit, batchArgs);
    }

    static Result run(Path dir, Path input, Duration limit, String... batchArgs)
            throws IOException, InterruptedException {
        Path out = dir.resolve("responses.jsonl");
        Path err = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "io.github.sectrust4j.cli.Main",
                "batch"));
        command.addAll(List.of(batchArgs));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectInput(input.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("batch at " + HEAP + " still running after " + limit + " (hang?)");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Result(
                p.exitValue(),
                Files.readAllLines(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8),
                took);
    }
}
