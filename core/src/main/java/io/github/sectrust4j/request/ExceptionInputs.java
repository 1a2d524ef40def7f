package io.github.sectrust4j.request;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.TrustExceptions;
import io.github.sectrust4j.cert.Certificate;
import java.util.Optional;

/**
 * The user's exceptions of one evaluation (§12.4): the data handed to {@code SecTrustSetExceptions} and
 * the device's exception epoch.
 *
 * @param exceptions the exceptions; empty = none set
 * @param epoch      the device's exception epoch (0 unless the user reset exceptions; then entry 0 must carry it)
 */
public record ExceptionInputs(Optional<TrustExceptions> exceptions, long epoch) {
    /** No exceptions, epoch 0. */
    public static final ExceptionInputs NONE = new ExceptionInputs(Optional.empty(), 0);

    public ExceptionInputs {
        requireNonNull(exceptions, "exceptions");
    }

    /** The exceptions iOS keeps for this leaf: empty when none were set or {@code SecTrustSetExceptions} would refuse them. */
    public Optional<TrustExceptions> installedFor(Certificate leaf) {
        return exceptions.filter(e -> e.installableFor(leaf, epoch));
    }
}
