package io.github.sectrust4j.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The password of a PKCS#12 / JKS input, from an environment variable, a file or (visible to other
 * users in the process list) the command line. At most one of the three.
 */
final class KeystorePasswordOptions {
    @Option(
            names = "--keystore-password-env",
            paramLabel = "VAR",
            description = "Environment variable holding the password of a PKCS#12 (.pfx/.p12) or JKS input.")
    private String variable;

    @Option(
            names = "--keystore-password-file",
            paramLabel = "FILE",
            description = "File whose first line is the PKCS#12 / JKS password.")
    private Path file;

    @Option(
            names = "--keystore-password",
            paramLabel = "PASSWORD",
            description = "The PKCS#12 / JKS password itself. Visible to other users in the process list: "
                    + "prefer --keystore-password-env or --keystore-password-file.")
    private String literal;

    private final Map<String, String> environment;

    KeystorePasswordOptions() {
        this(System.getenv());
    }

    KeystorePasswordOptions(Map<String, String> environment) {
        this.environment = environment;
    }

    /** The password given, or null when none was (keystores are then opened without one). */
    char[] password() {
        int given = (variable != null ? 1 : 0) + (file != null ? 1 : 0) + (literal != null ? 1 : 0);
        if (given > 1) {
            throw new InputError("give the keystore password once: --keystore-password-env, "
                    + "--keystore-password-file or --keystore-password");
        }
        if (variable != null) {
            String value = environment.get(variable);
            if (value == null) {
                throw new InputError("--keystore-password-env: environment variable " + variable + " is not set");
            }
            return value.toCharArray();
        }
        if (file != null) {
            String text = new String(InputFiles.read(file, "--keystore-password-file"), StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end))
                    .replaceFirst("\r$", "")
                    .toCharArray();
        }
        return literal == null ? null : literal.toCharArray();
    }
}
