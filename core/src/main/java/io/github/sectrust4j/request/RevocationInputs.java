package io.github.sectrust4j.request;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.revocation.OcspFetcher;
import io.github.sectrust4j.revocation.RevocationDatabase;
import java.util.Optional;

/**
 * The revocation inputs of one evaluation (§9).
 *
 * @param database                 Apple's Valid database (§9.2); empty = no Valid information
 * @param requirePositiveResponse  {@code kSecRevocationRequirePositiveResponse} (§9.5): the leaf needs a good or
 *                                 revoked response; enforced only when the evaluation has network access (an OCSP
 *                                 fetcher), as iOS enforces it only where the trust daemon can fetch
 * @param revocationPolicy         a {@code SecPolicyCreateRevocation} policy is present: network OCSP is
 *                                 triggered for every position (§9.4)
 * @param ocspFetcher              network OCSP (§9.4); {@link OcspFetcher#NONE} = offline
 */
public record RevocationInputs(
        Optional<RevocationDatabase> database,
        boolean requirePositiveResponse,
        boolean revocationPolicy,
        OcspFetcher ocspFetcher) {
    /** No Valid database, no revocation policy, offline. */
    public static final RevocationInputs DEFAULT =
            new RevocationInputs(Optional.empty(), false, false, OcspFetcher.NONE);

    public RevocationInputs {
        requireNonNull(database, "database");
        requireNonNull(ocspFetcher, "ocspFetcher");
    }

    /** True if network OCSP can be used. */
    public boolean networkAvailable() {
        return ocspFetcher.networkAvailable();
    }

    public RevocationInputs withDatabase(RevocationDatabase db) {
        return new RevocationInputs(
                Optional.of(requireNonNull(db, "db")), requirePositiveResponse, revocationPolicy, ocspFetcher);
    }

    public RevocationInputs withRequirePositiveResponse(boolean value) {
        return new RevocationInputs(database, value, value || revocationPolicy, ocspFetcher);
    }

    public RevocationInputs withRevocationPolicy(boolean value) {
        return new RevocationInputs(database, requirePositiveResponse, value, ocspFetcher);
    }

    public RevocationInputs withOcspFetcher(OcspFetcher fetcher) {
        return new RevocationInputs(
                database, requirePositiveResponse, revocationPolicy, requireNonNull(fetcher, "fetcher"));
    }
}
