package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.report.JsonLine;
import io.github.sectrust4j.report.JsonReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The response line of an evaluated request (BATCH-CONTRACT.md), streamed field by field as text ({@link JsonLine}:
 * the characters Jackson's generator writes, with less work a field): no tree of the response is built, and the
 * common parts (a string, integer or null {@code id}, the {@code ctLogList} object) are written directly rather
 * than through the mapper's serializers.
 */
final class BatchAnswer {
    private BatchAnswer() {}

    /**
     * The response line for {@code report}.
     *
     * @param exceptions the base64 {@code exceptions} field, or null when not asked for
     */
    static String line(
            JsonNode id, TrustReport report, SecTrust trust, String exceptions, Optional<String> hostNotice) {
        JsonLine out = new JsonLine(BatchProcessor.MAPPER);
        try {
            out.startObject();
            out.name("id");
            writeId(id, out);
            JsonReport.writeFields(report, out);
            out.name("ctLogList");
            CtLogCacheOptions.write(trust, report, out);
            if (exceptions != null) {
                out.stringField("exceptions", exceptions);
            }
            if (hostNotice.isPresent()) {
                out.stringField(MatrixOutput.HOST_NOTICE, hostNotice.get());
            }
            out.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a response", e);
        }
        return out.take();
    }

    /** The request's id as the mapper writes it: the usual kinds directly, any other through the mapper. */
    private static void writeId(JsonNode id, JsonLine out) throws IOException {
        if (id.isTextual()) {
            out.string(id.textValue());
        } else if (id.isNull()) {
            out.nullValue();
        } else if (id.isInt()) {
            out.number(id.intValue());
        } else if (id.isLong()) {
            out.number(id.longValue());
        } else {
            out.object(id);
        }
    }
}
