package io.github.sectrust4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines (terminated by LF, CRLF or end of input) with a length limit in characters, so one absurd line
 * cannot exhaust memory: the part beyond the limit is skipped and the line reported as too long. Malformed UTF-8
 * becomes U+FFFD as with an {@code InputStreamReader} over the whole input (a malformed sequence never spans an LF,
 * which is never part of one). A line that lies wholly in the buffer within the limit in bytes (the usual case) is
 * found by a word-at-a-time scan for its LF and decoded straight from the bytes into its String (ASCII: one copy);
 * one cut by the buffer's end is moved to its front and read on. Any other is decoded piece by piece. Not
 * thread-safe.
 */
final class LineReader {
    /** How much of a too-long line is kept (enough to find an {@code id} at its start). */
    static final int KEPT_PREFIX = 4096;

    /** One line: its text (the kept prefix when too long). */
    record Line(String text, boolean tooLong) {}

    private final InputStream in;
    private final int limit;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int end;
    private boolean eof;

    /** For lines not decoded in one piece; REPLACE, as an {@code InputStreamReader}. Made on first use. */
    private CharsetDecoder decoder;

    private CharBuffer chars;

    /** Run before a read that may wait for input. */
    private final Runnable beforeWait;

    LineReader(InputStream in, int limit) {
        this(in, limit, () -> {});
    }

    /** {@code beforeWait} runs before each read that may wait for input (e.g. to flush what was answered). */
    LineReader(InputStream in, int limit, Runnable beforeWait) {
        this.in = in;
        this.limit = limit;
        this.beforeWait = beforeWait;
    }

    /** The next line, or null at end of input. */
    Line next() throws IOException {
        String whole = bufferedLine();
        // a line cut by the buffer's end: read on behind it while it may still fit whole within the limit
        while (whole == null && end - pos < Math.min(buffer.length, (long) limit + 1) && fill()) {
            whole = bufferedLine();
        }
        if (whole != null) {
            return new Line(whole, false);
        }
        if (pos == end && !fill()) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        while (true) {
            int lf = ByteScan.indexOf(buffer, (byte) '\n', pos, end);
            ByteBuffer bytes = ByteBuffer.wrap(buffer, pos, (lf < 0 ? end : lf) - pos);
            tooLong = decode(bytes, lf >= 0, line, tooLong);
            if (lf >= 0) {
                pos = lf + 1;
                return finish(line, tooLong);
            }
            pos = bytes.position(); // what is left is the start of a sequence that the next read completes
            if (!fill()) { // end of input: an unfinished sequence is malformed
                tooLong = decode(ByteBuffer.wrap(buffer, pos, end - pos), true, line, tooLong);
                pos = end;
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

    /**
     * The next line when it lies wholly in the buffer within the limit counted in bytes (so in characters too),
     * else null.
     */
    private String bufferedLine() {
        int start = pos;
        int lf = ByteScan.indexOf(
                buffer, (byte) '\n', start, (int) Math.min(end, (long) start + limit + 1)); // a CR counts, as below
        if (lf < 0) {
            return null;
        }
        int to = lf > start && buffer[lf - 1] == '\r' ? lf - 1 : lf;
        pos = lf + 1;
        return new String(buffer, start, to - start, StandardCharsets.UTF_8);
    }

    /**
     * Decodes {@code bytes} onto {@code line}, keeping within the limit as the characters come (beyond it only the
     * first {@link #KEPT_PREFIX} characters); returns whether the line is too long. Without {@code lineEnds} an
     * unfinished sequence at the end is left in {@code bytes}.
     */
    private boolean decode(ByteBuffer bytes, boolean lineEnds, StringBuilder line, boolean tooLong) {
        if (decoder == null) {
            decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            chars = CharBuffer.allocate(8192);
        }
        boolean overflow = true;
        while (overflow) {
            CoderResult result = decoder.decode(bytes, chars, lineEnds);
            overflow = result.isOverflow();
            if (!overflow && lineEnds) {
                decoder.flush(chars);
                decoder.reset();
            }
            chars.flip();
            tooLong = append(line, chars, tooLong);
            chars.clear();
        }
        return tooLong;
    }

    private boolean append(StringBuilder line, CharBuffer piece, boolean tooLong) {
        int n = piece.remaining();
        if (!tooLong && line.length() + n > limit) {
            tooLong = true;
            line.setLength(Math.min(line.length(), KEPT_PREFIX));
        }
        if (tooLong) {
            // the first KEPT_PREFIX characters, however the input arrived
            n = Math.max(0, Math.min(KEPT_PREFIX - line.length(), n));
        }
        line.append(piece.array(), piece.arrayOffset() + piece.position(), n);
        return tooLong;
    }

    /** Reads more after what is left unread (moved to the front); false at end of input. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (availableNow() <= 0) {
            beforeWait.run();
        }
        int left = end - pos;
        System.arraycopy(buffer, pos, buffer, 0, left);
        pos = 0;
        end = left;
        int n = in.read(buffer, left, buffer.length - left);
        if (n == 0) {
            // a stream breaking InputStream's contract (it must block): an error, as InputStreamReader made it, never
            // a silent end of input that would leave the following lines unanswered
            throw new IOException("Underlying input stream returned zero bytes");
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        end = left + n;
        return true;
    }

    /** What the stream has without blocking; 0 if it cannot tell (BufferedReader.ready() swallowed this too). */
    private int availableNow() {
        try {
            return in.available();
        } catch (IOException e) {
            return 0;
        }
    }

    private static Line finish(StringBuilder line, boolean tooLong) {
        int len = line.length();
        if (!tooLong && len > 0 && line.charAt(len - 1) == '\r') {
            line.setLength(len - 1);
        }
        return new Line(line.toString(), tooLong);
    }
}
