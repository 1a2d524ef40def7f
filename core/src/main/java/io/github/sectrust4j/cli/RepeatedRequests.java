package io.github.sectrust4j.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.io.IOException;

/**
 * Answers already given, by request line without its {@code id}: a line equal to an earlier one apart from the
 * value of its top-level {@code id} gets the earlier answer with its own id, without being parsed or evaluated
 * again (from its fourth occurrence: the third keeps the answer). Exact, because an answer whose request fixes {@code at} is a function of the line (the evaluation is a
 * pure function of its inputs): the caller keeps only such answers ({@link BatchProcessor}). Only a scalar id is
 * cut out, so the two lines also meet every per-line limit alike (a scalar is one token either way, and the new
 * id's length is checked while it is read). Bounded by weight, a share of the heap. Thread-safe.
 */
final class RepeatedRequests {
    /** Longer lines are not kept: a key holds a copy of its line. */
    static final int MAX_KEPT_LINE = 64 * 1024;

    private static final String ID_PREFIX = "{\"id\":";

    /**
     * A request line split around its top-level {@code id} value: the rest of the line (built only when it is
     * looked up or kept), and the id. The rest's sampled hash tells most lines never kept apart for a few dozen
     * characters read, not the whole line copied and hashed.
     */
    static final class Split {
        private final String line;
        private final int idFrom;
        private final int idTo;
        private final JsonNode id;
        private final int sampledHash;
        private String rest;

        /** {@code line} without {@code line[idFrom, idTo)}, the value of {@code id}. */
        Split(String line, int idFrom, int idTo, JsonNode id) {
            this.line = line;
            this.idFrom = idFrom;
            this.idTo = idTo;
            this.id = id;
            this.sampledHash = sampledHashOfRest();
        }

        JsonNode id() {
            return id;
        }

        int sampledHash() {
            return sampledHash;
        }

        /** The line without the id's value. */
        String rest() {
            if (rest == null) {
                rest = idFrom == idTo
                        ? line
                        : new StringBuilder(line.length() - (idTo - idFrom))
                                .append(line, 0, idFrom)
                                .append(line, idTo, line.length())
                                .toString();
            }
            return rest;
        }

        /**
         * A hash of {@link #rest()} from its length and at most {@value #HASH_SAMPLES} of its characters spread
         * evenly, read in place: equal rests have equal sampled hashes (any id).
         */
        private int sampledHashOfRest() {
            int cut = idTo - idFrom;
            int length = line.length() - cut;
            int step = Math.max(1, length / HASH_SAMPLES);
            int h = length;
            for (int i = 0; i < length; i += step) {
                h = 31 * h + line.charAt(i < idFrom ? i : i + cut);
            }
            return h;
        }
    }

    /** Characters of a line's rest that its sampled hash reads. */
    static final int HASH_SAMPLES = 64;

    /** Per kept request: the rest of the line → each response line after its {@code {"id":<id>}}. */
    private final Cache<String, String[]> answers;

    /**
     * Sampled hashes of lines seen, by their low bits: a stream of distinct lines costs a sampled hash each and no
     * copies. A line whose sampled hash was seen is then recorded by its full hash ({@link #seenOnceFully}), and
     * its answer kept when that was seen too: from its third occurrence, so that lines differing only in a few
     * characters the samples miss (another {@code at}) are not kept. A collision only keeps an answer early.
     */
    private final int[] seenOnce = new int[SEEN_SLOTS];

    /** As {@link #seenOnce}, by {@code rest().hashCode()}, for the lines whose sampled hash was seen. */
    private final int[] seenOnceFully = new int[SEEN_SLOTS];

    private static final int SEEN_SLOTS = 4096;

    /**
     * One flag per low bits of the sampled hash of every rest ever kept (never cleared): a line whose flag is
     * unset has no answer, whatever the memo holds, so it is not looked up. A racy write only costs a lookup.
     */
    private final byte[] kept = new byte[KEPT_FLAGS];

    private static final int KEPT_FLAGS = 1 << 16;

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
        Split plain = plainIdFirst(line);
        return plain != null ? plain : parsedSplit(line);
    }

    /** {@link #split} by a streaming parser, for any line up to {@link #MAX_KEPT_LINE}. */
    static Split parsedSplit(String line) {
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
                return new Split(line, (int) from, (int) to, given);
            }
            return new Split(
                    line, 0, 0, NullNode.instance); // no id: the rest of the line checked here is left to parse
        } catch (JsonProcessingException e) {
            return null; // the full parse answers it
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Longest id {@link #plainIdFirst} reads. */
    private static final int MAX_PLAIN_ID = 64;

    /**
     * The split of a line that starts {@code {"id":"} with a short id of letters, digits and {@code - _ . :} (what
     * pipelines send): the parser's split (the string's quotes cut out with it, a text node), found without a
     * parser; null for any other line.
     */
    private static Split plainIdFirst(String line) {
        if (!line.startsWith(ID_PREFIX + '"')) {
            return null;
        }
        int open = ID_PREFIX.length();
        for (int i = open + 1; i < line.length() && i <= open + 1 + MAX_PLAIN_ID; i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return new Split(line, open, i + 1, TextNode.valueOf(line.substring(open + 1, i)));
            }
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == ':';
            if (!plain) {
                return null;
            }
        }
        return null;
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
        if (kept[split.sampledHash & (KEPT_FLAGS - 1)] == 0) {
            return null;
        }
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
     * Keeps the answer (its lines, each starting with the line's id) to a request line seen twice before (see
     * {@link #seenOnce}).
     */
    void keep(Split split, String response) {
        if (!seenBefore(seenOnce, split.sampledHash)) {
            return; // the usual distinct line: no copy, no full hash
        }
        if (!seenBefore(seenOnceFully, split.rest().hashCode())) {
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
        kept[split.sampledHash & (KEPT_FLAGS - 1)] = 1; // a flag another thread misses only costs an evaluation
        answers.put(split.rest(), lines);
    }

    /** Whether {@code hash} was recorded in {@code seen}; records it if not (a racy write only loses a sighting). */
    private static boolean seenBefore(int[] seen, int hash) {
        int slot = hash & (SEEN_SLOTS - 1);
        if (seen[slot] == hash) {
            return true;
        }
        seen[slot] = hash;
        return false;
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
