package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Runs of lines: sized by what lines cost, so cheap lines share a hand-over and expensive ones are spread. */
class BatchPipelineTest {
    private static LineReader linesOf(int n) {
        String text = IntStream.range(0, n).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
        return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 20);
    }

    @Test
    void expensiveLines_goOneAtATime_toEveryWorker_inOrder() throws Exception {
        Map<String, String> answeredBy = new ConcurrentHashMap<>();
        List<String> written = new ArrayList<>();
        BatchPipeline pipeline = new BatchPipeline(
                2,
                line -> {
                    answeredBy.put(
                            line.text(),
                            Thread.currentThread().getName() + "@" + System.identityHashCode(Thread.currentThread()));
                    try {
                        Thread.sleep(30); // far above RUN_NANOS: a run of one
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "answer to " + line.text();
                },
                written::add,
                () -> {});

        assertThat(pipeline.run(linesOf(12))).isTrue();

        assertThat(written)
                .containsExactlyElementsOf(IntStream.range(0, 12)
                        .mapToObj(i -> "answer to line " + i)
                        .toList());
        // all 12 lines were in the read buffer at once: a fixed run would have given them all to one worker
        assertThat(answeredBy.values().stream().distinct().count()).isEqualTo(2);
        assertThat(pipeline.runs()).isEqualTo(12);
        assertThat(pipeline.runLimit()).isEqualTo(1);
    }

    @Test
    void cheapLines_shareRuns_inOrder() throws Exception {
        List<String> written = new ArrayList<>();
        BatchPipeline pipeline = new BatchPipeline(2, line -> "answer to " + line.text(), written::add, () -> {});
        assertThat(pipeline.runLimit()).as("before any line is measured").isEqualTo(1);

        assertThat(pipeline.run(linesOf(5_000))).isTrue();

        assertThat(written)
                .containsExactlyElementsOf(IntStream.range(0, 5_000)
                        .mapToObj(i -> "answer to line " + i)
                        .toList());
        // a pause of the machine can shrink a few runs (a line then measures long): most lines still shared one
        assertThat(pipeline.runs()).isLessThan(5_000 / 4);
    }
}
