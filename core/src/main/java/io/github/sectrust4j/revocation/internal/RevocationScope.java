package io.github.sectrust4j.revocation.internal;

import io.github.sectrust4j.cert.CertificateInput;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;

/** Which chain positions get revocation work (spec §9.1, §9.2 step 1). Pure functions. */
public final class RevocationScope {
    private RevocationScope() {}

    /**
     * Why OCSP is not consulted for the certificate at {@code position} of a path of {@code pathLength}
     * certificates, or empty if it is.
     *
     * @param certificateDer the certificate at {@code position}
     * @param selfSigned     as decided by the path builder (subject = issuer and own key verifies)
     * @throws IllegalArgumentException if {@code certificateDer} is not a certificate or position is out of range
     */
    public static Optional<SkipReason> ocspSkipReason(
            byte[] certificateDer, int position, int pathLength, boolean selfSigned) {
        Optional<SkipReason> common = validSkipReason(position, pathLength, selfSigned);
        if (common.isPresent()) {
            return common;
        }
        X509CertificateHolder cert = CertificateInput.bouncyCastleHolder(certificateDer, "certificate");
        return OcspResponseValidator.hasOcspNoCheck(cert) ? Optional.of(SkipReason.OCSP_NO_CHECK) : Optional.empty();
    }

    /** Why the Valid database is not consulted for {@code position}, or empty if it is (§9.2 step 1). */
    public static Optional<SkipReason> validSkipReason(int position, int pathLength, boolean selfSigned) {
        if (position < 0 || position >= pathLength) {
            throw new IllegalArgumentException("position " + position + " outside a path of " + pathLength);
        }
        if (position == pathLength - 1) {
            return Optional.of(SkipReason.TOP_OF_PATH);
        }
        return selfSigned ? Optional.of(SkipReason.SELF_SIGNED) : Optional.empty();
    }

    /**
     * As {@link #validSkipReason(int, int, boolean)}, and also skipping a certificate that is one of
     * Apple's own trust anchors or Apple code-signing issuers (§9.2 step 6; "prevent a catch-22").
     */
    public static Optional<SkipReason> validSkipReason(
            int position, int pathLength, boolean selfSigned, boolean appleAnchorCertificate) {
        Optional<SkipReason> common = validSkipReason(position, pathLength, selfSigned);
        if (common.isPresent() || !appleAnchorCertificate) {
            return common;
        }
        return Optional.of(SkipReason.APPLE_ANCHOR);
    }
}
