package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code batch --format table}: the responses as a table a person reads — one row per request
 * (id, iOS release, verdict, the one error, the top finding), the fix on the line below, and a
 * closing count. Rendered from the JSON response lines, so the table can never say something the
 * contract's JSON does not.
 *
 * <p>Rows are printed as soon as they arrive (the column widths are fixed, not measured), so memory
 * stays bounded however long the input.
 */
final class BatchTable {
    private static final int ID = 49;
    private static final int IOS = 6;
    private static final int VERDICT = 13;
    private static final int ERROR = 40;
    private static final int WIDTH = 110;
    /** Longest fix text shown; the JSON lines have all of it. */
    private static final int MAX_FIX = 400;

    private static final int MAX_FINDING = 120;

    private final PrintWriter out;
    private final BatchTally tally = new BatchTally();

    BatchTable(PrintWriter out) {
        this.out = out;
        out.println(
                pad("REQUEST", ID) + pad("iOS", IOS) + pad("VERDICT", VERDICT) + pad("ERROR", ERROR) + "TOP FINDING");
    }

    /** One response line of the batch contract. */
    void row(String responseJson) {
        JsonNode r;
        try {
            r = BatchProcessor.MAPPER.readTree(responseJson);
        } catch (IOException e) {
            r = null;
        }
        BatchTally.Kind kind = tally.add(r);
        if (r == null || !r.isObject()) {
            out.println("(response " + tally.responses() + " is not a JSON object)");
            return;
        }
        String id = r.path("id").isMissingNode() || r.path("id").isNull()
                ? "#" + tally.responses()
                : r.path("id").asText();
        JsonNode error = r.path("error");
        if (kind == BatchTally.Kind.INPUT_ERROR || kind == BatchTally.Kind.INTERNAL_ERROR) {
            boolean input = kind == BatchTally.Kind.INPUT_ERROR;
            out.println(pad(id, ID) + pad("", IOS) + (input ? "INPUT ERROR" : "INTERNAL ERROR"));
            wrap("  ", (input ? error.path("input") : error.path("internal")).asText());
            return;
        }
        boolean ok = kind == BatchTally.Kind.TRUSTED;
        String err = error.has("name") ? error.path("name").asText() : "-";
        JsonNode top = firstFailure(r.path("findings"));
        String finding = top == null ? (ok ? "" : "-") : describe(top);
        out.println((pad(id, ID)
                        + pad(r.path("ios").asText(""), IOS)
                        + pad(ok ? "trusted" : "NOT TRUSTED", VERDICT)
                        + pad(err, ERROR)
                        + finding)
                .stripTrailing());
        if (top != null && top.hasNonNull("remedy")) {
            String fix = top.path("remedy").asText();
            wrap("  fix: ", fix.length() > MAX_FIX ? fix.substring(0, MAX_FIX - 1) + "…" : fix);
        }
    }

    /** The closing count. */
    void finish() {
        out.println();
        long rows = tally.responses();
        out.println(rows + (rows == 1 ? " answer: " : " answers: ") + tally.summary()
                + " (JSON lines with every finding: run without --format table)");
        out.flush();
    }

    /** The findings are ordered failures first, in iOS's reporting order (TrustReport#findings). */
    private static JsonNode firstFailure(JsonNode findings) {
        for (JsonNode f : findings) {
            if (!"INFO".equals(f.path("severity").asText())) {
                return f;
            }
        }
        return null;
    }

    private static String describe(JsonNode f) {
        String s = f.path("code").asText();
        if (f.has("certificate")) {
            s += " at [" + f.path("certificate").asInt() + "]";
        }
        if (f.hasNonNull("subject")) {
            s += " " + f.path("subject").asText();
        }
        return s.length() > MAX_FINDING ? s.substring(0, MAX_FINDING - 1) + "…" : s;
    }

    private void wrap(String first, String text) {
        String indent = " ".repeat(first.length());
        String prefix = first;
        StringBuilder line = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && prefix.length() + line.length() + 1 + word.length() > WIDTH) {
                lines.add(prefix + line);
                prefix = indent;
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(prefix + line);
        }
        lines.forEach(out::println);
    }

    private static String pad(String s, int width) {
        if (s.length() >= width) {
            return s.substring(0, width - 2) + "… ";
        }
        return s + " ".repeat(width - s.length());
    }
}
