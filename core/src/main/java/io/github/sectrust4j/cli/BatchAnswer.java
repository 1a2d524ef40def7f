package io.github.sectrust4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.report.JsonReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Optional;

/**
 * The response line of an evaluated request (BATCH-CONTRACT.md), streamed field by field into Jackson's generator:
 * no tree of the response is built, and the common parts (a string, integer or null {@code id}, the
 * {@code ctLogList} object) are written directly rather than through the mapper's serializers. The generator's
 * buffer is Jackson's per-thread recycled one; the line is gathered in a per-thread buffer and becomes a String in
 * one copy ({@link LineText}).
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
        LineText text = new LineText();
        try (JsonGenerator out = BatchProcessor.MAPPER.getFactory().createGenerator(text)) {
            out.writeStartObject();
            out.writeFieldName("id");
            writeId(id, out);
            JsonReport.writeFields(report, out);
            out.writeFieldName("ctLogList");
            CtLogCacheOptions.write(trust, report, out);
            if (exceptions != null) {
                out.writeStringField("exceptions", exceptions);
            }
            if (hostNotice.isPresent()) {
                out.writeStringField(MatrixOutput.HOST_NOTICE, hostNotice.get());
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a response", e);
        }
        return text.take(); // after close: closing flushes the generator's last piece
    }

    /** The request's id as the mapper writes it: the usual kinds directly, any other through the mapper. */
    private static void writeId(JsonNode id, JsonGenerator out) throws IOException {
        if (id.isTextual()) {
            out.writeString(id.textValue());
        } else if (id.isNull()) {
            out.writeNull();
        } else if (id.isInt()) {
            out.writeNumber(id.intValue());
        } else if (id.isLong()) {
            out.writeNumber(id.longValue());
        } else {
            out.writeTree(id);
        }
    }

    /**
     * The generator's output as one String. The generator hands its buffer over in pieces of a few thousand
     * characters; they are gathered in this thread's buffer, which becomes the String in one copy (a
     * {@code StringWriter} copies each piece into its own growing buffer, then again into the String). The
     * buffer is kept for the thread's next line only up to {@link #KEPT_CHARS}: a huge answer does not pin
     * its size. Not reentrant, and need not be: nothing the generator calls writes another line.
     */
    private static final class LineText extends Writer {
        private static final int KEPT_CHARS = 1 << 14;
        private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[8192]);

        private char[] chars = BUFFER.get();
        private int length;

        @Override
        public void write(char[] c, int off, int len) {
            System.arraycopy(c, off, room(len), length, len);
            length += len;
        }

        @Override
        public void write(String s, int off, int len) {
            s.getChars(off, off + len, room(len), length);
            length += len;
        }

        @Override
        public void write(int c) {
            room(1)[length++] = (char) c;
        }

        /** The buffer, grown to hold {@code more} characters after the current ones. */
        private char[] room(int more) {
            if (more > chars.length - length) {
                int needed = Math.addExact(length, more);
                chars = Arrays.copyOf(chars, Math.max(needed, (int)
                        Math.min(Integer.MAX_VALUE - 8, 2L * chars.length)));
            }
            return chars;
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}

        /** The text written; the buffer goes back to the thread (unless it grew past {@link #KEPT_CHARS}). */
        String take() {
            String text = new String(chars, 0, length);
            if (chars.length <= KEPT_CHARS) {
                BUFFER.set(chars);
            }
            return text;
        }
    }
}
