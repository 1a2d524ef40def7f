package io.github.sectrust4j.profile;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.Cert;
import io.github.sectrust4j.cert.CertificateInput;
import java.util.Optional;

/**
 * The CMS signature of a signed profile. iOS does not require a signature for a manual install: it shows an
 * unsigned profile as "Unsigned" and one it cannot verify as "Not Verified". Only the cryptographic signature is
 * checked here; whether iOS shows the profile as "Verified" also depends on the signer's chain, which is not
 * evaluated.
 *
 * @param status            whether the signature verifies
 * @param signerSubject     the signer certificate's subject, or the issuer and serial number the signer names
 *                          when its certificate is not in the profile
 * @param signerCertificate the signer's certificate, when the profile includes it
 * @param detail            why the signature does not verify ("" when it does)
 */
public record ProfileSignature(Status status, String signerSubject, Optional<Cert> signerCertificate, String detail) {
    /** The outcome of checking the signature. */
    public enum Status {
        /** The signature over the profile verifies with the signer's certificate. */
        VALID,
        /** The signature does not verify: the profile was changed after signing, or signed with another key. */
        INVALID,
        /** The profile does not include the signer's certificate, so the signature cannot be checked. */
        SIGNER_CERTIFICATE_MISSING,
        /** The signature uses an algorithm or form that cannot be checked here. */
        UNVERIFIABLE
    }

    public ProfileSignature {
        requireNonNull(status, "status");
        requireNonNull(signerSubject, "signerSubject");
        signerCertificate =
                requireNonNull(signerCertificate, "signerCertificate").map(CertificateInput::fromCert);
        requireNonNull(detail, "detail");
    }

    /** True if the signature verifies. */
    public boolean verifies() {
        return status == Status.VALID;
    }

    /** One line for reports, e.g. {@code signed by CN=profiles.contoso.com; the signature verifies}. */
    public String describe() {
        String who = "signed by " + signerSubject;
        return switch (status) {
            case VALID ->
                who + "; the signature verifies (iOS shows \"Verified\" only if it also trusts the signer's chain)";
            case INVALID ->
                who + ", but the signature does NOT verify (" + detail + "): iOS shows such a profile as "
                        + "\"Not Verified\"; the profile may have been changed after signing";
            case SIGNER_CERTIFICATE_MISSING ->
                who + ", but the signer's certificate is not in the profile: the signature "
                        + "cannot be checked (iOS shows \"Not Verified\")";
            case UNVERIFIABLE -> who + "; the signature cannot be checked here (" + detail + ")";
        };
    }
}
