package io.github.sectrust4j.capture;

import java.io.IOException;
import java.util.Objects;

/**
 * The server's presentation could not be captured. The message is one line naming the server and the
 * cause, e.g. {@code sip.contoso.com:443: connection refused}.
 */
public final class CaptureException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that react differently (retry on a time-out, alert on refusal). */
    public enum Reason {
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** Nothing listens on the port, or the host is unreachable. */
        CONNECTION_REFUSED,
        /** Connecting, a read, or the whole exchange took longer than the options allow. */
        TIMEOUT,
        /** The STARTTLS dialogue failed (the server does not offer it or refused it). */
        STARTTLS,
        /** The TLS handshake failed before the server sent its certificates (e.g. a TLS alert). */
        HANDSHAKE,
        /** Any other I/O failure (connection reset, closed early). */
        IO
    }

    private final Reason reason;

    CaptureException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
