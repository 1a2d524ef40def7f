package io.github.sectrust4j.ct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.fixtures.ct.PublishedLogList;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CT log-list cache and Apple's published list format, without any network (injected fetchers). */
class CtLogCacheTest {
    static final TestCtLog A = CtTestLogs.log("Op A", "A log");
    static final TestCtLog B = CtTestLogs.log("Op B", "B log");
    static final TestCtLog C = CtTestLogs.log("Op C", "C log");
    static final Instant DOWNLOAD = Instant.parse("2026-11-30T12:00:00Z");
    static final URI URL = URI.create("https://valid.apple.com/ct/log_list/current_log_list.json");

    @TempDir
    Path dir;

    static String list() {
        return new PublishedLogList()
                .version("480")
                .assetVersion(33)
                .usable(A)
                .log(B, "retired", Instant.parse("2025-01-01T00:00:00Z"))
                .log(C, "rejected", Instant.parse("2025-02-01T00:00:00Z"))
                .shard(A, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"))
                .toJson();
    }

    @Test
    void appleFormat_isReadWithTheStatesIosUses() {
        CtLogList l = PublishedLogLists.fromJson(list());

        assertThat(l.trusted(CtTestLogs.id(A))).isPresent();
        assertThat(l.trusted(CtTestLogs.id(B)))
                .hasValueSatisfying(log -> assertThat(log.retiredAt()).contains(Instant.parse("2025-01-01T00:00:00Z")));
        assertThat(l.find(CtTestLogs.id(C))).isPresent();
        assertThat(l.trusted(CtTestLogs.id(C)))
                .as("rejected: listed, never trusted")
                .isEmpty();
        assertThat(l.source()).isEqualTo("Apple-format log list version 480 (asset version 33)");
        assertThat(l.date()).as("Apple's lists carry no timestamp").isEmpty();
        assertThat(PublishedLogLists.fromJson(new PublishedLogList()
                                .timestamp(DOWNLOAD)
                                .usable(A)
                                .toJson())
                        .date())
                .contains(DOWNLOAD);
        assertThat(CtLogList.fromRequestJson(list()).source()).isEqualTo(l.source());
    }

    @Test
    void update_writesTheListAsDownloaded_datedByTheDownload_andLoadReadsIt() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        CtLogCache.Update u = CtLogCache.update(
                dir,
                URL,
                (url, max) -> {
                    calls.incrementAndGet();
                    assertThat(url).isEqualTo(URL);
                    return list().getBytes(StandardCharsets.UTF_8);
                },
                Clock.fixed(DOWNLOAD, ZoneOffset.UTC));

        CtLogList loaded = CtLogCache.load(dir).orElseThrow();

        assertThat(calls.get()).isOne();
        assertThat(u.version()).isEqualTo("480");
        assertThat(u.logs()).isEqualTo(4);
        assertThat(u.trustedLogs()).isEqualTo(3);
        assertThat(u.replacedVersion()).isEmpty();
        assertThat(Files.readString(dir.resolve(CtLogCache.FILE))).isEqualTo(list());
        assertThat(loaded.date()).contains(DOWNLOAD);
        assertThat(loaded.source()).contains("version 480").contains("downloaded " + DOWNLOAD);
        assertThat(loaded.trusted(CtTestLogs.id(A))).isPresent();
        assertThat(CtLogCache.update(
                                dir,
                                URL,
                                (url, max) -> list().getBytes(StandardCharsets.UTF_8),
                                Clock.fixed(DOWNLOAD.plus(Duration.ofDays(1)), ZoneOffset.UTC))
                        .replacedVersion())
                .hasValueSatisfying(r -> assertThat(r).contains("version 480"));
    }

    @Test
    void nothingCached_isEmpty_andADamagedCacheSaysSo() throws IOException {
        assertThat(CtLogCache.load(dir)).isEmpty();
        Files.writeString(dir.resolve(CtLogCache.FILE), "[1,2]");

        assertThatThrownBy(() -> CtLogCache.load(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("damaged");
    }

    @Test
    void aFailedOrRefusedDownload_leavesTheCacheAsItWas() throws IOException {
        CtLogCache.update(
                dir, URL, (url, max) -> list().getBytes(StandardCharsets.UTF_8), Clock.fixed(DOWNLOAD, ZoneOffset.UTC));

        assertThatThrownBy(() -> CtLogCache.update(
                        dir,
                        URL,
                        (url, max) -> {
                            throw new IOException("connection reset");
                        },
                        Clock.systemUTC()))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> CtLogCache.update(
                        dir,
                        URL,
                        (url, max) -> "{\"operators\":[]}".getBytes(StandardCharsets.UTF_8),
                        Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no logs");

        assertThat(Files.readString(dir.resolve(CtLogCache.FILE))).isEqualTo(list());
        assertThat(CtLogCache.load(dir).orElseThrow().date()).contains(DOWNLOAD);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no partial files left").hasSize(1);
        }
    }

    @Test
    void theHttpFetcher_refusesPlainHttpToAnythingButALoopbackAddress_beforeConnecting() {
        CtLogCache.Fetcher f = CtLogCache.httpFetcher(Duration.ofSeconds(1));

        assertThatThrownBy(() -> f.fetch(URI.create("http://valid.apple.com/ct/log_list/current_log_list.json"), 100))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("https only");
        assertThatThrownBy(() -> f.fetch(URI.create("ftp://127.0.0.1/x"), 100))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("https only");
    }

    @Test
    void theCacheDirectory_propertyThenEnvironmentThenXdgThenHome() {
        assertThat(CtLogCache.directory("/p", Map.of(CtLogCache.ENV, "/e", "XDG_CACHE_HOME", "/x"), "/h"))
                .isEqualTo(Path.of("/p"));
        assertThat(CtLogCache.directory(null, Map.of(CtLogCache.ENV, "/e", "XDG_CACHE_HOME", "/x"), "/h"))
                .isEqualTo(Path.of("/e"));
        assertThat(CtLogCache.directory(null, Map.of("XDG_CACHE_HOME", "/x"), "/h"))
                .isEqualTo(Path.of("/x/sectrust4j"));
        assertThat(CtLogCache.directory(" ", Map.of(), "/h")).isEqualTo(Path.of("/h/.cache/sectrust4j"));
    }

    /** A damaged published list (one character dropped or changed) is read or refused with a clear error, never an uncaught exception. */
    @Property(tries = 400)
    void aDamagedPublishedList_isReadOrRefusedCleanly(
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll @IntRange(min = 0, max = 3) int kind) {
        String json = list();
        int at = position % json.length();
        String damaged = switch (kind) {
            case 0 -> json.substring(0, at) + json.substring(at + 1);
            case 1 -> json.substring(0, at) + "1" + json.substring(at + 1);
            case 2 -> json.substring(0, at) + "{" + json.substring(at);
            default -> json.substring(0, at) + "\"x\"" + json.substring(at + 1);
        };
        String outcome;
        try {
            PublishedLogLists.fromJson(damaged);
            outcome = "read";
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            outcome = "refused";
        }
        Statistics.collect(outcome);
        Statistics.coverage(c -> {
            c.check("read").count(n -> n > 0);
            c.check("refused").count(n -> n > 0);
        });
    }
}
