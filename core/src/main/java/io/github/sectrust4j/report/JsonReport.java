package io.github.sectrust4j.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.PathCertificate;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.TrustResultInfo;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Map;

/** Renders a {@link TrustReport} as the response object of BATCH-CONTRACT.md. */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {}

    /** The response object, without {@code id}; field order is stable. */
    public static ObjectNode toNode(TrustReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("trusted", report.trusted());
        root.put("result", report.result().name());
        report.error().ifPresent(e -> {
            ObjectNode error = root.putObject("error");
            error.put("name", e.appleName());
            error.put("code", e.code());
        });
        report.trustStoreVersion().ifPresent(v -> root.put("trustStoreVersion", v));
        root.put("ios", report.release().toString());
        root.put("policy", report.policy().label());
        report.host().ifPresent(h -> root.put("host", h));
        root.put("at", report.evaluatedAt().toString());
        // §12.2 result-dictionary keys (additive): present only when iOS would report them
        TrustResultInfo info = report.info();
        if (info.certificateTransparency()) {
            root.put("certificateTransparency", true);
        }
        if (info.extendedValidation()) {
            root.put("extendedValidation", true);
            info.organization().ifPresent(o -> root.put("organization", o));
        }
        if (info.revocationChecked()) {
            root.put("revocationChecked", true);
            info.revocationValidUntil().ifPresent(t -> root.put("revocationValidUntil", t.toString()));
        }
        info.revocationReason().ifPresent(r -> root.put("revocationReason", r));
        ArrayNode path = root.putArray("path");
        for (PathCertificate c : report.path()) {
            ObjectNode n = path.addObject();
            n.put("sha256", c.sha256());
            n.put("subject", c.subject());
            n.put("role", c.role().label());
            c.anchorSource().ifPresent(s -> n.put("anchorSource", s.label()));
            n.put("presented", c.presented());
            n.put("notBefore", c.notBefore().toString());
            n.put("notAfter", c.notAfter().toString());
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode n = findings.addObject();
            n.put("code", f.code().code());
            n.put("severity", f.severity().name());
            if (f.certificateIndex() >= 0) {
                n.put("certificate", f.certificateIndex());
            }
            if (!f.subject().isEmpty()) {
                n.put("subject", f.subject());
            }
            n.put("message", f.message());
            n.put("remedy", f.remedy());
            n.set("evidence", MAPPER.valueToTree(toPlain(f.evidence())));
            ObjectNode rule = n.putObject("rule");
            rule.put("section", f.rule().section());
            rule.put("summary", f.rule().summary());
            rule.put("source", f.rule().source().name());
            f.rule().effective().ifPresent(e -> rule.put("effective", e.toString()));
            f.rule().since().ifPresent(s -> rule.put("since", s));
        }
        return root;
    }

    public static String render(TrustReport report) {
        try {
            return MAPPER.writeValueAsString(toNode(report));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // evidence values may be Instants, enums or byte arrays: give JSON their readable forms
    private static Object toPlain(Object value) {
        if (value instanceof Map<?, ?> map) {
            java.util.LinkedHashMap<String, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), toPlain(v)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(JsonReport::toPlain).toList();
        }
        if (value instanceof byte[] bytes) {
            return com.google.common.io.BaseEncoding.base16().encode(bytes);
        }
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        return value.toString();
    }
}
