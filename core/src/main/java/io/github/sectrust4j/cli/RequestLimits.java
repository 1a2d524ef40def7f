package io.github.sectrust4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * What one {@code batch} request line may make the parser allocate, enforced by Jackson while it
 * streams the line, before any tree is built: a 2 MB line of {@code {},{},...} would otherwise become
 * 700,000 tree nodes (more than a 64 MB heap), an 8 MB string a 16 MB char array and then its copies.
 * A real request — a chain, some roots, OCSP responses, SCTs, exceptions — is far inside every limit
 * (BATCH-CONTRACT.md, "Limits").
 */
final class RequestLimits {
    /** Longest request line accepted by default, in characters (--max-line-length). */
    static final int MAX_LINE_CHARS = 4 * 1024 * 1024;
    /** JSON tokens per line (each value, each field name, each start and end of an object or array). */
    static final long MAX_TOKENS = 100_000;
    /** Characters per string value (a PEM bundle of 400 certificates, a 700 KB exceptions plist). */
    static final int MAX_STRING_CHARS = 1024 * 1024;
    /** Characters per field name. */
    static final int MAX_NAME_CHARS = 1024;
    /** Nesting of objects and arrays (a request needs 4). */
    static final int MAX_DEPTH = 32;

    private RequestLimits() {}

    /** A Jackson factory that refuses any line beyond the limits. */
    static JsonFactory jsonFactory() {
        return jsonFactoryBuilder().build();
    }

    /** The builder of {@link #jsonFactory()}. */
    static JsonFactoryBuilder jsonFactoryBuilder() {
        return new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxTokenCount(MAX_TOKENS)
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxNameLength(MAX_NAME_CHARS)
                        .maxNestingDepth(MAX_DEPTH)
                        .build());
    }

    /** The input-error message for a line past a limit. */
    static String exceeded(StreamConstraintsException e) {
        String m = e.getOriginalMessage();
        // Jackson names its own configuration method; keep the numbers only. The length it reports is where it
        // noticed (a buffer segment's end, which depends on what the thread parsed before), so it is left out: the
        // same line gives the same message on any thread
        return "request too large: "
                + m.replaceAll(",? ?from `?StreamReadConstraints\\.[A-Za-z]+\\(\\)`?", "")
                        .replaceFirst("^(String value length|Name length) \\(\\d+\\) exceeds", "$1 exceeds")
                + " (limits: " + MAX_TOKENS + " JSON values, " + MAX_STRING_CHARS + " characters per string, depth "
                + MAX_DEPTH + ")";
    }
}
