package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.revocation.RevocationDatabase;
import io.github.sectrust4j.revocation.ValidFlag;
import io.github.sectrust4j.revocation.ValidInfo;
import java.util.List;
import java.util.Optional;

/**
 * The Valid "known intermediates only" rule (spec §9.2): walking down from the top, if a CA's group
 * has known-intermediates-only, the CA directly below it must itself be a known issuer in the
 * database; the first unknown CA gets the determined error. A leaf that is itself a CA is tested too.
 */
public final class KnownIntermediates {
    private KnownIntermediates() {}

    /**
     * One position of the path.
     *
     * @param sha256 SHA-256 of the certificate DER
     * @param isCa   basicConstraints cA
     * @param info   the Valid information for this position (its issuer's group), if any
     */
    public record Position(byte[] sha256, boolean isCa, Optional<ValidInfo> info) {
        public Position {
            requireNonNull(sha256, "sha256");
            requireNonNull(info, "info");
        }
    }

    /** The first violation from the top, if any. {@code path.get(0)} is the leaf. */
    public static Optional<ValidFailure> firstViolation(List<Position> path, RevocationDatabase database) {
        requireNonNull(database, "database");
        for (int i = path.size() - 2; i >= 0; i--) {
            Position position = path.get(i);
            Optional<ValidInfo> info = position.info();
            if (info.isPresent()
                    && info.get().group().has(ValidFlag.KNOWN_INTERMEDIATES_ONLY)
                    && position.isCa()
                    && !database.isKnownIssuer(position.sha256())) {
                return Optional.of(ValidFailure.determined(
                        i,
                        info.get().group(),
                        false,
                        false,
                        "CA not known to the Valid database under an issuer that allows known intermediates only",
                        ValidFailure.Kind.UNKNOWN_INTERMEDIATE));
            }
        }
        return Optional.empty();
    }
}
