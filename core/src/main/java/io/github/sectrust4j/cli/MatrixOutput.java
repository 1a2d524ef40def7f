package io.github.sectrust4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.HostName;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustMatrix;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.report.JsonReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * What {@code evaluate} prints: one report as before (with a note when the host name was changed), or a
 * {@link TrustMatrix} as its text report or as JSON lines, one response object per (host, release).
 */
final class MatrixOutput {
    /** Extension field of the response object: what was changed in the host name given, and why. */
    static final String HOST_NOTICE = "hostNotice";

    private MatrixOutput() {}

    /** The text report, preceded by the host-name notice if there is one. */
    static String text(TrustReport report, Optional<String> notice) {
        return notice.map(n -> "Note: " + n + "\n\n").orElse("") + report.explain();
    }

    /**
     * The response object; {@value #HOST_NOTICE} appended when the host name was changed, then
     * {@code ctLogList}: the CT log list the report was judged with.
     */
    static String json(TrustReport report, Optional<String> notice, ObjectNode ctLogList) {
        ObjectNode node = JsonReport.toNode(report);
        notice.ifPresent(n -> node.put(HOST_NOTICE, n));
        node.set("ctLogList", ctLogList);
        try {
            return BatchProcessor.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the matrix; exit status 0 only when every (host, release) is trusted. */
    static int print(PrintWriter out, TrustMatrix matrix, boolean asJson, SecTrust trust) {
        if (asJson) {
            for (TrustMatrix.Cell c : matrix.cells()) {
                out.print(json(
                        c.report(), c.host().flatMap(HostName::notice), CtLogCacheOptions.describe(trust, c.report())));
                out.print('\n');
            }
        } else {
            out.print(matrix.explain());
            out.println();
            matrix.cells().stream()
                    .map(c -> CtLogCacheOptions.line(CtLogCacheOptions.describe(trust, c.report())))
                    .distinct()
                    .forEach(out::println);
        }
        out.flush();
        return matrix.allTrusted() ? 0 : 1;
    }
}
