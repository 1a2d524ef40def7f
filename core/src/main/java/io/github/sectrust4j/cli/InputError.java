package io.github.sectrust4j.cli;

/**
 * A request (command-line arguments or one batch line) that cannot be evaluated: the message names
 * the field and what is wrong, e.g. {@code chain[1] is not a certificate: bad base64 (...)}. Becomes
 * exit status 2 for {@code evaluate} and an {@code "error": {"input": ...}} line for {@code batch}.
 */
final class InputError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputError(String message) {
        super(message, null, false, false);
    }

    InputError(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
