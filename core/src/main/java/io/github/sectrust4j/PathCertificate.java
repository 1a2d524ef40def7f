package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One certificate of the reported path (leaf first).
 *
 * @param sha256       SHA-256 fingerprint of the certificate DER, upper-case hex
 * @param subject      readable subject name
 * @param issuer       readable issuer name
 * @param notBefore    start of validity
 * @param notAfter     end of validity
 * @param role         position in the path
 * @param anchorSource where the anchor's trust came from; present only for {@link CertificateRole#ANCHOR}
 * @param presented    true if the server sent this certificate; false if it came from a trust store,
 *                     the device's cached intermediates or an AIA fetch
 * @param selfSigned   true if the certificate is self-signed: self-issued and its own key verifies its signature
 *                     (the fact behind {@code AnchorTrusted} versus {@code MissingIntermediate}, §2.3)
 */
public record PathCertificate(
        String sha256,
        String subject,
        String issuer,
        Instant notBefore,
        Instant notAfter,
        CertificateRole role,
        Optional<AnchorSource> anchorSource,
        boolean presented,
        boolean selfSigned) {
    public PathCertificate {
        requireNonNull(sha256, "sha256");
        requireNonNull(subject, "subject");
        requireNonNull(issuer, "issuer");
        requireNonNull(notBefore, "notBefore");
        requireNonNull(notAfter, "notAfter");
        requireNonNull(role, "role");
        requireNonNull(anchorSource, "anchorSource");
    }
}
