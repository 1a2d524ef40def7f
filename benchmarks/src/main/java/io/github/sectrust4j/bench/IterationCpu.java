package io.github.sectrust4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The benchmark thread's CPU time per line over one iteration, printed as {@code [cpu … us/line over … lines]}:
 * on a shared machine the wall-clock score swings with the other processes, this much less.
 */
final class IterationCpu {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private long cpuAtStart;
    private long linesAtStart;

    /** An iteration starts after {@code lines} lines. */
    void start(long lines) {
        cpuAtStart = CPU.getCurrentThreadCpuTime();
        linesAtStart = lines;
    }

    /** The iteration ends after {@code lines} lines: prints its CPU time per line. */
    void print(long lines) {
        long n = lines - linesAtStart;
        System.out.printf(
                " [cpu %.1f us/line over %d lines]", (CPU.getCurrentThreadCpuTime() - cpuAtStart) / 1e3 / n, n);
    }
}
