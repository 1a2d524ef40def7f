package io.github.sectrust4j.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines (terminated by LF, CRLF or end of input) with a length limit, so one absurd line
 * cannot exhaust memory: the part beyond the limit is skipped and the line reported as too long.
 * Not thread-safe.
 */
final class LineReader {
    /** How much of a too-long line is kept (enough to find an {@code id} at its start). */
    static final int KEPT_PREFIX = 4096;

    /** One line: its text (the kept prefix when too long). */
    record Line(String text, boolean tooLong) {}

    private final Reader in;
    private final int limit;
    private final char[] buffer = new char[64 * 1024];
    private int pos;
    private int end;
    private boolean eof;

    LineReader(Reader in, int limit) {
        this.in = in;
        this.limit = limit;
    }

    /** The next line, or null at end of input. */
    Line next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                if (eof || !fill()) {
                    return any ? finish(line, tooLong) : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buffer[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            if (!tooLong) {
                if (line.length() + n > limit) {
                    tooLong = true;
                    int keep = Math.max(0, Math.min(KEPT_PREFIX - line.length(), n));
                    line.append(buffer, start, keep);
                    line.setLength(Math.min(line.length(), KEPT_PREFIX));
                } else {
                    line.append(buffer, start, n);
                }
            }
            if (pos < end) { // at '\n'
                pos++;
                return finish(line, tooLong);
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    private static Line finish(StringBuilder line, boolean tooLong) {
        int len = line.length();
        if (!tooLong && len > 0 && line.charAt(len - 1) == '\r') {
            line.setLength(len - 1);
        }
        return new Line(line.toString(), tooLong);
    }
}
