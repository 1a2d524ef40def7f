package io.github.sectrust4j.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Mail protocols whose servers switch to TLS on request: SMTP {@code STARTTLS} (RFC 3207), IMAP
 * {@code STARTTLS} (RFC 3501 §6.2.1) and POP3 {@code STLS} (RFC 2595 §4), as Exchange offers them.
 * The client side of the dialogue reads byte by byte (nothing of the server's TLS records is consumed)
 * and is bounded in line length and line count.
 */
public enum Starttls {
    SMTP(25),
    IMAP(143),
    POP3(110);

    private static final int MAX_LINE = 4096;
    private static final int MAX_LINES = 100;

    private final int defaultPort;

    Starttls(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** The protocol's plaintext port (25, 143, 110), on which STARTTLS is offered. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The lower-case name used on the command line ({@code smtp}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code smtp}, {@code imap} or {@code pop3} (any case). */
    public static Starttls fromLabel(String label) {
        for (Starttls s : values()) {
            if (s.label().equalsIgnoreCase(label.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("expected smtp, imap or pop3, got '" + label + "'");
    }

    /** Speaks the client side until the server agreed to start TLS; throws a one-line reason otherwise. */
    void negotiate(InputStream in, OutputStream out) throws IOException {
        switch (this) {
            case SMTP -> {
                String greeting = smtpReply(in, "greeting");
                if (!greeting.startsWith("220")) {
                    throw refused("greeting", greeting);
                }
                send(out, "EHLO sectrust4j.invalid\r\n");
                String ehlo = smtpReply(in, "EHLO reply");
                if (!ehlo.startsWith("250")) {
                    throw refused("EHLO reply", ehlo);
                }
                if (!ehlo.toUpperCase(Locale.ROOT).matches("(?s).*\\b250[- ]STARTTLS\\b.*")) {
                    throw new StarttlsRefused(
                            "the SMTP server does not offer STARTTLS (EHLO reply: " + firstLine(ehlo) + ")");
                }
                send(out, "STARTTLS\r\n");
                String go = smtpReply(in, "STARTTLS reply");
                if (!go.startsWith("220")) {
                    throw refused("STARTTLS reply", go);
                }
            }
            case IMAP -> {
                String greeting = line(in, "greeting");
                if (!greeting.startsWith("* OK")) {
                    throw refused("greeting", greeting);
                }
                send(out, "s1 STARTTLS\r\n");
                String reply;
                int lines = 0;
                do { // untagged lines may come first
                    if (++lines > MAX_LINES) {
                        throw new StarttlsRefused(
                                "the IMAP server sent " + MAX_LINES + " lines without answering STARTTLS");
                    }
                    reply = line(in, "STARTTLS reply");
                } while (reply.startsWith("* "));
                if (!reply.toUpperCase(Locale.ROOT).startsWith("S1 OK")) {
                    throw refused("STARTTLS reply", reply);
                }
            }
            case POP3 -> {
                String greeting = line(in, "greeting");
                if (!greeting.startsWith("+OK")) {
                    throw refused("greeting", greeting);
                }
                send(out, "STLS\r\n");
                String go = line(in, "STLS reply");
                if (!go.startsWith("+OK")) {
                    throw refused("STLS reply", go);
                }
            }
        }
    }

    /** Thrown inside the dialogue; {@link ServerPresentation} turns it into a {@link CaptureException}. */
    static final class StarttlsRefused extends IOException {
        private static final long serialVersionUID = 1L;

        StarttlsRefused(String message) {
            super(message);
        }
    }

    private StarttlsRefused refused(String what, String reply) {
        return new StarttlsRefused(
                "the " + this + " server refused: unexpected " + what + " '" + firstLine(reply) + "'");
    }

    /** An SMTP reply: lines "ddd-text" continue, "ddd text" ends it (RFC 5321 §4.2.1). */
    private static String smtpReply(InputStream in, String what) throws IOException {
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < MAX_LINES; i++) {
            String l = line(in, what);
            reply.append(l).append('\n');
            if (l.length() < 4 || l.charAt(3) != '-') {
                return reply.toString();
            }
        }
        throw new StarttlsRefused("the SMTP " + what + " has more than " + MAX_LINES + " lines");
    }

    private static String line(InputStream in, String what) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int n = 0; n <= MAX_LINE; n++) {
            int b = in.read();
            if (b < 0) {
                throw new StarttlsRefused("the server closed the connection (waiting for the " + what + ")");
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).replaceFirst("\r$", "");
            }
            line.write(b);
        }
        throw new StarttlsRefused("the server's " + what + " has a line longer than " + MAX_LINE + " bytes (is this a "
                + "mail server?)");
    }

    private static String firstLine(String reply) {
        String first = reply.lines().findFirst().orElse("").strip();
        // printable ASCII only, so a binary answer (e.g. a TLS alert) cannot garble the message
        first = first.replaceAll("[^\\x20-\\x7e]", "?");
        return first.length() > 120 ? first.substring(0, 120) + "..." : first;
    }

    private static void send(OutputStream out, String command) throws IOException {
        out.write(command.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
