package io.github.sectrust4j.profile;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.Cert;
import io.github.sectrust4j.cert.CertificateInput;

/**
 * One certificate payload of a profile.
 *
 * @param type        {@code com.apple.security.root}, {@code com.apple.security.pkcs1} or {@code com.apple.security.pem}
 * @param identifier  its {@code PayloadIdentifier}
 * @param uuid        its {@code PayloadUUID}
 * @param displayName its {@code PayloadDisplayName} ("" when absent)
 * @param location    where it sits, e.g. {@code PayloadContent[0]} or {@code PayloadContent[2].PayloadContent[0]}
 * @param certificate the certificate it installs
 */
public record CertificatePayload(
        String type, String identifier, String uuid, String displayName, String location, Cert certificate) {
    public CertificatePayload {
        requireNonNull(type, "type");
        requireNonNull(identifier, "identifier");
        requireNonNull(uuid, "uuid");
        requireNonNull(displayName, "displayName");
        requireNonNull(location, "location");
        certificate = CertificateInput.fromCert(requireNonNull(certificate, "certificate"));
    }

    /**
     * Whether iOS lists it as a root (Certificate Trust Settings): subject and issuer are the same name. Other
     * certificates are installed as intermediates the device can build paths with, not as anchors (§7.1).
     */
    public boolean isRoot() {
        return CertificateInput.fromCert(certificate).isSelfIssued();
    }
}
