package io.github.sectrust4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@code batch} request line in, one response line out, in process: what {@code batch} does per line
 * between reading it and writing it (JSON parsing, PEM and base64, configuration, evaluation, the JSON
 * response), on one thread. Lines from {@link BatchLines}:
 * <ul>
 * <li>{@code repeated}: the 14 real x509-limbo chains cycled (every verdict cached after the first cycle, and from
 * the third every line answered from the memo of answers: the lines differ only in their id);</li>
 * <li>{@code sameChains}: the same 14 chains, each line with its own {@code at} (a second later per cycle, 100
 * cycles): every verdict cached, but no line repeats another apart from its id, so none is answered from the memo of
 * answers (what {@code repeated} measures since that memo exists);</li>
 * <li>{@code distinct}: minted RSA-2048 leaves with 2 SCTs each under one issuing CA; whenever the corpus
 * starts again, the run's caches (parsed certificates, signature and SCT verdicts) are emptied, so every line
 * verifies its leaf's signature and its two SCTs as a stream of distinct chains would.</li>
 * </ul>
 * Microseconds per line; lines per second on one core = 1,000,000 / the figure. With {@code -prof gc}
 * ({@code gc.alloc.rate.norm}) the bytes allocated per line. Every iteration also prints the benchmark thread's CPU
 * time per line ({@code [cpu … us/line]}), the steadier figure on a shared machine. Setup fails unless every
 * response is trusted.
 *
 * <p>{@code signatures}: the floor under {@code line}, measured in the same run — only the signature verifications
 * that the line's first answer made (its leaf's signature and its SCTs for a distinct line; recorded in setup from
 * the backend in use, with their keys, signed bytes and signatures), verified again by that same backend, line
 * after line. {@code line / signatures} is how far a line costs more than its cryptography; 2 cores can never
 * answer more than {@code 2,000,000 / signatures} distinct lines a second.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class BatchThroughputBenchmark {
    private static final String PROCESSOR = "io.github.sectrust4j.cli.BatchProcessor";

    @Param({"repeated", "sameChains", "distinct"})
    public String lines;

    /** Distinct lines to cycle through (minted once and kept, see {@link BatchLines#cached}). */
    @Param("2000")
    public int corpus;

    private List<String> requests;
    private EvaluatorCaches caches;
    private MethodHandle process;
    private Object processor;
    private int next;
    private String current;
    private long evaluations;
    private long certAtStart;
    private long sctAtStart;
    private long iterationCpu;
    private long iterationLines;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** Per line (same index as {@link #requests}), the signature verifications its first answer made. */
    private List<List<RecordedSignatures.Verification>> signatures;

    private List<RecordedSignatures.Verification> currentSignatures;
    /** This trial runs {@link #signatures()}: the evaluator's caches are not used, so its counts mean nothing. */
    private boolean signaturesOnly;

    @Setup(Level.Trial)
    public void setup() throws Throwable {
        requests = lines.equals("distinct") ? BatchLines.cached(lines, corpus) : BatchLines.cached("repeated", 14);
        if (lines.equals("sameChains")) {
            requests = eachAtItsOwnInstant(requests, 100);
        }
        caches = EvaluatorCaches.install();
        Class<?> type = Class.forName(PROCESSOR);
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        process = lookup.findVirtual(type, "process", MethodType.methodType(String.class, String.class));
        processor = newProcessor(type);
        signatures = new ArrayList<>();
        try (RecordedSignatures recorded = RecordedSignatures.install()) {
            for (String request : requests) {
                String response = (String) process.invoke(processor, request);
                if (!response.contains("\"trusted\":true")) {
                    throw new IllegalStateException("not trusted: " + response);
                }
                signatures.add(recorded.takeAll());
            }
        }
        restart();
        certAtStart = caches.verifications();
        sctAtStart = caches.sctVerifications();
    }

    /** {@code cycles} copies of the lines, the n-th with its {@code at} n seconds later. */
    private static List<String> eachAtItsOwnInstant(List<String> lines, int cycles) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (int n = 0; n < cycles; n++) {
            for (String line : lines) {
                ObjectNode request = (ObjectNode) json.readTree(line);
                request.put(
                        "at",
                        Instant.parse(request.get("at").textValue())
                                .plusSeconds(n)
                                .toString());
                out.add(json.writeValueAsString(request));
            }
        }
        return out;
    }

    private static Object newProcessor(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> c = type.getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    /** A distinct stream starts again: nothing it parsed or verified is remembered. */
    private void restart() throws ReflectiveOperationException {
        if (lines.equals("distinct")) {
            caches.clear();
            processor = newProcessor(processor.getClass());
        }
    }

    @Setup(Level.Iteration)
    public void iterationStart() {
        iterationCpu = CPU.getCurrentThreadCpuTime();
        iterationLines = evaluations;
    }

    /**
     * The benchmark thread's CPU time per line in this iteration: on a shared machine the wall-clock score
     * swings with the other processes, this much less.
     */
    @TearDown(Level.Iteration)
    public void iterationEnd() {
        long n = evaluations - iterationLines;
        System.out.printf(
                " [cpu %.1f us/line over %d lines]", (CPU.getCurrentThreadCpuTime() - iterationCpu) / 1e3 / n, n);
    }

    @Setup(Level.Invocation)
    public void nextLine() throws ReflectiveOperationException {
        if (next == requests.size()) {
            next = 0;
            restart();
        }
        currentSignatures = signatures.get(next);
        current = requests.get(next++);
    }

    @TearDown(Level.Trial)
    public void report() {
        if (signaturesOnly) {
            return;
        }
        System.out.printf(
                "%n[batch, %s] %d lines, %.3f certificate and %.3f SCT signature verifications each%n",
                lines,
                evaluations,
                (caches.verifications() - certAtStart) / (double) evaluations,
                (caches.sctVerifications() - sctAtStart) / (double) evaluations);
    }

    /** Only the line's signature verifications (see the class comment): the floor under {@link #line()}. */
    @Benchmark
    public int signatures() {
        evaluations++;
        signaturesOnly = true;
        int verified = 0;
        for (RecordedSignatures.Verification v : currentSignatures) {
            if (v.verifyAgain()) {
                verified++;
            }
        }
        if (verified != currentSignatures.size()) {
            throw new IllegalStateException("a recorded signature no longer verifies");
        }
        return verified;
    }

    @Benchmark
    public String line() throws Throwable {
        evaluations++;
        return (String) process.invoke(processor, current);
    }
}
