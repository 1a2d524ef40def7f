package io.github.sectrust4j.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureAnnotationTest {
    /** A check's own record, as a typed evidence. */
    record Seen(String summary) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            return Map.of("summary", summary);
        }
    }

    @Test
    void annotationReadsWhatTheRecorderAddedNotTheRenderedMap() {
        Failure f = Failure.of(
                FindingCode.SSL_HOSTNAME,
                0,
                new Seen("x").with("allowed", 2147409986L).with("kept", true));
        assertThat(f.annotation("allowed")).contains(2147409986L);
        assertThat(f.annotation("kept")).contains(true);
        // a field of the check's own record is not an annotation
        assertThat(f.annotation("summary")).isEmpty();
        assertThat(f.carries(Seen.class)).isTrue();
        assertThat(f.evidence(Seen.class).summary()).isEqualTo("x");
        assertThat(Failure.of(FindingCode.SSL_HOSTNAME, 0, new Seen("x")).annotation("allowed"))
                .isEmpty();
        assertThat(f.evidence().fields()).containsEntry("allowed", 2147409986L).containsEntry("summary", "x");
    }
}
