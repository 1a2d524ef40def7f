package io.github.sectrust4j.capture;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The socket's input with three bounds: each read waits at most the read time-out, all reads together
 * end at the deadline (a server that trickles one byte at a time cannot hold a capture open), and at
 * most {@code maxBytes} are read in all.
 */
final class BoundedInput extends FilterInputStream {
    /** The whole exchange passed its deadline (as opposed to one read waiting too long). */
    static final class DeadlinePassed extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;

        DeadlinePassed() {
            super("deadline passed");
        }
    }

    /** The server sent more than any TLS handshake needs. */
    static final class TooMuchData extends IOException {
        private static final long serialVersionUID = 1L;

        TooMuchData(long maxBytes) {
            super("the server sent more than " + maxBytes + " bytes before its certificates were complete");
        }
    }

    private final Socket socket;
    private final int readTimeoutMillis;
    private final long deadlineNanos;
    private final long maxBytes;
    private long read;

    BoundedInput(Socket socket, InputStream in, int readTimeoutMillis, long deadlineNanos, long maxBytes) {
        super(in);
        this.socket = socket;
        this.readTimeoutMillis = readTimeoutMillis;
        this.deadlineNanos = deadlineNanos;
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        boolean capped = beforeRead();
        int b;
        try {
            b = super.read();
        } catch (SocketTimeoutException e) {
            throw capped ? new DeadlinePassed() : e;
        }
        if (b >= 0) {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        boolean capped = beforeRead();
        int n;
        try {
            n = super.read(buffer, offset, (int) Math.min(length, maxBytes - read));
        } catch (SocketTimeoutException e) {
            throw capped ? new DeadlinePassed() : e;
        }
        if (n > 0) {
            read += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return read(new byte[(int) Math.min(n, 4096)], 0, (int) Math.min(n, 4096));
    }

    /** Sets the socket's time-out for the next read; true when the deadline, not the read time-out, bounds it. */
    private boolean beforeRead() throws IOException {
        if (read >= maxBytes) {
            throw new TooMuchData(maxBytes);
        }
        long leftNanos = deadlineNanos - System.nanoTime();
        if (leftNanos <= 0) {
            throw new DeadlinePassed();
        }
        long leftMillis = (leftNanos + 999_999) / 1_000_000;
        socket.setSoTimeout((int) Math.min(readTimeoutMillis, leftMillis));
        return leftMillis < readTimeoutMillis;
    }
}
