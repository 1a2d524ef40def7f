package io.github.sectrust4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The benchmark thread's CPU time per line over one iteration, printed at its end ({@code [cpu … us/line over N
 * lines]}): on a shared machine the wall-clock score swings with the other processes, this much less.
 */
final class IterationCpu {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private long cpuAtStart;
    private long linesAtStart;

    /** At the iteration's start, with the lines done so far. */
    void start(long lines) {
        cpuAtStart = CPU.getCurrentThreadCpuTime();
        linesAtStart = lines;
    }

    /** At the iteration's end, with the lines done so far: prints the CPU time per line in between. */
    void print(long lines) {
        long n = lines - linesAtStart;
        System.out.printf(
                " [cpu %.1f us/line over %d lines]", (CPU.getCurrentThreadCpuTime() - cpuAtStart) / 1e3 / n, n);
    }
}
