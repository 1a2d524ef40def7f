package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A line past a limit gets the same "request too large" message whatever ran before it on the worker's thread: Jackson
 * reports a string's length where it noticed it (a recycled buffer segment's end), which depended on the lines the
 * thread parsed earlier, so the same line answered with another length at {@code --threads 1} and {@code 2} (review).
 */
class RequestTooLargeMessageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String lineWithString(String id, int chars) {
        return JSON.createObjectNode()
                .put("id", id)
                .put("chain", "x".repeat(chars))
                .toString();
    }

    @Test
    void aStringPastTheLimit_sameMessage_onAnyThread_afterAnyLines() {
        String tooLong = lineWithString("long", RequestLimits.MAX_STRING_CHARS + 70_000);
        String large = lineWithString("large", RequestLimits.MAX_STRING_CHARS - 10);
        // one run: the long line first (fresh buffers), then after a large line has grown the thread's buffers
        String input = String.join("\n", List.of(tooLong, large, tooLong, tooLong)) + "\n";
        for (String threads : List.of("1", "2")) {
            Cli.Run run = Cli.withStdin(input, "batch", "--threads", threads);
            List<String> answers = run.out().lines().toList();
            assertThat(answers).hasSize(4);
            String message = answers.get(0);
            assertThat(message)
                    .contains("request too large: String value length exceeds the maximum allowed ("
                            + RequestLimits.MAX_STRING_CHARS + ")")
                    .doesNotContain(String.valueOf(RequestLimits.MAX_STRING_CHARS + 1));
            assertThat(answers.get(2)).isEqualTo(message);
            assertThat(answers.get(3)).isEqualTo(message);
        }
    }
}
