package io.github.sectrust4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Locates the reference data kept in the repository ({@code reference/}: Apple's trust-store inputs,
 * the Valid snapshot, the x509-limbo suite), found from the repository root or a module directory by
 * walking up to the first folder that holds {@code reference/apple-trust-store}. Nothing outside the
 * checkout is read. A missing folder fails the test with a message saying where it was looked for:
 * evidence must never pass by silently running nothing.
 */
public final class SharedData {
    private SharedData() {}

    public static Path root() {
        Path start = Path.of("").toAbsolutePath().normalize();
        for (Path d = start; d != null; d = d.getParent()) {
            Path p = d.resolve("reference");
            if (Files.isDirectory(p.resolve("apple-trust-store"))) {
                return p;
            }
        }
        throw new IllegalStateException("reference data not found: expected reference/apple-trust-store in the "
                + "repository root, searched upwards from " + start);
    }

    /** {@code reference/apple-trust-store}: Apple's trust-store data and the Valid snapshot. */
    public static Path appleTrustStore() {
        return root().resolve("apple-trust-store");
    }

    /** Every certificate any Apple trust store names, as {@code <SHA256>.cer} (DER). */
    public static Path appleRoots() {
        return appleTrustStore().resolve("certs");
    }

    /** One Apple trust-store certificate by its SHA-256. */
    public static Path appleCertificate(String sha256Hex) {
        for (String name : List.of(sha256Hex.toUpperCase(Locale.ROOT), sha256Hex.toLowerCase(Locale.ROOT))) {
            Path p = appleRoots().resolve(name + ".cer");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("Apple trust-store certificate " + sha256Hex + " not found in " + appleRoots());
    }

    /** x509-limbo, December 2023 edition (135 server cases). */
    public static Path limbo() {
        Path p = root().resolve("conformance/x509-limbo/limbo.json");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("x509-limbo suite missing: " + p);
        }
        return p;
    }
}
