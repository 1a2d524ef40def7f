package io.github.sectrust4j.capture;

import io.github.sectrust4j.Cert;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.ct.internal.SctLists;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * What a TLS server presented in one handshake: its certificates in the order sent, the stapled OCSP
 * response, the SCTs from the TLS extension, the negotiated protocol and the SNI name sent. Captured
 * without validating anything (a broken chain is exactly what must be seen) and then evaluated like
 * any other input:
 *
 * <pre>{@code
 * ServerPresentation presented = ServerPresentation.capture("sip.contoso.com", 443, CaptureOptions.defaults());
 * TrustReport report = presented.evaluate(SecTrust.ios("17.4").forServer("sip.contoso.com"));
 * }</pre>
 *
 * <p>{@link #capture} is the library's only network code and runs only when called; everything else,
 * including {@link #evaluate}, is offline and deterministic. Immutable and thread-safe.
 */
public final class ServerPresentation {
    /** Bytes read from one server before the capture gives up (STARTTLS preamble and handshake together). */
    static final long MAX_BYTES = 2L << 20;

    private final String host;
    private final int port;
    private final Optional<String> serverName;
    private final Optional<Starttls> starttls;
    private final String protocol;
    private final List<byte[]> certificates;
    private final Optional<byte[]> stapledOcsp;
    private final Optional<byte[]> sctList;
    private final Optional<String> handshakeFailure;

    private ServerPresentation(
            String host,
            int port,
            Optional<String> serverName,
            Optional<Starttls> starttls,
            String protocol,
            List<byte[]> certificates,
            Optional<byte[]> stapledOcsp,
            Optional<byte[]> sctList,
            Optional<String> handshakeFailure) {
        this.host = host;
        this.port = port;
        this.serverName = serverName;
        this.starttls = starttls;
        this.protocol = protocol;
        this.certificates = certificates.stream().map(byte[]::clone).toList();
        this.stapledOcsp = stapledOcsp.map(byte[]::clone);
        this.sctList = sctList.map(byte[]::clone);
        this.handshakeFailure = handshakeFailure;
    }

    /**
     * Connects to {@code host:port}, optionally speaks the STARTTLS preamble, performs one TLS handshake
     * that accepts any certificate, records what the server presented and closes the connection. Uses the
     * network: call it only when the user asked for a live server.
     *
     * @throws CaptureException with a one-line message when nothing was captured (unknown host, refused,
     *     time-out, STARTTLS refused, TLS alert before the certificates)
     */
    public static ServerPresentation capture(String host, int port, CaptureOptions options) throws CaptureException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(options, "options");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        String where = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        Optional<String> sni = !options.sendServerName()
                ? Optional.empty()
                : options.serverName()
                        .or(() -> isIpLiteral(host) ? Optional.empty() : Optional.of(host))
                        .map(ServerPresentation::asciiOrNull)
                        .flatMap(Optional::ofNullable);
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new CaptureException(CaptureException.Reason.UNKNOWN_HOST, where + ": unknown host", e);
        }
        CapturingTlsClient client = new CapturingTlsClient(new BcTlsCrypto(new SecureRandom()), sni);
        long deadline = 0;
        try (Socket socket = new Socket()) {
            socket.connect(address, millis(options.connectTimeout()));
            deadline = System.nanoTime() + options.totalTimeout().toNanos();
            InputStream in = new BoundedInput(
                    socket, socket.getInputStream(), millis(options.readTimeout()), deadline, MAX_BYTES);
            OutputStream out = socket.getOutputStream();
            if (options.starttls().isPresent()) {
                options.starttls().get().negotiate(in, out);
            }
            TlsClientProtocol tls = new TlsClientProtocol(in, out);
            try {
                tls.connect(client);
                tls.close();
            } catch (IOException | RuntimeException e) {
                if (client.certificates() == null) {
                    throw e;
                }
                // the certificates arrived; the rest of the handshake is not what we came for
                return from(host, port, sni, options, client, Optional.of(describe(e, options, deadline)));
            }
            return from(host, port, sni, options, client, Optional.empty());
        } catch (CaptureException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CaptureException(reason(e), where + ": " + describe(e, options, deadline), e);
        }
    }

    private static ServerPresentation from(
            String host,
            int port,
            Optional<String> sni,
            CaptureOptions options,
            CapturingTlsClient client,
            Optional<String> failure) {
        return new ServerPresentation(
                host,
                port,
                sni,
                options.starttls(),
                client.protocol().orElse("unknown"),
                client.certificates(),
                client.stapledOcsp(),
                client.sctList(),
                failure);
    }

    /** The host connected to (and, unless told otherwise, the name to evaluate against). */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The SNI host name sent in the ClientHello, if any (none for an IP literal unless given). */
    public Optional<String> serverName() {
        return serverName;
    }

    /** The STARTTLS dialogue spoken before TLS, if any. */
    public Optional<Starttls> starttls() {
        return starttls;
    }

    /** The negotiated protocol in JSSE's spelling: {@code TLSv1.3}, {@code TLSv1.2}, ... */
    public String protocol() {
        return protocol;
    }

    /** The certificates exactly as the server sent them (DER, in order; copies). */
    public List<byte[]> certificatesDer() {
        return certificates.stream().map(byte[]::clone).toList();
    }

    /**
     * The certificates parsed as iOS parses them, in the order sent.
     *
     * @throws CertificateInputException if the server sent one iOS could not parse (or none at all)
     */
    public List<Cert> certificates() {
        return List.copyOf(CertificateInput.fromDerList(certificates));
    }

    /** The certificates as PEM, in the order sent (for {@code --save-chain} and for the record). */
    public String pem() {
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        StringBuilder pem = new StringBuilder();
        for (byte[] der : certificates) {
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(base64.encodeToString(der))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return pem.toString();
    }

    /** The stapled OCSP response (DER, as sent), if the server stapled one. */
    public Optional<byte[]> stapledOcsp() {
        return stapledOcsp.map(byte[]::clone);
    }

    /** The serialized SignedCertificateTimestampList from the TLS extension, if the server sent one. */
    public Optional<byte[]> sctList() {
        return sctList.map(byte[]::clone);
    }

    /**
     * The individual SCTs of {@link #sctList()}; empty when there is none or its framing is malformed
     * (iOS then discards the whole list, §8.2).
     */
    public List<byte[]> scts() {
        return sctList.flatMap(list -> SctLists.splitTlsList(list).value()).orElse(List.of());
    }

    /**
     * Why the handshake did not complete after the certificates arrived (e.g. the server's key does not
     * match the first certificate); empty when it completed. What was presented is still all here.
     */
    public Optional<String> handshakeFailure() {
        return handshakeFailure;
    }

    /** {@code trust} with this presentation's stapled OCSP response and TLS SCTs as inputs. */
    public SecTrust applyTo(SecTrust trust) {
        SecTrust with = trust;
        if (stapledOcsp.isPresent()) {
            with = with.withStapledOcsp(stapledOcsp.get());
        }
        for (byte[] sct : scts()) {
            with = with.withSct(sct);
        }
        return with;
    }

    /**
     * Evaluates what the server presented: its certificates with its stapled OCSP response and TLS SCTs.
     * The host name to match is {@code trust}'s ({@link SecTrust#forServer}); offline and deterministic.
     *
     * @throws CertificateInputException if the server sent a certificate iOS could not parse
     */
    public TrustReport evaluate(SecTrust trust) {
        return applyTo(trust).evaluate(certificates());
    }

    /** One line for people: what was captured from where. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(certificates.size() + (certificates.size() == 1 ? " certificate" : " certificates"));
        parts.add(protocol);
        serverName.ifPresentOrElse(n -> parts.add("SNI " + n), () -> parts.add("no SNI"));
        starttls.ifPresent(s -> parts.add("STARTTLS " + s.label()));
        parts.add(stapledOcsp.isPresent() ? "stapled OCSP response" : "no stapled OCSP response");
        parts.add(sctList.isPresent() ? scts().size() + " SCTs in the TLS extension" : "no SCTs in the TLS extension");
        return "captured from " + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + ": "
                + String.join(", ", parts);
    }

    @Override
    public String toString() {
        return "ServerPresentation[" + summary() + "]";
    }

    private static CaptureException.Reason reason(Exception e) {
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return CaptureException.Reason.CONNECTION_REFUSED;
        }
        if (e instanceof SocketTimeoutException) {
            return CaptureException.Reason.TIMEOUT;
        }
        if (e instanceof Starttls.StarttlsRefused) {
            return CaptureException.Reason.STARTTLS;
        }
        if (e instanceof TlsFatalAlert || e instanceof TlsFatalAlertReceived) {
            return CaptureException.Reason.HANDSHAKE;
        }
        return CaptureException.Reason.IO;
    }

    /** The cause in a few words, without a stack trace or a class name where a sentence will do. */
    private static String describe(Exception e, CaptureOptions options, long deadline) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (e instanceof SocketTimeoutException) {
            if (deadline == 0) {
                return "timed out after " + seconds(options.connectTimeout()) + " connecting";
            }
            if (e instanceof BoundedInput.DeadlinePassed) {
                return "the server did not finish the exchange within " + seconds(options.totalTimeout());
            }
            return "timed out after " + seconds(options.readTimeout()) + " waiting for the server"
                    + (options.starttls().isPresent()
                            ? " (is STARTTLS " + options.starttls().get().label() + " right for this port?)"
                            : "");
        }
        if (e instanceof TlsFatalAlertReceived received) {
            return "the server ended the TLS handshake with alert "
                    + AlertDescription.getText(received.getAlertDescription());
        }
        if (e instanceof TlsFatalAlert alert) {
            String text = "TLS handshake failed (" + AlertDescription.getText(alert.getAlertDescription()) + ")";
            return alert.getCause() instanceof EOFException
                            || alert.getAlertDescription() == AlertDescription.handshake_failure
                                    && alert.getCause() == null
                    ? "the server closed the connection during the TLS handshake"
                    : text;
        }
        if (e instanceof EOFException) {
            return "the server closed the connection";
        }
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? e.getClass().getSimpleName()
                : message.replaceAll("[\\r\\n]+", " ");
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String asciiOrNull(String name) {
        try {
            return java.net.IDN.toASCII(name, java.net.IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
