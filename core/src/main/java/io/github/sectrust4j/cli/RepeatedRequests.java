package io.github.sectrust4j.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.io.IOException;

/**
 * Answers already given, by request line without its {@code id}: a line equal to an earlier one apart from the
 * value of its top-level {@code id} gets the earlier answer with its own id, without being parsed or evaluated
 * again (from its third occurrence: the second keeps the answer). Exact, because an answer whose request fixes {@code at} is a function of the line (the evaluation is a
 * pure function of its inputs): the caller keeps only such answers ({@link BatchProcessor}). Only a scalar id is
 * cut out, so the two lines also meet every per-line limit alike (a scalar is one token either way, and the new
 * id's length is checked while it is read). Bounded by weight, a share of the heap. Thread-safe.
 */
final class RepeatedRequests {
    /** Longer lines are not kept: a key holds a copy of its line. */
    static final int MAX_KEPT_LINE = 64 * 1024;

    private static final String ID_PREFIX = "{\"id\":";

    /** A request line split around its top-level {@code id} value: the rest of the line, and the id. */
    record Split(String rest, JsonNode id) {}

    /** Per kept request: the rest of the line → each response line after its {@code {"id":<id>}}. */
    private final Cache<String, String[]> answers;

    /**
     * Hashes of lines seen once, by the low bits of the hash: an answer is kept from a line's second occurrence, so
     * a stream of distinct lines costs a hash each and no copies. A collision only keeps an answer early.
     */
    private final int[] seenOnce = new int[SEEN_SLOTS];

    private static final int SEEN_SLOTS = 4096;

    private RepeatedRequests(long maxChars) {
        this.answers = CacheBuilder.newBuilder()
                .maximumWeight(Math.max(0, maxChars))
                .weigher(RepeatedRequests::weight)
                .concurrencyLevel(4)
                .build();
    }

    /** A memo of about {@code maxBytes} of heap. */
    static RepeatedRequests ofSize(long maxBytes) {
        return new RepeatedRequests(maxBytes / 2); // two bytes a character, on the safe side
    }

    /** A memo of a thirty-second of the maximum heap (2 MiB under {@code -Xmx64m}), at most 16 MiB. */
    static RepeatedRequests shareOfHeap() {
        return ofSize(Math.min(Runtime.getRuntime().maxMemory() / 32, 16L << 20));
    }

    private static int weight(String rest, String[] suffixes) {
        int w = rest.length();
        for (String s : suffixes) {
            w += s.length();
        }
        return w;
    }

    /**
     * The line split around the value of its top-level {@code id} (the whole line and {@code null} without one),
     * or null when the line is not to be looked up: too long, not a JSON object up to its id, a repeated or an
     * array or object id.
     */
    static Split split(String line) {
        if (line.length() > MAX_KEPT_LINE) {
            return null;
        }
        // the same limits and value nodes as the full parse; the rest of the line is not read here
        try (JsonParser p = BatchProcessor.LENIENT.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean id = p.currentName().equals("id");
                JsonToken value = p.nextToken();
                if (!id) {
                    p.skipChildren();
                    continue;
                }
                if (value == null || !value.isScalarValue()) {
                    return null;
                }
                long from = p.currentTokenLocation().getCharOffset();
                JsonNode given = p.readValueAsTree(); // reads (and checks) the whole value
                long to = p.currentLocation().getCharOffset();
                if (from < 0 || to <= from || to > line.length()) {
                    return null;
                }
                StringBuilder rest = new StringBuilder(line.length() - (int) (to - from));
                return new Split(
                        rest.append(line, 0, (int) from)
                                .append(line, (int) to, line.length())
                                .toString(),
                        given);
            }
            return new Split(line, NullNode.instance); // no id: the rest of the line checked here is left to parse
        } catch (JsonProcessingException e) {
            return null; // the full parse answers it
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether the answer to a request is a function of its line alone: it fixes {@code at} (else the evaluation
     * instant is the clock's), names no {@code revocationDatabase} (a file that may change during the run) and
     * allows no fetching ({@code network}).
     */
    static boolean isFunctionOfLine(JsonNode request) {
        return request.hasNonNull("at")
                && !request.hasNonNull("revocationDatabase")
                && !request.path("network").asBoolean(false);
    }

    /** The answer for a line kept before apart from its id, with this line's id; null if there is none. */
    String answer(Split split) {
        String[] suffixes = answers.getIfPresent(split.rest());
        if (suffixes == null) {
            return null;
        }
        String prefix = prefix(split.id());
        StringBuilder out = new StringBuilder(weight("", suffixes) + suffixes.length * (prefix.length() + 1));
        for (int i = 0; i < suffixes.length; i++) {
            if (i > 0) {
                out.append('\n'); // an "ios" array answers with one line per release
            }
            out.append(prefix).append(suffixes[i]);
        }
        return out.toString();
    }

    /**
     * Keeps the answer (its lines, each starting with the line's id) to a request line seen before (see
     * {@link #seenOnce}).
     */
    void keep(Split split, String response) {
        int hash = split.rest().hashCode();
        int slot = hash & (SEEN_SLOTS - 1);
        if (seenOnce[slot] != hash) { // a racy write only loses a sighting
            seenOnce[slot] = hash;
            return;
        }
        String prefix = prefix(split.id());
        String[] lines = response.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith(prefix)) {
                return; // not of the shape this memo rebuilds: never kept
            }
            lines[i] = lines[i].substring(prefix.length());
        }
        answers.put(split.rest(), lines);
    }

    /** The start of each response line: {@code {"id":} and the id as {@link BatchProcessor} writes it. */
    private static String prefix(JsonNode id) {
        try {
            return ID_PREFIX + BatchProcessor.MAPPER.writeValueAsString(id);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an id", e);
        }
    }

    /** How many answers are held (tests). */
    long size() {
        answers.cleanUp();
        return answers.size();
    }
}
