package io.github.sectrust4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs one {@code batch} command over a file of request lines and times it from outside, as a user would: the
 * command's stdin is the file, its answers are counted as they arrive. Prints one tab-separated row:
 * label, lines, wall seconds, lines per second over the whole run (start-up and JIT included), lines per second
 * over the run's second half (the JIT mostly done: the steadier rate), and the child's CPU seconds (user + system,
 * read from {@code /usr/bin/time -f "%U %S"} when the command is prefixed with it and {@code -o} names the file).
 * Fails unless every input line got exactly one answer and none is an error.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.sectrust4j.bench.BatchRun LABEL LINES_FILE CPU_FILE -- COMMAND...
 * </pre>
 */
public final class BatchRun {
    private BatchRun() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int dashes = Arrays.asList(args).indexOf("--");
        if (dashes != 3 || args.length < 5) {
            System.err.println("usage: BatchRun LABEL LINES_FILE CPU_FILE -- COMMAND...");
            System.exit(2);
        }
        String label = args[0];
        Path lines = Path.of(args[1]);
        Path cpuFile = Path.of(args[2]);
        List<String> command = List.of(Arrays.copyOfRange(args, 4, args.length));
        long expected;
        try (var s = Files.lines(lines, StandardCharsets.UTF_8)) {
            expected = s.count();
        }
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .redirectInput(lines.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long answered = 0;
        long errors = 0;
        long halfAt = 0;
        List<String> firstError = new ArrayList<>(1);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                answered++;
                if (answered == expected / 2) {
                    halfAt = System.nanoTime();
                }
                if (line.contains("\"error\":")) {
                    errors++;
                    if (firstError.isEmpty()) {
                        firstError.add(line.length() > 300 ? line.substring(0, 300) : line);
                    }
                }
            }
        }
        int exit = p.waitFor();
        long end = System.nanoTime();
        if (exit != 0 || answered != expected || errors != 0) {
            System.err.printf(
                    "BatchRun %s: exit %d, %d answers to %d lines, %d errors %s%n",
                    label, exit, answered, expected, errors, firstError);
            System.exit(1);
        }
        double wall = (end - start) / 1e9;
        // fewer than 2 lines have no second half to time: the whole run stands for it
        double secondHalf = (end - (halfAt == 0 ? start : halfAt)) / 1e9;
        long secondHalfLines = halfAt == 0 ? expected : expected - expected / 2;
        String cpu = "?";
        if (Files.isRegularFile(cpuFile)) {
            String[] f = Files.readString(cpuFile).trim().split("\\s+");
            if (f.length >= 2) {
                cpu = String.format(
                        Locale.ROOT, "%.1f", Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1]));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%s\t%d\t%.2f\t%.0f\t%.0f\t%s%n",
                label,
                expected,
                wall,
                expected / wall,
                secondHalfLines / secondHalf,
                cpu);
    }
}
