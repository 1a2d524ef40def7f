package io.github.sectrust4j.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.engine.SecTrustAccess;
import io.github.sectrust4j.text.ExceptionText;
import io.github.sectrust4j.text.Excerpt;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Turns one request line into one response line (BATCH-CONTRACT.md). Never throws for anything a
 * line can contain: a line that cannot be parsed or evaluated becomes
 * {@code {"id": ..., "error": {"input": "..."}}}, an unexpected failure of the evaluator
 * {@code {"id": ..., "error": {"internal": "..."}}}. Stateless apart from the evaluator; thread-safe.
 */
final class BatchProcessor {
    static final ObjectMapper MAPPER = JsonMapper.builder( // repeated PEM strings are decoded once
                    new RepeatedStringsJsonFactory(RequestLimits.jsonFactoryBuilder()))
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // two "host" fields: refuse, never guess
            .build();
    /** For salvaging an id from a broken line: no trailing-token check (the rest of the line is broken). */
    static final ObjectMapper LENIENT =
            JsonMapper.builder(RequestLimits.jsonFactory()).build();

    private final BatchRequestParser parser = new BatchRequestParser();
    private final Function<BatchRequest, TrustReport> evaluator;

    /** Answers of earlier lines, for a line equal to one of them apart from its id. */
    private final RepeatedRequests repeated = RepeatedRequests.shareOfHeap();

    /** With the real evaluator ({@code SecTrust.evaluate}). */
    BatchProcessor() {
        this(r -> SecTrustAccess.evaluate(r.trust(), r.serverChain()));
    }

    BatchProcessor(Function<BatchRequest, TrustReport> evaluator) {
        this.evaluator = evaluator;
    }

    /** Requests without ctLogs use the downloaded CT log list when it applies (the command line's default). */
    void useCtLogCache(CtLogCacheOptions options) {
        parser.useCtLogCache(options);
    }

    /**
     * The response line (without line terminator) for a request line (without its terminator). Whatever
     * one line causes stays with that line: even an {@link OutOfMemoryError} or a {@link StackOverflowError}
     * (what the line allocated is garbage once it has failed) becomes an internal-error line; only
     * failures of the virtual machine itself ({@link InternalError}, {@link UnknownError}) end the run.
     */
    String process(String line) {
        try {
            return respond(line);
        } catch (InternalError | UnknownError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            return error(idOrNull(line), "internal", describe(e));
        }
    }

    private String respond(String line) {
        if (line.isBlank()) {
            return error(NullNode.instance, "input", "blank line (expected one JSON request object per line)");
        }
        RepeatedRequests.Split split = RepeatedRequests.split(line);
        String known = split == null ? null : repeated.answer(split);
        if (known != null) {
            return known;
        }
        JsonNode request;
        try {
            request = MAPPER.readTree(line);
        } catch (StreamConstraintsException e) {
            return error(salvageId(line), "input", RequestLimits.exceeded(e));
        } catch (JsonProcessingException e) {
            return error(salvageId(line), "input", "not valid JSON: " + jsonProblem(e));
        } catch (RuntimeException e) {
            return error(salvageId(line), "input", "not valid JSON: " + ExceptionText.why(e));
        }
        JsonNode id = request.isObject() && request.has("id") ? request.get("id") : NullNode.instance;
        Answer answer = respond(id, request);
        if (!answer.failed() && split != null && RepeatedRequests.isFunctionOfLine(request)) {
            try {
                repeated.keep(split, answer.line());
            } catch (RuntimeException | OutOfMemoryError e) {
                // the memo is only a shortcut: a line it cannot keep is still answered
            }
        }
        return answer.line();
    }

    /** The answer to a request object: its response line(s), or one error line. */
    private Answer respond(JsonNode id, JsonNode request) {
        BatchRequest parsed;
        try {
            parsed = parser.parse(request);
        } catch (InputError e) {
            return new Answer(error(id, "input", e.getMessage()), true);
        } catch (RuntimeException | StackOverflowError e) {
            return new Answer(error(id, "internal", describe(e)), true);
        }
        if (!parsed.releases().isEmpty()) {
            // extension: "ios" as an array answers with one line per release, in the given order
            try (parsed) { // releases what the request holds once every release is answered
                List<String> lines = new ArrayList<>(parsed.releases().size());
                for (IosRelease release : parsed.releases()) {
                    Answer a = respond(id, parsed.forRelease(release));
                    if (a.failed()) {
                        return a; // one error line for the whole request
                    }
                    lines.add(a.line());
                }
                return new Answer(String.join("\n", lines), false);
            }
        }
        return respond(id, parsed);
    }

    /** A response line, and whether it is an error response. */
    private record Answer(String line, boolean failed) {}

    /** The response line for one parsed single-release request. */
    private Answer respond(JsonNode id, BatchRequest parsed) {
        TrustReport report;
        String exceptions = null;
        try (parsed) {
            report = evaluator.apply(parsed);
            if (parsed.copyExceptions()) {
                // SecTrustCopyExceptions: what the device stores when the user accepts this chain (§12.4)
                exceptions = Base64.getEncoder()
                        .encodeToString(
                                parsed.trust().copyExceptions(parsed.chain()).toPlist());
            }
        } catch (CertificateInputException e) {
            // the evaluator found a certificate iOS cannot read (§14.2 step 1): the input's fault
            return new Answer(error(id, "input", Inputs.certificateMessage("chain", e)), true);
        } catch (RuntimeException | StackOverflowError e) {
            return new Answer(error(id, "internal", describe(e)), true);
        }
        return new Answer(BatchAnswer.line(id, report, parsed.trust(), exceptions, parsed.hostNotice()), false);
    }

    /** The response for a line longer than the reader's limit (only its beginning was kept). */
    String tooLong(String prefix, int limit) {
        return error(
                salvageId(prefix),
                "input",
                "line longer than " + limit + " characters (raise --max-line-length if such requests are legitimate)");
    }

    /** The line's id for an internal-error line, or null if even that cannot be had. */
    private static JsonNode idOrNull(String line) {
        try {
            return salvageId(line);
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return NullNode.instance;
        }
    }

    static String error(JsonNode id, String kind, String message) {
        ObjectNode out = MAPPER.createObjectNode();
        out.set("id", id);
        out.putObject("error").put(kind, Excerpt.message(message));
        return write(out);
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a response", e);
        }
    }

    private static String describe(Throwable e) {
        return ExceptionText.described(e);
    }

    private static String jsonProblem(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String column = at == null || at.getColumnNr() < 0 ? "" : " (column " + at.getColumnNr() + ")";
        // Jackson names its redacted source inside locations: keep only line/column
        return e.getOriginalMessage().replaceAll("\\[Source: [^;\\]]*; ", "[") + column;
    }

    /**
     * The top-level {@code id} of a line that is not valid JSON as a whole, when the line is
     * well-formed up to and including it (the usual case: id comes first); else null.
     */
    static JsonNode salvageId(String line) {
        try (JsonParser p = LENIENT.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return NullNode.instance;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("id")) {
                    JsonNode id = p.readValueAsTree();
                    return id == null ? NullNode.instance : id;
                }
                p.skipChildren();
            }
            return NullNode.instance;
        } catch (Exception e) {
            return NullNode.instance;
        }
    }
}
