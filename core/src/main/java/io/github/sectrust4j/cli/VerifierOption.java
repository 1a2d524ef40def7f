package io.github.sectrust4j.cli;

import io.github.sectrust4j.cert.SignatureBackends;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --verifier}: which cryptography verifies signatures ({@link SignatureBackends}). Selecting
 * {@code bc} loads no provider; a native one that is absent or whose library does not load is a usage
 * error (status 2) naming why.
 */
final class VerifierOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(
            names = "--verifier",
            paramLabel = "VERIFIER",
            description =
                    "Signature verification: auto (default: a native provider - Conscrypt, else ACCP - when its jar "
                            + "is on the class path and loads, else Bouncy Castle), bc, native, accp or conscrypt. The verdicts "
                            + "are the same; native verifies faster, worth its load time for batches of a thousand lines and more. Also -D"
                            + SignatureBackends.PROPERTY + "=VERIFIER (an unknown or unavailable one: exit 2, "
                            + "before any input is read).")
    void select(String choice) {
        try {
            SignatureBackends.use(choice);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(mixee.commandLine(), "--verifier: " + e.getMessage());
        }
    }

    /**
     * The backend this run verifies with ({@code --verifier}, else {@code -D}{@value SignatureBackends#PROPERTY}):
     * a property naming an unknown or unavailable backend is bad input (status 2, the reason on stderr) before
     * anything is read or evaluated.
     */
    void requireUsable() {
        try {
            SignatureBackends.current();
        } catch (IllegalStateException e) {
            throw new InputError(e.getMessage(), e);
        }
    }
}
