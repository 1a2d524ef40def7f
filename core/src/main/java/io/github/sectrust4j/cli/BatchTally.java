package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the responses of a {@code batch} run said, counted one way for the table's closing count and the
 * progress summary: each response is trusted, not trusted, an input error or an internal error (a line
 * that is not a JSON object counts as internal: the processor writes nothing else).
 */
final class BatchTally {
    /** The kinds of response. */
    enum Kind {
        TRUSTED,
        NOT_TRUSTED,
        INPUT_ERROR,
        INTERNAL_ERROR
    }

    private long responses;
    private final long[] counts = new long[Kind.values().length];

    /** The kind of one parsed response ({@code null}: it did not parse). */
    static Kind kind(JsonNode response) {
        if (response == null || !response.isObject()) {
            return Kind.INTERNAL_ERROR;
        }
        if (response.has("trusted")) {
            return response.get("trusted").asBoolean() ? Kind.TRUSTED : Kind.NOT_TRUSTED;
        }
        return response.path("error").has("input") ? Kind.INPUT_ERROR : Kind.INTERNAL_ERROR;
    }

    /** Counts one response and returns its kind. */
    Kind add(JsonNode response) {
        Kind k = kind(response);
        responses++;
        counts[k.ordinal()]++;
        return k;
    }

    long responses() {
        return responses;
    }

    /** "13 trusted, 24 not trusted, 0 input errors, 0 internal errors". */
    String summary() {
        return counts[Kind.TRUSTED.ordinal()] + " trusted, " + counts[Kind.NOT_TRUSTED.ordinal()] + " not trusted, "
                + counts[Kind.INPUT_ERROR.ordinal()] + " input errors, " + counts[Kind.INTERNAL_ERROR.ordinal()]
                + " internal errors";
    }
}
