package io.github.sectrust4j.ct.internal;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The outcome of parsing untrusted bytes: a value, or the reason the bytes are malformed. Parsers of
 * this package return it instead of throwing, so malformed input from a server never escapes as an
 * exception.
 */
public record Parsed<T>(Optional<T> value, Optional<String> error) {
    public Parsed {
        requireNonNull(value, "value");
        requireNonNull(error, "error");
        if (value.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("exactly one of value and error must be present");
        }
    }

    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(Optional.of(value), Optional.empty());
    }

    public static <T> Parsed<T> malformed(String reason) {
        return new Parsed<>(Optional.empty(), Optional.of(reason));
    }

    public boolean isOk() {
        return value.isPresent();
    }
}
