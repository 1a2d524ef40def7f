package io.github.sectrust4j.cert;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The certificates a server sent, as iOS's parser sees them: those it can parse (leaf first) and, by their
 * position in what was sent, those it cannot ({@code SecCertificateCreateWithData} returns NULL, e.g. for a
 * signature BIT STRING with unused bits). iOS cannot build a trust object from an array holding such an
 * entry, so the chain is refused (§14.2 step 1); the leaf itself must parse, or there is nothing to
 * evaluate (an input error).
 *
 * @param certificates the parsed certificates in the order sent, leaf first
 * @param unparseable  the entries iOS cannot parse, by position in the order sent (never position 0)
 */
public record ServerChain(List<Certificate> certificates, List<Unparseable> unparseable) {
    public ServerChain {
        certificates = List.copyOf(certificates);
        unparseable = List.copyOf(unparseable);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a server chain holds at least the leaf");
        }
    }

    /** One sent entry iOS cannot parse: its 0-based position among the certificates sent, and why. */
    public record Unparseable(int position, String reason) {
        public Unparseable {
            requireNonNull(reason, "reason");
            if (position < 1) {
                throw new IllegalArgumentException("the leaf (position 0) must parse; position " + position);
            }
        }
    }

    /** A chain of parsed certificates only. */
    public static ServerChain of(List<Certificate> certificates) {
        return new ServerChain(certificates, List.of());
    }
}
