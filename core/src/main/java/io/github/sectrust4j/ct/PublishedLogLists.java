package io.github.sectrust4j.ct;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.truststores.PublishedCtLogList;
import io.github.sectrust4j.truststores.tool.CtLogListReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Log lists in the JSON format Apple publishes as its current CT log list
 * ({@code https://valid.apple.com/ct/log_list/current_log_list.json}: {@code operators[].logs[]} with
 * {@code key}, {@code log_id}, {@code state} and {@code temporal_interval}, the shape of Google's v3
 * list), read by the same reader and converted by the same rules (§8.4) as the lists shipped with each
 * trust store: pending and rejected logs stay listed but untrusted, shards and read-only/retired dates
 * are kept.
 */
public final class PublishedLogLists {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishedLogLists() {}

    /** The list in this JSON text. */
    public static CtLogList fromJson(String json) {
        try {
            return fromJson(JSON.readTree(requireNonNull(json, "json")));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("CT log list is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The list in this JSON tree, labelled with its version and dated by its {@code log_list_timestamp}
     * when it has one (Apple's lists have none: {@link CtLogList#withSource} dates them, e.g. by download).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static CtLogList fromJson(JsonNode root) {
        PublishedCtLogList read = read(root);
        return CtLogList.fromTrustStoreLogs(read.logs())
                .withSource(label(read), read.timestamp().orElse(null));
    }

    /** The list as read, for callers that need its version fields (the log-list cache). */
    static PublishedCtLogList read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a CT log list is a JSON object with an operators array");
        }
        try {
            PublishedCtLogList read = CtLogListReader.published(tree(root));
            if (read.logs().isEmpty()) {
                throw new IllegalArgumentException("the CT log list has no logs");
            }
            return read;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CT log list: " + e.getMessage(), e);
        }
    }

    static String label(PublishedCtLogList read) {
        return "Apple-format log list" + (read.version().isEmpty() ? "" : " version " + read.version())
                + (read.assetVersion() < 0 ? "" : " (asset version " + read.assetVersion() + ")");
    }

    /** Jackson's tree as the reader's plain values (objects, lists, BigDecimal numbers, strings, booleans). */
    private static Object tree(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), tree(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>(n.size());
            n.forEach(c -> l.add(tree(c)));
            return l;
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }
}
