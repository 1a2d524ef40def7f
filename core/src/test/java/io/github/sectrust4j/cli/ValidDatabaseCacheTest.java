package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.revocation.ValidDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each distinct {@code revocationDatabase} path used to stay open for the whole batch run, so symbolic
 * links or {@code /proc/self/root/...} prefixes (unlimited names for one file) grew native memory without
 * bound: 556 paths, 1.35 GB RSS at {@code -Xmx64m}. The cache is keyed by the file and bounded.
 */
class ValidDatabaseCacheTest {
    static final Path SNAPSHOT =
            StoresCommandTest.releases().resolveSibling("valid").resolve("valid-snapshot-2023-09.sqlite3");

    @TempDir
    Path dir;

    @Test
    void manyNamesForOneFile_openItOnce() throws Exception {
        ValidDatabaseCache cache = new ValidDatabaseCache();
        List<Path> names = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            names.add(Files.createSymbolicLink(dir.resolve("link" + i + ".sqlite3"), SNAPSHOT.toAbsolutePath()));
        }
        names.add(Path.of("/proc/self/root")
                .resolve(SNAPSHOT.toAbsolutePath().toString().substring(1)));
        names.add(SNAPSHOT.toAbsolutePath()
                .getParent()
                .resolve("..")
                .resolve("valid")
                .resolve(SNAPSHOT.getFileName()));

        ValidDatabase first = null;
        for (Path name : names) {
            if (!Files.exists(name)) {
                continue; // no /proc on this platform
            }
            try (ValidDatabaseCache.Lease lease = cache.acquire(name)) {
                first = first == null ? lease.database() : first;
                assertThat(lease.database()).isSameAs(first);
            }
        }
        assertThat(cache.openCount()).isEqualTo(1);
    }

    @Test
    void distinctFiles_areBounded_andTheLeastRecentlyUsedIsClosed() throws Exception {
        ValidDatabaseCache cache = new ValidDatabaseCache();
        List<ValidDatabase> opened = new ArrayList<>();
        for (int i = 0; i < ValidDatabaseCache.MAX_OPEN + 3; i++) {
            Path copy = Files.copy(SNAPSHOT, dir.resolve("copy" + i + ".sqlite3"));
            try (ValidDatabaseCache.Lease lease = cache.acquire(copy)) {
                opened.add(lease.database());
            }
            assertThat(cache.openCount()).isLessThanOrEqualTo(ValidDatabaseCache.MAX_OPEN);
        }
        assertThatThrownBy(() -> opened.get(0).groupForIssuer(new byte[32]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(opened.get(opened.size() - 1).groupForIssuer(new byte[32])).isEmpty();
    }

    @Test
    void aDatabaseInUse_staysOpenWhenEvicted_untilItsLastUserReleasesIt() throws Exception {
        ValidDatabaseCache cache = new ValidDatabaseCache();
        ValidDatabaseCache.Lease held = cache.acquire(Files.copy(SNAPSHOT, dir.resolve("held.sqlite3")));
        for (int i = 0; i < ValidDatabaseCache.MAX_OPEN + 1; i++) {
            cache.acquire(Files.copy(SNAPSHOT, dir.resolve("other" + i + ".sqlite3")))
                    .close();
        }
        assertThat(held.database().groupForIssuer(new byte[32]))
                .as("evicted but in use: still open")
                .isEmpty();
        assertThat(cache.openCount()).isEqualTo(ValidDatabaseCache.MAX_OPEN + 1);

        held.close();
        held.close(); // idempotent

        assertThat(cache.openCount()).isEqualTo(ValidDatabaseCache.MAX_OPEN);
        assertThatThrownBy(() -> held.database().groupForIssuer(new byte[32]))
                .isInstanceOf(IllegalStateException.class);
    }
}
