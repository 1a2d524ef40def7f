package io.github.sectrust4j.cert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Locates /work/shared-style reference data beside the repository (../shared from the repo root). */
final class SharedData {
    private SharedData() {
    }

    static Path root() {
        for (String candidate : List.of("../shared", "../../shared", "../../../shared")) {
            Path p = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(p.resolve("apple-trust-store"))) {
                return p;
            }
        }
        throw new IllegalStateException("shared reference data not found: expected a 'shared' directory with "
                + "apple-trust-store/ at ../shared (from the repo root) or ../../shared (from the module dir); cwd="
                + Path.of("").toAbsolutePath());
    }

    static Path appleRoots() {
        return root().resolve("apple-trust-store/certs");
    }

    static Path limbo() {
        return root().resolve("conformance/x509-limbo/limbo.json");
    }
}
