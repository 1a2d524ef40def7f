package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of a batch request and of its nested objects (BATCH-CONTRACT.md), declared once, here.
 * A request holding a field its object does not declare is an input error naming the field and the
 * closest declared one: a typo ({@code userroots}, {@code hostname}) must not change a verdict without
 * a word. The parser reads fields only by declared names ({@link #requireDeclared}), so a field cannot be
 * parsed without being declared. To add a field: add its name to the object's shape below.
 */
final class RequestFields {

    /** The fields of one kind of JSON object, and the shapes of the objects inside its array fields. */
    record Shape(Set<String> fields, Map<String, Shape> arraysOfObjects) {
        static Shape of(String... fields) {
            return new Shape(ImmutableSet.copyOf(fields), ImmutableMap.of());
        }

        Shape withArrayOf(String field, Shape element) {
            if (!fields.contains(field)) {
                throw new IllegalArgumentException(field + " is not a field of this shape");
            }
            return new Shape(
                    fields,
                    ImmutableMap.<String, Shape>builder()
                            .putAll(arraysOfObjects)
                            .put(field, element)
                            .build());
        }
    }

    static final Shape TRUST_SETTING = Shape.of("result", "policy", "policyString", "allowedError", "keyUsage");
    static final Shape USER_ROOT = Shape.of("cert", "profile", "install", "fullTrust", "trustSettings")
            .withArrayOf("trustSettings", TRUST_SETTING);
    static final Shape CT_LOG = Shape.of("key", "operator", "description", "state", "stateTimestamp");
    static final Shape REQUEST = Shape.of(
                    "id",
                    "chain",
                    "policy",
                    "host",
                    "ios",
                    "at",
                    "deviceClock",
                    "systemRoots",
                    "extraSystemRoots",
                    "anchors",
                    "anchorsOnly",
                    "userRoots",
                    "intermediates",
                    "ocspResponses",
                    "scts",
                    "ctLogs",
                    "ctLogListFresh",
                    "ctKillSwitch",
                    "revocationDatabase",
                    "network",
                    "exceptionEpoch",
                    "exceptions",
                    "copyExceptions",
                    "requiredKeyUsage")
            .withArrayOf("userRoots", USER_ROOT)
            .withArrayOf("ctLogs", CT_LOG);

    /** Every declared name, of any object (the parser's guard). */
    private static final Set<String> ALL =
            collect(REQUEST, ImmutableSet.builder()).build();

    /** Field names longer than this are shown cut in messages and compared by their prefix. */
    private static final int MAX_NAME = 64;

    private RequestFields() {}

    /**
     * Refuses the first undeclared field, depth first in document order: top level, then the objects in
     * declared arrays ({@code userRoots[0].trustSettings[1].polcy}). Elements that are not objects are
     * left to the parser's type errors.
     */
    static void checkKnown(JsonNode request) {
        check(REQUEST, request, "");
    }

    private static void check(Shape shape, JsonNode object, String prefix) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!shape.fields().contains(name)) {
                throw new InputError(prefix + shown(name) + ": unknown field"
                        + suggestion(name, shape.fields())
                                .map(s -> " (did you mean '" + s + "'?)")
                                .orElse("")
                        + "; known fields here: " + String.join(", ", shape.fields()));
            }
        }
        for (Map.Entry<String, Shape> nested : shape.arraysOfObjects().entrySet()) {
            JsonNode array = object.get(nested.getKey());
            if (array == null || !array.isArray()) {
                continue;
            }
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isObject()) {
                    check(nested.getValue(), array.get(i), prefix + nested.getKey() + "[" + i + "].");
                }
            }
        }
    }

    /**
     * Fails (a programming error, not an input error) when the parser reads a field that no shape
     * declares: the declaration and the parser cannot drift apart unnoticed.
     */
    static String requireDeclared(String field) {
        if (!ALL.contains(field)) {
            throw new IllegalStateException("batch field '" + field + "' is read but not declared in RequestFields");
        }
        return field;
    }

    /**
     * The declared field closest to {@code name}: equal ignoring case, a prefix either way
     * ({@code hostname} → {@code host}), or within an edit distance of a third of its length (at least 2).
     */
    static Optional<String> suggestion(String name, Set<String> declared) {
        String n = cut(name).toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String d : declared) {
            String k = d.toLowerCase(Locale.ROOT);
            int distance =
                    n.equals(k) ? 0 : n.startsWith(k) || k.startsWith(n) && n.length() >= 2 ? 1 : editDistance(n, k);
            if (distance <= Math.max(2, k.length() / 3) && distance < bestDistance) {
                best = d;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance (both strings at most {@link #MAX_NAME} characters here). */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    private static String cut(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }

    private static String shown(String name) {
        return name.length() <= MAX_NAME ? name : cut(name) + "...";
    }

    private static ImmutableSet.Builder<String> collect(Shape shape, ImmutableSet.Builder<String> out) {
        out.addAll(shape.fields());
        shape.arraysOfObjects().values().forEach(s -> collect(s, out));
        return out;
    }
}
