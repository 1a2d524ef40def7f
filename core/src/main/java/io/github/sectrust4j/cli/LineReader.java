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

    /** Run before a read that may wait for input. */
    private final Runnable beforeWait;

    LineReader(Reader in, int limit) {
        this(in, limit, () -> {});
    }

    /** {@code beforeWait} runs before each read that may wait for input (e.g. to flush what was answered). */
    LineReader(Reader in, int limit, Runnable beforeWait) {
        this.in = in;
        this.limit = limit;
        this.beforeWait = beforeWait;
    }

    /** The next line, or null at end of input. */
    Line next() throws IOException {
        String whole = bufferedLine();
        if (whole != null) {
            return new Line(whole, false);
        }
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
            if (!tooLong && line.length() + n > limit) {
                tooLong = true;
                line.setLength(Math.min(line.length(), KEPT_PREFIX));
            }
            if (tooLong) {
                // the first KEPT_PREFIX characters, however the input arrived (a limit below KEPT_PREFIX kept only
                // up to the end of the read that crossed it, so a piped line could keep less than the same in a file)
                line.append(buffer, start, Math.max(0, Math.min(KEPT_PREFIX - line.length(), n)));
            } else {
                line.append(buffer, start, n);
            }
            if (pos < end) { // at '\n'
                pos++;
                return finish(line, tooLong);
            }
        }
    }

    /**
     * The next line if it lies wholly in what was already read (no read, so never a wait), else null: a caller
     * gathering lines to hand over together stops where the next one would have to wait for input.
     */
    Line nextIfBuffered() {
        String whole = bufferedLine();
        return whole == null ? null : new Line(whole, false);
    }

    /** The next line when it lies wholly in the buffer within the limit (the usual case: one copy), else null. */
    private String bufferedLine() {
        int start = pos;
        int at = start;
        int stop = (int) Math.min(end, (long) start + limit + 1); // a CR counts towards the limit, as below
        while (at < stop && buffer[at] != '\n') {
            at++;
        }
        if (at == stop) {
            return null; // no LF within the limit in the buffer: the general path reads on
        }
        int to = at > start && buffer[at - 1] == '\r' ? at - 1 : at;
        pos = at + 1;
        return new String(buffer, start, to - start);
    }

    private boolean fill() throws IOException {
        if (!in.ready()) {
            beforeWait.run();
        }
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
