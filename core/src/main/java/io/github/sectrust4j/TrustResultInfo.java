package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The extra keys of iOS's result dictionary ({@code SecTrustCopyResult}, §12.2). Apple reports CT,
 * EV and "revocation checked" only for a successful evaluation; a revocation reason only for a revoked
 * certificate.
 *
 * @param certificateTransparency {@code TrustCertificateTransparency}: the path is CT-qualified (§8.5)
 * @param extendedValidation      {@code TrustExtendedValidation}: the path is EV (§10)
 * @param organization            {@code Organization}: the leaf's subject organization, given with EV
 * @param revocationChecked       {@code TrustRevocationChecked} (§9.5)
 * @param revocationValidUntil    {@code TrustExpirationDate}: the earliest OCSP "valid until" of a checked path
 * @param revocationReason        {@code TrustRevocationReason}: the CRL reason of a revoked certificate
 */
public record TrustResultInfo(
        boolean certificateTransparency,
        boolean extendedValidation,
        Optional<String> organization,
        boolean revocationChecked,
        Optional<Instant> revocationValidUntil,
        OptionalInt revocationReason) {
    /** Nothing to report (an untrusted result without a revocation). */
    public static final TrustResultInfo NONE =
            new TrustResultInfo(false, false, Optional.empty(), false, Optional.empty(), OptionalInt.empty());

    public TrustResultInfo {
        requireNonNull(organization, "organization");
        requireNonNull(revocationValidUntil, "revocationValidUntil");
        requireNonNull(revocationReason, "revocationReason");
    }
}
