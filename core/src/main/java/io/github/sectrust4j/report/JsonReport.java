package io.github.sectrust4j.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.PathCertificate;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.TrustResultInfo;
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
            writeFields(report, JsonOut.of(buffer));
            buffer.writeEndObject();
            return MAPPER.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The response object's fields, written in order into an open object of {@code g} (whose codec writes the
     * evidence maps) or a {@link JsonLine}: the batch response streams them without building a tree.
     */
    public static void writeFields(TrustReport report, JsonOut g) throws IOException {
        g.boolField("trusted", report.trusted());
        g.stringField("result", report.result().name());
        if (report.error().isPresent()) {
            g.objectField("error");
            g.stringField("name", report.error().get().appleName());
            g.numberField("code", report.error().get().code());
            g.endObject();
        }
        if (report.trustStoreVersion().isPresent()) {
            g.numberField("trustStoreVersion", report.trustStoreVersion().getAsInt());
        }
        g.stringField("ios", report.release().toString());
        g.stringField("policy", report.policy().label());
        if (report.host().isPresent()) {
            g.stringField("host", report.host().get());
        }
        g.instantField("at", report.evaluatedAt());
        // §12.2 result-dictionary keys (additive): present only when iOS would report them
        TrustResultInfo info = report.info();
        if (info.certificateTransparency()) {
            g.boolField("certificateTransparency", true);
        }
        if (info.extendedValidation()) {
            g.boolField("extendedValidation", true);
            if (info.organization().isPresent()) {
                g.stringField("organization", info.organization().get());
            }
        }
        if (info.revocationChecked()) {
            g.boolField("revocationChecked", true);
            if (info.revocationValidUntil().isPresent()) {
                g.instantField(
                        "revocationValidUntil", info.revocationValidUntil().get());
            }
        }
        if (info.revocationReason().isPresent()) {
            g.numberField("revocationReason", info.revocationReason().getAsInt());
        }
        g.arrayField("path");
        for (PathCertificate c : report.path()) {
            g.startObject();
            g.stringField("sha256", c.sha256());
            g.stringField("subject", c.subject());
            g.stringField("role", c.role().label());
            if (c.anchorSource().isPresent()) {
                g.stringField("anchorSource", c.anchorSource().get().label());
            }
            g.boolField("presented", c.presented());
            g.instantField("notBefore", c.notBefore());
            g.instantField("notAfter", c.notAfter());
            g.endObject();
        }
        g.endArray();
        g.arrayField("findings");
        for (Finding f : report.findings()) {
            g.startObject();
            g.stringField("code", f.code().code());
            g.stringField("severity", f.severity().name());
            if (f.certificateIndex() >= 0) {
                g.numberField("certificate", f.certificateIndex());
            }
            if (!f.subject().isEmpty()) {
                g.stringField("subject", f.subject());
            }
            g.stringField("message", f.message());
            g.stringField("remedy", f.remedy());
            g.name("evidence");
            writePlain(f.evidence(), g);
            g.objectField("rule");
            g.stringField("section", f.rule().section());
            g.stringField("summary", f.rule().summary());
            g.stringField("source", f.rule().source().name());
            if (f.rule().effective().isPresent()) {
                g.instantField("effective", f.rule().effective().get());
            }
            if (f.rule().since().isPresent()) {
                g.stringField("since", f.rule().since().get());
            }
            g.endObject();
            g.endObject();
        }
        g.endArray();
    }

    public static String render(TrustReport report) {
        StringWriter out = new StringWriter(4096);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            writeFields(report, JsonOut.of(g));
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
    private static void writePlain(Object value, JsonOut g) throws IOException {
        // the common final types first: an exact class test each, where a miss of an interface test is a search
        if (value instanceof String text) {
            g.string(text);
        } else if (value instanceof Integer i) {
            g.number(i.intValue()); // what Jackson's Integer serializer writes, without a serializer lookup
        } else if (value instanceof Boolean b) {
            g.bool(b);
        } else if (value instanceof Map<?, ?> map) {
            g.startObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.name(String.valueOf(e.getKey()));
                writePlain(e.getValue(), g);
            }
            g.endObject();
        } else if (value instanceof Collection<?> c) {
            g.startArray();
            for (Object element : c) {
                writePlain(element, g);
            }
            g.endArray();
        } else if (value instanceof byte[] bytes) {
            g.string(com.google.common.io.BaseEncoding.base16().encode(bytes));
        } else if (value == null) {
            g.nullValue();
        } else if (value instanceof Long l) {
            g.number(l.longValue());
        } else if (value instanceof Number) {
            g.object(value); // as Jackson writes each Number type
        } else if (value instanceof Instant t) {
            g.instant(t);
        } else {
            g.string(value.toString());
        }
    }
}
