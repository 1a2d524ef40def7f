package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code batch} in a pipeline that waits for each answer before sending the next line: responses are flushed
 * before the command waits for input (not after every line), so such a client is never left waiting.
 */
class BatchStreamingTest {
    @BeforeAll
    static void mint() {
        BatchCommandTest.mint();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2"})
    void eachAnswerArrives_beforeTheNextLineIsSent(String threads) throws Exception {
        PipedOutputStream toBatch = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(toBatch, 1 << 20);
        PipedInputStream fromBatch = new PipedInputStream(1 << 20);
        PrintWriter stdout = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(new PipedOutputStream(fromBatch), StandardCharsets.UTF_8), 1 << 16));
        var cmd = Main.commandLine(stdin, "batch");
        cmd.setOut(stdout);
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        ExecutorService pool = Executors.newFixedThreadPool(2); // the common pool may have one thread
        CompletableFuture<Integer> run =
                CompletableFuture.supplyAsync(() -> cmd.execute("batch", "--threads", threads), pool);
        BufferedReader answers = new BufferedReader(new InputStreamReader(fromBatch, StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) {
            toBatch.write((BatchCommandTest.line("q" + i, "") + "\n").getBytes(StandardCharsets.UTF_8));
            toBatch.flush();
            String answer = CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return answers.readLine();
                                } catch (java.io.IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            },
                            pool)
                    .get(60, TimeUnit.SECONDS); // a response held back in a buffer never arrives
            assertThat(BatchCommandTest.json(answer).get("id").textValue()).isEqualTo("q" + i);
        }
        toBatch.close();
        assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
        pool.shutdownNow();
    }
}
