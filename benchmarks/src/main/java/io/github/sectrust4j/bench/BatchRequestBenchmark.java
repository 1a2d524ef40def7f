package io.github.sectrust4j.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
 * Breakdown of {@link BatchThroughputBenchmark}: what {@code batch} does with a distinct request line before the
 * evaluator runs, as {@code BatchProcessor} does it: the memo of answers looked up (and told about the line
 * afterwards), the JSON read, and {@code BatchRequestParser} (PEM, base64, certificate parsing, the request's
 * configuration). Lines from {@link BatchLines} ({@code distinct}: one leaf per line under one issuing CA, the
 * anchor in every line); the parser and memo start afresh whenever the corpus does. Microseconds per line; with
 * {@code -prof gc} the bytes allocated per line; each iteration prints the thread's CPU time per line.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class BatchRequestBenchmark {
    private static final String CLI = "io.github.sectrust4j.cli.";

    @Param("2000")
    public int corpus;

    private List<String> requests;
    private MethodHandle split;
    private MethodHandle answer;
    private MethodHandle keep;
    private MethodHandle newMemo;
    private MethodHandle readTree;
    private MethodHandle newParser;
    private MethodHandle parse;
    private MethodHandle close;
    private MethodHandle isFunctionOfLine;
    private Object memo;
    private Object parser;
    private int next;
    private long lines;
    private final IterationCpu cpu = new IterationCpu();

    @Setup(Level.Trial)
    public void setup() throws Throwable {
        requests = BatchLines.cached("distinct", corpus);
        Class<?> memoType = Class.forName(CLI + "RepeatedRequests");
        Class<?> splitType = Class.forName(CLI + "RepeatedRequests$Split");
        Class<?> parserType = Class.forName(CLI + "BatchRequestParser");
        Class<?> requestType = Class.forName(CLI + "BatchRequest");
        Class<?> processorType = Class.forName(CLI + "BatchProcessor");
        Class<?> node = Class.forName("com.fasterxml.jackson.databind.JsonNode");
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(memoType, MethodHandles.lookup());
        split = lookup.findStatic(memoType, "split", MethodType.methodType(splitType, String.class));
        answer = lookup.findVirtual(memoType, "answer", MethodType.methodType(String.class, splitType));
        keep = lookup.findVirtual(memoType, "keep", MethodType.methodType(void.class, splitType, String.class));
        newMemo = lookup.findStatic(memoType, "shareOfHeap", MethodType.methodType(memoType));
        isFunctionOfLine = lookup.findStatic(memoType, "isFunctionOfLine", MethodType.methodType(boolean.class, node));
        Object mapper = lookup.findStaticGetter(
                        processorType, "MAPPER", Class.forName("com.fasterxml.jackson.databind.ObjectMapper"))
                .invoke();
        readTree = lookup.findVirtual(mapper.getClass(), "readTree", MethodType.methodType(node, String.class))
                .bindTo(mapper);
        newParser = lookup.findConstructor(parserType, MethodType.methodType(void.class));
        parse = lookup.findVirtual(parserType, "parse", MethodType.methodType(requestType, node));
        close = lookup.findVirtual(requestType, "close", MethodType.methodType(void.class));
        restart();
    }

    /** The corpus starts again: a fresh parser and memo, as a stream of distinct lines would have. */
    private void restart() throws Throwable {
        memo = newMemo.invoke();
        parser = newParser.invoke();
    }

    @Setup(Level.Iteration)
    public void iterationStart() {
        cpu.start(lines);
    }

    @TearDown(Level.Iteration)
    public void iterationEnd() {
        cpu.print(lines);
    }

    @Benchmark
    public Object line() throws Throwable {
        if (next == requests.size()) {
            next = 0;
            restart();
        }
        String line = requests.get(next++);
        lines++;
        Object s = split.invoke(line);
        if (answer.invoke(memo, s) != null) {
            throw new IllegalStateException("a distinct line was answered from the memo");
        }
        Object request = readTree.invoke(line);
        Object parsed = parse.invoke(parser, request);
        close.invoke(parsed);
        if ((boolean) isFunctionOfLine.invoke(request)) {
            keep.invoke(memo, s, line); // what BatchProcessor does with the answer (a distinct line is not kept)
        }
        return parsed;
    }
}
