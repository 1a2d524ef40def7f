package io.github.sectrust4j.cli;

import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.HostName;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.capture.CaptureException;
import io.github.sectrust4j.capture.CaptureOptions;
import io.github.sectrust4j.capture.ServerPresentation;
import io.github.sectrust4j.capture.Starttls;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.cert.ServerChain;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code evaluate --connect}: the options for capturing a live server's presentation and the glue that
 * turns the capture into the chain, the host and the stapled inputs of the evaluation. The network is
 * used only when {@code --connect} is given.
 */
final class LiveServerOptions {
    private static final int DEFAULT_PORT = 443;

    @Option(
            names = "--connect",
            paramLabel = "HOST[:PORT]",
            description = "Connect to this server (port 443, or the --starttls protocol's port) and evaluate "
                    + "exactly what it presents: certificates in order, stapled OCSP, SCTs from the TLS "
                    + "extension. Uses the network; nothing is validated during the handshake. Instead of CHAIN.pem.")
    private String connect;

    @Option(
            names = "--sni",
            paramLabel = "NAME",
            description = "Server name to send in SNI (default: the first --host name, as an iPhone sends the name "
                    + "it connects to; else the --connect host unless it is an IP address).")
    private String sni;

    @Option(
            names = "--starttls",
            paramLabel = "PROTOCOL",
            description = "Speak smtp, imap or pop3 (STLS) in plaintext first, then TLS (Exchange, mail relays).")
    private String starttls;

    @Option(
            names = "--save-chain",
            paramLabel = "FILE",
            description = "Write the captured certificates, in the order sent, as PEM (with --connect).")
    private Path saveChain;

    @Option(
            names = "--connect-timeout",
            paramLabel = "SECONDS",
            description = "Longest wait for connecting and for each read (default 10; the whole exchange gets "
                    + "three times as long).")
    private BigDecimal connectTimeout;

    private ServerPresentation captured;
    private String where;

    /**
     * Captures the server when {@code --connect} is given (one handshake; notices on stderr), after checking
     * that the options go together. Does nothing otherwise.
     */
    void capture(CommandLine command, String chainFile, Optional<HostName> checkedName) {
        if (connect == null) {
            String orphan = sni != null
                    ? "--sni"
                    : starttls != null
                            ? "--starttls"
                            : saveChain != null ? "--save-chain" : connectTimeout != null ? "--connect-timeout" : null;
            if (orphan != null) {
                throw new InputError(orphan + " needs --connect HOST[:PORT]");
            }
            if (chainFile == null) {
                throw new CommandLine.ParameterException(
                        command, "Missing required parameter: 'CHAIN.pem' (or --connect HOST[:PORT])");
            }
            return;
        }
        if (chainFile != null) {
            throw new InputError("give CHAIN.pem or --connect, not both");
        }
        CaptureOptions options = CaptureOptions.defaults();
        Optional<Starttls> mail = Optional.empty();
        if (starttls != null) {
            try {
                mail = Optional.of(Starttls.fromLabel(starttls));
            } catch (IllegalArgumentException e) {
                throw new InputError("--starttls: " + e.getMessage());
            }
            options = options.starttls(mail.get());
        }
        if (connectTimeout != null) {
            if (connectTimeout.signum() <= 0 || connectTimeout.compareTo(BigDecimal.valueOf(3600)) > 0) {
                throw new InputError("--connect-timeout: expected seconds between 0 and 3600, got " + connectTimeout);
            }
            options = options.timeout(Duration.ofMillis(
                    Math.max(1, connectTimeout.movePointRight(3).longValue())));
        }
        // the device sends SNI for the name it was asked to reach: evaluating what the server presents to
        // another name (or to no name, for an IP) would judge a certificate the iPhone never sees
        Optional<String> serverName = sni != null
                ? Optional.of(sni)
                : checkedName.filter(h -> !h.isIpLiteral()).map(HostName::value);
        if (serverName.isPresent()) {
            try {
                options = options.serverName(serverName.get());
            } catch (IllegalArgumentException e) {
                throw new InputError("--sni: " + e.getMessage());
            }
        }
        HostPort target =
                HostPort.parse(connect, mail.map(Starttls::defaultPort).orElse(DEFAULT_PORT));
        where = "--connect " + connect;
        try {
            captured = ServerPresentation.capture(target.host(), target.port(), options);
        } catch (CaptureException e) {
            throw new InputError(e.getMessage());
        }
        if (saveChain != null) {
            InputFiles.write(saveChain, "--save-chain", captured.pem().getBytes(StandardCharsets.US_ASCII));
        }
        command.getErr().println(captured.summary());
        captured.handshakeFailure()
                .ifPresent(failure -> command.getErr()
                        .println("note: the handshake did not complete after the certificates arrived (" + failure
                                + "); evaluating what was presented"));
        command.getErr().flush();
    }

    /** The host to match when {@code --host} is not given: the --sni name, else the one connected to. */
    Optional<String> host() {
        return Optional.ofNullable(captured).map(c -> sni != null ? sni : c.host());
    }

    /**
     * The captured chain, if a server was captured: read as a chain from a file is (§14.2 step 1), so a
     * certificate after the leaf that iOS cannot parse gives a verdict, not an input error.
     */
    Optional<ServerChain> chain() {
        if (captured == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CertificateInput.serverChain(captured.pem()));
        } catch (CertificateInputException e) {
            throw new InputError(Inputs.certificateMessage(where + ": the server's certificate", e), e);
        }
    }

    /** {@code trust} with the captured stapled OCSP response and TLS SCTs (unchanged without a capture). */
    SecTrust applyTo(SecTrust trust) {
        return captured == null ? trust : captured.applyTo(trust);
    }

    /** {@code host}, {@code host:port}, {@code [v6]:port} or a bare IPv6 literal. */
    record HostPort(String host, int port) {
        static HostPort parse(String text, int defaultPort) {
            String t = text.trim();
            if (t.isEmpty() || t.contains("/") || t.contains("@") || t.contains(" ")) {
                throw new InputError("--connect: expected HOST[:PORT] (e.g. sip.contoso.com or sip.contoso.com:5061), "
                        + "got '" + text + "'");
            }
            if (t.startsWith("[")) {
                int close = t.indexOf(']');
                if (close < 0) {
                    throw new InputError("--connect: missing ']' in '" + text + "'");
                }
                String rest = t.substring(close + 1);
                if (!rest.isEmpty() && !rest.startsWith(":")) {
                    throw new InputError("--connect: expected [IPv6]:PORT, got '" + text + "'");
                }
                return new HostPort(
                        t.substring(1, close), rest.isEmpty() ? defaultPort : port(rest.substring(1), text));
            }
            int colon = t.lastIndexOf(':');
            if (colon < 0 || t.indexOf(':') != colon) { // no port, or a bare IPv6 literal
                return new HostPort(t, defaultPort);
            }
            if (colon == 0) {
                throw new InputError("--connect: no host in '" + text + "'");
            }
            return new HostPort(t.substring(0, colon), port(t.substring(colon + 1), text));
        }

        private static int port(String digits, String text) {
            if (!digits.matches("[0-9]{1,5}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65_535) {
                throw new InputError("--connect: port must be 1..65535 in '" + text + "'");
            }
            return Integer.parseInt(digits);
        }
    }
}
