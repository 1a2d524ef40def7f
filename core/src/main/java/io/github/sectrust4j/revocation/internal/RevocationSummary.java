package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * "Revocation checked" reporting (spec §9.5, last paragraph): {@code TrustRevocationChecked} and
 * {@code TrustExpirationDate} of the result dictionary.
 *
 * @param revocationChecked {@code TrustRevocationChecked}
 * @param expirationDate    {@code TrustExpirationDate}: the earliest OCSP "valid until" over the path,
 *                          reported only when revocation was checked
 */
public record RevocationSummary(boolean revocationChecked, Optional<Instant> expirationDate) {
    public RevocationSummary {
        requireNonNull(expirationDate, "expirationDate");
    }

    /**
     * @param results        one result per path position, index = position (the top included or not;
     *                       it is never required)
     * @param hasResponders  per position: the certificate names at least one OCSP responder
     * @param trusted        the evaluation succeeded
     * @return checked only for a successful evaluation where every non-top position with OCSP
     *         responders — and the leaf always — has a GOOD result, or where Valid allow-listing
     *         marked every non-top position checked
     */
    public static RevocationSummary of(List<RevocationResult> results, List<Boolean> hasResponders, boolean trusted) {
        requireNonNull(results, "results");
        requireNonNull(hasResponders, "hasResponders");
        if (results.size() != hasResponders.size()) {
            throw new IllegalArgumentException("one responder flag per result");
        }
        if (!trusted || results.isEmpty()) {
            return new RevocationSummary(false, Optional.empty());
        }
        int nonTop = Math.max(1, results.size() - 1); // a single certificate is its own leaf
        boolean allByOcsp = true;
        boolean allAllowListed = true;
        Instant earliest = null;
        for (int i = 0; i < nonTop; i++) {
            RevocationResult result = results.get(i);
            boolean good = result.state() == RevocationResult.State.GOOD;
            boolean byOcsp = good && result.source().orElse(null) == RevocationSource.OCSP;
            boolean byValid = good && result.source().orElse(null) == RevocationSource.VALID;
            if ((i == 0 || hasResponders.get(i)) && !byOcsp) {
                allByOcsp = false;
            }
            if (!byValid) {
                allAllowListed = false;
            }
            if (byOcsp
                    && result.validUntil().isPresent()
                    && (earliest == null || result.validUntil().get().isBefore(earliest))) {
                earliest = result.validUntil().get();
            }
        }
        boolean checked = allByOcsp || allAllowListed;
        return new RevocationSummary(checked, checked ? Optional.ofNullable(earliest) : Optional.empty());
    }
}
