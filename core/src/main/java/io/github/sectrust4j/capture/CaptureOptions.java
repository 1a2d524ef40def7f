package io.github.sectrust4j.capture;

import java.net.IDN;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link ServerPresentation#capture} connects. Immutable; start from {@link #defaults()}.
 *
 * @param connectTimeout longest wait for the TCP connection
 * @param readTimeout    longest wait for any single read (STARTTLS preamble or handshake)
 * @param totalTimeout   longest time for everything after connecting (a server that trickles bytes)
 * @param serverName     the SNI host name to send; empty: the host itself, unless it is an IP literal
 * @param sendServerName whether to send SNI at all
 * @param starttls       a plaintext mail preamble to speak before TLS, if any
 */
public record CaptureOptions(
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        Optional<String> serverName,
        boolean sendServerName,
        Optional<Starttls> starttls) {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public CaptureOptions {
        positive(connectTimeout, "connectTimeout");
        positive(readTimeout, "readTimeout");
        positive(totalTimeout, "totalTimeout");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(starttls, "starttls");
        serverName = serverName.map(CaptureOptions::asciiHostName);
    }

    /** 10 s to connect, 10 s per read, 30 s in all; SNI = the host; plain TLS. */
    public static CaptureOptions defaults() {
        return new CaptureOptions(
                DEFAULT_TIMEOUT,
                DEFAULT_TIMEOUT,
                DEFAULT_TIMEOUT.multipliedBy(3),
                Optional.empty(),
                true,
                Optional.empty());
    }

    /** Connect and read time-outs set to {@code timeout}, the whole exchange to three times it. */
    public CaptureOptions timeout(Duration timeout) {
        positive(timeout, "timeout");
        return new CaptureOptions(timeout, timeout, timeout.multipliedBy(3), serverName, sendServerName, starttls);
    }

    public CaptureOptions connectTimeout(Duration timeout) {
        return new CaptureOptions(timeout, readTimeout, totalTimeout, serverName, sendServerName, starttls);
    }

    public CaptureOptions readTimeout(Duration timeout) {
        return new CaptureOptions(connectTimeout, timeout, totalTimeout, serverName, sendServerName, starttls);
    }

    public CaptureOptions totalTimeout(Duration timeout) {
        return new CaptureOptions(connectTimeout, readTimeout, timeout, serverName, sendServerName, starttls);
    }

    /** Send this SNI host name instead of the host connected to (an IDN is sent as its A-label). */
    public CaptureOptions serverName(String name) {
        return new CaptureOptions(connectTimeout, readTimeout, totalTimeout, Optional.of(name), true, starttls);
    }

    /** Send no SNI (what old clients do; some servers then present a default certificate). */
    public CaptureOptions withoutServerName() {
        return new CaptureOptions(connectTimeout, readTimeout, totalTimeout, Optional.empty(), false, starttls);
    }

    /** Speak this mail protocol's STARTTLS dialogue before the handshake. */
    public CaptureOptions starttls(Starttls protocol) {
        return new CaptureOptions(
                connectTimeout, readTimeout, totalTimeout, serverName, sendServerName, Optional.of(protocol));
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    private static String asciiHostName(String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("serverName is empty");
        }
        try {
            return IDN.toASCII(name.trim(), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("serverName '" + name + "' is not a host name: " + e.getMessage());
        }
    }
}
