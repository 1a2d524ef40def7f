package io.github.sectrust4j.truststores;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.truststores.tool.SnapshotTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed resources are exactly what SnapshotTool makes from reference/ (issue #3 item 1). */
class SnapshotRegenerationTest {

    private static Path resourceDir() {
        Path module = Paths.get("").toAbsolutePath();
        Path dir = module.resolve("src/main/resources/io/github/sectrust4j/truststores");
        if (!Files.isDirectory(dir)) {
            dir = module.resolve("trust-stores/src/main/resources/io/github/sectrust4j/truststores");
        }
        return dir;
    }

    @Test
    void regeneratingFromShared_reproducesEveryCommittedResourceByteForByte() throws Exception {
        Map<String, byte[]> generated = SnapshotTool.generate(SharedData.DIR);
        Path dir = resourceDir();
        TreeSet<String> committed;
        try (Stream<Path> s = Files.list(dir)) {
            committed = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(committed)
                .as("resource files (run the regeneration command in the README)")
                .isEqualTo(new TreeSet<>(generated.keySet()));
        for (Map.Entry<String, byte[]> e : generated.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve(e.getKey())))
                    .as(e.getKey() + " differs from a fresh snapshot of reference/; regenerate it")
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void generationIsDeterministic() throws Exception {
        Map<String, byte[]> a = SnapshotTool.generate(SharedData.DIR);
        Map<String, byte[]> b = SnapshotTool.generate(SharedData.DIR);
        assertThat(a.keySet()).isEqualTo(b.keySet());
        a.forEach((k, v) -> assertThat(b.get(k)).as(k).isEqualTo(v));
    }

    @Test
    void snapshotToolRejectsAFolderThatIsNotTheReferenceData(@org.junit.jupiter.api.io.TempDir Path empty) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SnapshotTool.generate(empty))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("not an apple-trust-store folder");
    }
}
