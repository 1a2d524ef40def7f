package io.github.sectrust4j.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Locates the reference data kept beside every checkout ({@code ../shared} from the repository root,
 * {@code ../../shared} from the module directory; worktrees one level deeper are covered too). A
 * missing folder fails the suite with a message saying where it was looked for: the conformance
 * evidence must never pass by silently running nothing.
 */
final class SharedData {
    private SharedData() {
    }

    static Path root() {
        for (String candidate : List.of("../shared", "../../shared", "../../../shared")) {
            Path p = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(p.resolve("conformance")) || Files.isDirectory(p.resolve("apple-trust-store"))) {
                return p;
            }
        }
        throw new IllegalStateException("shared reference data not found: expected a 'shared' directory at ../shared "
                + "(from the repository root) or ../../shared (from the module directory); cwd="
                + Path.of("").toAbsolutePath());
    }

    /** x509-limbo, December 2023 edition (135 server cases). */
    static Path limbo() {
        Path p = root().resolve("conformance/x509-limbo/limbo.json");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("x509-limbo suite missing: " + p);
        }
        return p;
    }

    /** Apple's trust-store certificates by SHA-256 ({@code <SHA256>.cer}, DER). */
    static Path appleCertificate(String sha256Hex) {
        Path dir = root().resolve("apple-trust-store/certs");
        for (String name : List.of(sha256Hex.toUpperCase(java.util.Locale.ROOT), sha256Hex.toLowerCase(java.util.Locale.ROOT))) {
            Path p = dir.resolve(name + ".cer");
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new IllegalStateException("Apple trust-store certificate " + sha256Hex + " not found in " + dir);
    }
}
