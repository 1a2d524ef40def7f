package io.github.sectrust4j.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A buffered UTF-8 writer for the process's stdout: the bytes of {@code BufferedWriter} over an
 * {@code OutputStreamWriter} (malformed surrogates as {@code '?'}, a high surrogate at the end of a write kept for
 * the next one, even across {@link #flush}), made faster for the text {@code batch} writes. A response line is
 * Latin-1 text, mostly ASCII with a few {@code §}: the JDK's encoder takes the character-by-character path from the
 * first non-ASCII character on, where this copies the String's Latin-1 bytes and writes its ASCII runs (found eight
 * bytes a step) in bulk. Not thread-safe (a {@code PrintWriter} serializes its calls).
 */
final class Utf8Writer extends Writer {
    /** Shorter writes go character by character (a copy costs more than it saves). */
    private static final int BULK = 32;

    private final OutputStream out;
    private final byte[] buffer;
    private int count;

    /** A high surrogate that ended the last write, waiting for its low half; 0 when none. */
    private char pendingHigh;

    Utf8Writer(OutputStream out, int size) {
        this.out = out;
        this.buffer = new byte[Math.max(size, 16)];
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        if (len < BULK || pendingHigh != 0) {
            for (int i = off; i < off + len; i++) {
                write(s.charAt(i));
            }
            return;
        }
        String text = off == 0 && len == s.length() ? s : s.substring(off, off + len);
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        // each character beyond Latin-1 (a surrogate pair too) became a '?': without one, latin1 is the text
        if (latin1.length != len || ByteScan.indexOf(latin1, (byte) '?', 0, len) >= 0) {
            for (int i = 0; i < len; i++) {
                write(text.charAt(i));
            }
            return;
        }
        writeLatin1(latin1);
    }

    /** Latin-1 bytes as UTF-8: runs below 0x80 as they are, each other byte as two. */
    private void writeLatin1(byte[] latin1) throws IOException {
        int n = latin1.length;
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
