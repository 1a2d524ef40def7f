package io.github.sectrust4j.cert;

import java.util.Objects;
import java.util.function.Function;

/**
 * A fact computed from a certificate's bytes alone — never from a request, a trust store or a clock —
 * worked out once per {@link Certificate} object and kept on it ("parse once": an evaluation that
 * reuses parsed certificates does not decode or hash the same bytes again). Declare each fact once, as
 * a constant; the function must be pure (racing threads may both compute it and keep either result).
 * Internal to sectrust4j.
 *
 * @param <T> the fact's type (immutable)
 */
public final class DerivedFact<T> {
    private final Function<Certificate, T> compute;

    private DerivedFact(Function<Certificate, T> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    public static <T> DerivedFact<T> of(Function<Certificate, T> compute) {
        return new DerivedFact<>(compute);
    }

    /** The fact for {@code certificate}: computed on first use, then kept on the certificate object. */
    public T of(Certificate certificate) {
        return certificate.derived(this);
    }

    T compute(Certificate certificate) {
        return Objects.requireNonNull(compute.apply(certificate), "a derived fact must not be null");
    }
}
