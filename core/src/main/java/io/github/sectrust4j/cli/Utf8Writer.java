package io.github.sectrust4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * A buffered UTF-8 writer for the process's stdout: the bytes of {@code BufferedWriter} over an
 * {@code OutputStreamWriter} (malformed surrogates as {@code '?'}, a high surrogate at the end of a write kept for
 * the next one, even across {@link #flush}), made faster for the text {@code batch} writes. A response line is
 * Latin-1 text, mostly ASCII with a few {@code §}: the JDK's encoder takes the character-by-character path from the
 * first non-ASCII character on, where this converts the String to Latin-1 bytes in bulk (into arrays it keeps) and
 * writes their ASCII runs (found eight bytes a step) as they are. Not thread-safe (a {@code PrintWriter} serializes
 * its calls).
 */
final class Utf8Writer extends Writer {
    /** Shorter writes go character by character (a copy costs more than it saves). */
    private static final int BULK = 32;

    /** Characters converted at a time (a longer write goes in pieces). */
    private static final int SCRATCH = 8192;

    private final OutputStream out;
    private final byte[] buffer;
    private int count;

    private final char[] chars = new char[SCRATCH];
    private final byte[] latin1 = new byte[SCRATCH];
    private final CharsetEncoder latin1Encoder = StandardCharsets.ISO_8859_1.newEncoder(); // reports, never replaces

    /** A high surrogate that ended the last write, waiting for its low half; 0 when none. */
    private char pendingHigh;

    Utf8Writer(OutputStream out, int size) {
        this.out = out;
        this.buffer = new byte[Math.max(size, 16)];
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int at = off; at < off + len; ) {
            int n = Math.min(SCRATCH, off + len - at);
            writePiece(s, at, n);
            at += n;
        }
    }

    /** {@code s[off, off + n)}, at most {@link #SCRATCH} characters. */
    private void writePiece(String s, int off, int n) throws IOException {
        if (n < BULK || pendingHigh != 0) {
            for (int i = off; i < off + n; i++) {
                write(s.charAt(i));
            }
            return;
        }
        s.getChars(off, off + n, chars, 0);
        // the JDK's ISO-8859-1 encoder converts arrays in bulk and stops at a character beyond Latin-1
        CoderResult result =
                latin1Encoder.reset().encode(CharBuffer.wrap(chars, 0, n), ByteBuffer.wrap(latin1, 0, n), true);
        if (!result.isUnderflow()) {
            for (int i = 0; i < n; i++) {
                write(chars[i]);
            }
            return;
        }
        writeLatin1(n);
    }

    /** {@code latin1[0, n)} as UTF-8: runs below 0x80 as they are, each other byte as two. */
    private void writeLatin1(int n) throws IOException {
        int from = 0;
        int i = 0;
        while (true) {
            i = ByteScan.nonAscii(latin1, i, n);
            put(latin1, from, i - from);
            if (i == n) {
                return;
            }
            room(2);
            int c = latin1[i] & 0xff;
            buffer[count++] = (byte) (0xc0 | (c >> 6));
            buffer[count++] = (byte) (0x80 | (c & 0x3f));
            from = ++i;
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(cbuf[i]);
        }
    }

    @Override
    public void write(int ch) throws IOException {
        char c = (char) ch;
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int cp = Character.toCodePoint(high, c);
                room(4);
                buffer[count++] = (byte) (0xf0 | (cp >> 18));
                buffer[count++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                buffer[count++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buffer[count++] = (byte) (0x80 | (cp & 0x3f));
                return;
            }
            room(1);
            buffer[count++] = '?'; // a high surrogate alone
        }
        if (c < 0x80) {
            room(1);
            buffer[count++] = (byte) c;
        } else if (c < 0x800) {
            room(2);
            buffer[count++] = (byte) (0xc0 | (c >> 6));
            buffer[count++] = (byte) (0x80 | (c & 0x3f));
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            room(1);
            buffer[count++] = '?'; // a low surrogate alone
        } else {
            room(3);
            buffer[count++] = (byte) (0xe0 | (c >> 12));
            buffer[count++] = (byte) (0x80 | ((c >> 6) & 0x3f));
            buffer[count++] = (byte) (0x80 | (c & 0x3f));
        }
    }

    /** Copies {@code b[off, off + len)} into the buffer, writing it out as it fills. */
    private void put(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (count == buffer.length) {
                drain();
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(b, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /** Makes room for {@code n} (at most 4) bytes. */
    private void room(int n) throws IOException {
        if (buffer.length - count < n) {
            drain();
        }
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buffer, 0, count);
            count = 0;
        }
    }

    /** Writes what is buffered (not a pending high surrogate, as {@code OutputStreamWriter}) and flushes. */
    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            room(1);
            buffer[count++] = '?';
        }
        flush();
        out.close();
    }
}
