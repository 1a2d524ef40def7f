package io.github.sectrust4j.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the bundled example data lives ({@code examples/} at the repository root), from the repository or a module. */
public final class ExampleFiles {
    private ExampleFiles() {}

    public static Path examples() {
        for (String candidate : List.of("examples", "../examples")) {
            Path p = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isRegularFile(p.resolve("requests.jsonl"))) {
                return p;
            }
        }
        throw new IllegalStateException(
                "examples/requests.jsonl not found from " + Path.of("").toAbsolutePath());
    }
}
