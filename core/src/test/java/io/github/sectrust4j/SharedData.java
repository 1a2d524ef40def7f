package io.github.sectrust4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Locates the reference data kept beside every checkout ({@code ../shared} from the repository root,
 * {@code ../../shared} from a module directory; worktrees one level deeper are covered too). A missing
 * folder fails the test with a message saying where it was looked for: evidence must never pass by
 * silently running nothing.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        for (String candidate : List.of("../shared", "../../shared", "../../../shared")) {
            Path p = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(p.resolve("apple-trust-store"))) {
                return p;
            }
        }
        throw new IllegalStateException("shared reference data not found: expected a 'shared' directory with "
                + "apple-trust-store/ at ../shared (from the repository root) or ../../shared (from the module "
                + "directory); cwd=" + Path.of("").toAbsolutePath());
    }

    /** {@code shared/apple-trust-store}: Apple's trust-store data and the Valid snapshot. */
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
