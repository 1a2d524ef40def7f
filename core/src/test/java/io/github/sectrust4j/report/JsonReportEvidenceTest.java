package io.github.sectrust4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.Confidence;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustReport;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonReport} writes evidence values directly (integers without Jackson's serializer lookup, instants
 * without {@code DateTimeFormatter}): the text must be what Jackson's own serializers write for the same values
 * in their readable form (instants and other objects as their {@code toString()}, byte arrays as upper-case hex).
 */
class JsonReportEvidenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void evidenceValues_writtenAsJacksonWritesTheirReadableForm() throws Exception {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("int", 7);
        evidence.put("negativeInt", Integer.MIN_VALUE);
        evidence.put("long", 12_345_678_901L);
        evidence.put("minLong", Long.MIN_VALUE);
        evidence.put("short", (short) -3);
        evidence.put("double", 1.5);
        evidence.put("wholeDouble", 2.0);
        evidence.put("float", 0.1f);
        evidence.put("bigInteger", BigInteger.TWO.pow(80));
        evidence.put("bigDecimal", new BigDecimal("1E+3"));
        evidence.put("instant", Instant.parse("2025-06-01T00:00:00Z"));
        evidence.put("instantMillis", Instant.parse("2025-05-02T00:01:00.123Z"));
        evidence.put("instantNanos", Instant.parse("1970-01-01T00:00:00.000000001Z"));
        evidence.put("instantFarFuture", Instant.parse("+12025-01-01T00:00:00Z"));
        evidence.put("enum", Severity.FATAL);
        evidence.put("bytes", new byte[] {0x0a, (byte) 0xff});
        evidence.put("flag", true);
        evidence.put("text", "quote \" backslash \\ line\nbreak \u0001 é \u2028");
        evidence.put("list", List.of(1, "two", 3L, List.of(false)));
        evidence.put("nested", Map.of("timestamp", Instant.parse("2024-02-29T23:59:59.5Z")));

        String json = JsonReport.render(report(evidence));

        String expected = JSON.writeValueAsString(readable(evidence));
        assertThat(json).contains("\"evidence\":" + expected + ",\"rule\":");
        assertThat(expected) // the reference itself holds each kind as expected
                .contains("\"int\":7,")
                .contains("\"long\":12345678901,")
                .contains("\"double\":1.5,")
                .contains("\"bigDecimal\":1E+3,")
                .contains("\"instantMillis\":\"2025-05-02T00:01:00.123Z\"")
                .contains("\"instantFarFuture\":\"+12025-01-01T00:00:00Z\"")
                .contains("\"bytes\":\"0AFF\"");
    }

    /** The value in the form the report documents, for Jackson to serialize by its own means. */
    private static Object readable(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), readable(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(readable(v)));
            return out;
        }
        if (value instanceof byte[] b) {
            return com.google.common.io.BaseEncoding.base16().encode(b);
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return value.toString();
    }

    private static TrustReport report(Map<String, Object> evidence) {
        Finding f = new Finding(
                FindingCode.SSL_HOSTNAME,
                Severity.RECOVERABLE,
                -1,
                "",
                "message",
                evidence,
                Rule.of("§1", "summary", Confidence.APPLE_CODE),
                "remedy");
        return new TrustReport(
                SecTrustResult.RECOVERABLE_TRUST_FAILURE,
                Optional.empty(),
                List.of(),
                List.of(f),
                IosRelease.parse("17.4"),
                OptionalInt.empty(),
                Policy.SSL_SERVER,
                Optional.empty(),
                Instant.parse("2025-06-01T00:00:00Z"));
    }
}
