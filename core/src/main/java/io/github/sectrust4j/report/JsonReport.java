package io.github.sectrust4j.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.PathCertificate;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.TrustResultInfo;
import io.github.sectrust4j.text.IsoInstant;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Renders a {@link TrustReport} as the response object of BATCH-CONTRACT.md. */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {}

    /** The response object, without {@code id}; field order is stable. */
    public static ObjectNode toNode(TrustReport report) {
        try (TokenBuffer buffer = new TokenBuffer(MAPPER, false)) {
            buffer.writeStartObject();
            writeFields(report, buffer);
            buffer.writeEndObject();
            return MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The response object's fields, written in order into an open object of {@code g} (whose codec writes the
     * evidence maps): the batch response streams them without building a tree.
     */
    public static void writeFields(TrustReport report, JsonGenerator g) throws IOException {
        g.writeBooleanField("trusted", report.trusted());
        g.writeStringField("result", report.result().name());
        if (report.error().isPresent()) {
            g.writeObjectFieldStart("error");
            g.writeStringField("name", report.error().get().appleName());
            g.writeNumberField("code", report.error().get().code());
            g.writeEndObject();
        }
        if (report.trustStoreVersion().isPresent()) {
            g.writeNumberField("trustStoreVersion", report.trustStoreVersion().getAsInt());
        }
        g.writeStringField("ios", report.release().toString());
        g.writeStringField("policy", report.policy().label());
        if (report.host().isPresent()) {
            g.writeStringField("host", report.host().get());
        }
        g.writeStringField("at", IsoInstant.format(report.evaluatedAt()));
        // §12.2 result-dictionary keys (additive): present only when iOS would report them
        TrustResultInfo info = report.info();
        if (info.certificateTransparency()) {
            g.writeBooleanField("certificateTransparency", true);
        }
        if (info.extendedValidation()) {
            g.writeBooleanField("extendedValidation", true);
            if (info.organization().isPresent()) {
                g.writeStringField("organization", info.organization().get());
            }
        }
        if (info.revocationChecked()) {
            g.writeBooleanField("revocationChecked", true);
            if (info.revocationValidUntil().isPresent()) {
                g.writeStringField(
                        "revocationValidUntil",
                        IsoInstant.format(info.revocationValidUntil().get()));
            }
        }
        if (info.revocationReason().isPresent()) {
            g.writeNumberField("revocationReason", info.revocationReason().getAsInt());
        }
        g.writeArrayFieldStart("path");
        for (PathCertificate c : report.path()) {
            g.writeStartObject();
            g.writeStringField("sha256", c.sha256());
            g.writeStringField("subject", c.subject());
            g.writeStringField("role", c.role().label());
            if (c.anchorSource().isPresent()) {
                g.writeStringField("anchorSource", c.anchorSource().get().label());
            }
            g.writeBooleanField("presented", c.presented());
            g.writeStringField("notBefore", IsoInstant.format(c.notBefore()));
            g.writeStringField("notAfter", IsoInstant.format(c.notAfter()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : report.findings()) {
            g.writeStartObject();
            g.writeStringField("code", f.code().code());
            g.writeStringField("severity", f.severity().name());
            if (f.certificateIndex() >= 0) {
                g.writeNumberField("certificate", f.certificateIndex());
            }
            if (!f.subject().isEmpty()) {
                g.writeStringField("subject", f.subject());
            }
            g.writeStringField("message", f.message());
            g.writeStringField("remedy", f.remedy());
            g.writeFieldName("evidence");
            writePlain(f.evidence(), g);
            g.writeObjectFieldStart("rule");
            g.writeStringField("section", f.rule().section());
            g.writeStringField("summary", f.rule().summary());
            g.writeStringField("source", f.rule().source().name());
            if (f.rule().effective().isPresent()) {
                g.writeStringField(
                        "effective", IsoInstant.format(f.rule().effective().get()));
            }
            if (f.rule().since().isPresent()) {
                g.writeStringField("since", f.rule().since().get());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    public static String render(TrustReport report) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            writeFields(report, g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * An evidence value in its readable JSON form (Instants, enums as text, byte arrays as upper-case hex), written
     * as it goes: no copy of the maps is built.
     */
    private static void writePlain(Object value, JsonGenerator g) throws IOException {
        // the common final types first: an exact class test each, where a miss of an interface test is a search
        if (value instanceof String text) {
            g.writeString(text);
        } else if (value instanceof Integer i) {
            g.writeNumber(i.intValue()); // what Jackson's Integer serializer writes, without a serializer lookup
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writePlain(e.getValue(), g);
            }
            g.writeEndObject();
        } else if (value instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object element : c) {
                writePlain(element, g);
            }
            g.writeEndArray();
        } else if (value instanceof byte[] bytes) {
            g.writeString(com.google.common.io.BaseEncoding.base16().encode(bytes));
        } else if (value == null) {
            g.writeNull();
        } else if (value instanceof Long l) {
            g.writeNumber(l.longValue());
        } else if (value instanceof Number) {
            g.writeObject(value); // as Jackson writes each Number type
        } else if (value instanceof Instant t) {
            g.writeString(IsoInstant.format(t));
        } else {
            g.writeString(value.toString());
        }
    }
}
