package io.github.sectrust4j.revocation;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared/apple-trust-store beside the checkout (or beside any parent directory). */
final class SharedData {
    private SharedData() {
    }

    /** The folder, or null if absent. */
    static Path appleTrustStore() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/apple-trust-store");
            if (Files.isDirectory(candidate.resolve("valid"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }
}
