package io.github.sectrust4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.CertificateInput;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The {@code batch} response line alone: the reports of the real chains ({@link RealChainCorpus}, trusted,
 * CT-qualified with 2–4 SCTs each, the evidence of a usual trusted line) written again and again, as
 * {@code batch} writes the answer of an evaluated line (the package-private {@code BatchAnswer.line}).
 * Microseconds per line; with {@code -prof gc} the bytes allocated per line. Every iteration also prints the
 * benchmark thread's CPU time per line ({@code [cpu … us/line]}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class BatchAnswerBenchmark {
    private TrustReport[] reports;
    private SecTrust[] trust;
    private MethodHandle line;
    private final JsonNode id = TextNode.valueOf("line-1");
    private int next;
    private long lines;
    private final IterationCpu cpu = new IterationCpu();

    @Setup(Level.Trial)
    public void setup() throws ReflectiveOperationException {
        var corpus = RealChainCorpus.load();
        reports = new TrustReport[corpus.size()];
        trust = new SecTrust[corpus.size()];
        SecTrust base = SecTrust.ios(RealChainCorpus.RELEASE);
        for (int i = 0; i < corpus.size(); i++) {
            RealChainCorpus.Chain c = corpus.get(i);
            trust[i] = base.at(c.at()).forServer(c.host());
            reports[i] = trust[i].evaluate(
                    c.der().stream().map(CertificateInput::fromDer).toList());
            if (!reports[i].trusted()) {
                throw new IllegalStateException(c.id() + " is not trusted: " + reports[i].explain());
            }
        }
        Class<?> type = Class.forName("io.github.sectrust4j.cli.BatchAnswer");
        line = MethodHandles.privateLookupIn(type, MethodHandles.lookup())
                .findStatic(
                        type,
                        "line",
                        MethodType.methodType(
                                String.class,
                                JsonNode.class,
                                TrustReport.class,
                                SecTrust.class,
                                String.class,
                                Optional.class));
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
    public String answer() throws Throwable {
        lines++;
        int i = next;
        next = i + 1 == reports.length ? 0 : i + 1;
        return (String) line.invoke(id, reports[i], trust[i], (String) null, Optional.empty());
    }
}
