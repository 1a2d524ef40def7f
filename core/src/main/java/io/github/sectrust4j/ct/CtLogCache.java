package io.github.sectrust4j.ct;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.truststores.PublishedCtLogList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A user cache of Apple's current CT log list, so evaluations can use a list newer than the one shipped
 * with the bundled trust stores. Nothing here runs unless called: {@link #update} is the only network
 * access (through the {@link Fetcher} the caller passes), and {@link #load} only reads the cache — the
 * evaluator never consults it by itself (an evaluation stays a pure function of its inputs:
 * {@code trust.withCtLogs(CtLogCache.load(dir).orElseThrow())}).
 *
 * <p>The cache is one file, {@value #FILE}, holding the list exactly as downloaded (so it can also be
 * passed to {@code --ct-logs}); its modification time is the download time, which dates the list when
 * the list carries no {@code log_list_timestamp} (Apple's do not). A download replaces it only after it
 * parsed as a log list with logs, by an atomic move.
 */
public final class CtLogCache {
    /** Where Apple publishes its current CT log list. */
    public static final URI APPLE_CURRENT_LIST =
            URI.create("https://valid.apple.com/ct/log_list/current_log_list.json");
    /** The cache file name inside the cache directory. */
    public static final String FILE = "ct-log-list.json";
    /** Environment variable naming the cache directory. */
    public static final String ENV = "SECTRUST4J_CACHE_DIR";
    /** System property naming the cache directory (wins over the environment). */
    public static final String PROPERTY = "sectrust4j.cacheDir";
    /** Largest list accepted (Apple's is ~100 KB). */
    public static final int MAX_BYTES = 8 << 20;

    /** Made when a cache file is read: a Jackson mapper costs a tenth of a CLI start, and most runs have no cache. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private CtLogCache() {}

    /** Downloads a URL's bytes, refusing more than {@code maxBytes}. */
    @FunctionalInterface
    public interface Fetcher {
        byte[] fetch(URI url, int maxBytes) throws IOException;
    }

    /** What an update did. */
    public record Update(
            Path file,
            String version,
            int logs,
            int trustedLogs,
            Instant downloadedAt,
            Optional<String> replacedVersion) {}

    /**
     * The cache directory: the {@value #PROPERTY} system property, else {@code $SECTRUST4J_CACHE_DIR},
     * else {@code $XDG_CACHE_HOME/sectrust4j}, else {@code ~/.cache/sectrust4j}.
     */
    public static Path defaultDirectory() {
        return directory(System.getProperty(PROPERTY), System.getenv(), System.getProperty("user.home", "."));
    }

    static Path directory(String property, Map<String, String> env, String home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String dir = env.get(ENV);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "sectrust4j");
        }
        return Path.of(home, ".cache", "sectrust4j");
    }

    /** The cached list in the default directory, if there is one. */
    public static Optional<CtLogList> load() {
        return load(defaultDirectory());
    }

    /**
     * The cached list in {@code dir}, labelled with its version and download time, if the cache exists.
     *
     * @throws IllegalStateException if the cache file exists but cannot be read as a log list
     */
    public static Optional<CtLogList> load(Path dir) {
        Path file = requireNonNull(dir, "dir").resolve(FILE);
        byte[] bytes;
        Instant downloaded;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalStateException("the CT log list cache " + file + " is larger than " + MAX_BYTES
                        + " bytes; run 'stores update' again or delete it");
            }
            bytes = Files.readAllBytes(file);
            downloaded = Files.getLastModifiedTime(file).toInstant();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the CT log list cache " + file + ": " + e.getMessage(), e);
        }
        try {
            PublishedCtLogList read = PublishedLogLists.read(Json.MAPPER.readTree(bytes));
            return Optional.of(CtLogList.fromTrustStoreLogs(read.logs())
                    .withSource(
                            PublishedLogLists.label(read) + ", downloaded " + downloaded + " into " + file,
                            read.timestamp().orElse(downloaded)));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the CT log list cache " + file + " is damaged (" + e.getMessage()
                            + "); run 'stores update' again or delete it",
                    e);
        }
    }

    /**
     * Downloads the list at {@code url} with {@code fetcher}, checks that it is a log list with logs, and
     * only then replaces the cache in {@code dir} atomically.
     *
     * @throws IOException if the download or the write fails (the old cache is kept)
     * @throws IllegalArgumentException if the download is not a usable log list (the old cache is kept)
     */
    public static Update update(Path dir, URI url, Fetcher fetcher, Clock clock) throws IOException {
        requireNonNull(dir, "dir");
        requireNonNull(url, "url");
        requireNonNull(fetcher, "fetcher");
        byte[] bytes = fetcher.fetch(url, MAX_BYTES);
        if (bytes == null || bytes.length > MAX_BYTES) {
            throw new IOException(url + ": no body or more than " + MAX_BYTES + " bytes");
        }
        PublishedCtLogList read;
        try {
            read = PublishedLogLists.read(Json.MAPPER.readTree(bytes));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    url + " did not return a CT log list: not JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(url + " did not return a CT log list: " + e.getMessage(), e);
        }
        Optional<String> replaced;
        try {
            replaced = load(dir).map(CtLogList::source);
        } catch (IllegalStateException e) {
            replaced = Optional.of("a damaged cache");
        }
        Instant now = clock.instant();
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        Path tmp = Files.createTempFile(dir, FILE, ".part");
        try {
            Files.write(tmp, bytes);
            Files.setLastModifiedTime(tmp, FileTime.from(now));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        int trusted =
                (int) read.logs().stream().filter(l -> l.state().onDevice()).count();
        return new Update(file, read.version(), read.logs().size(), trusted, now, replaced);
    }

    /**
     * A fetcher over HTTPS with the JDK's client (plain HTTP only to a loopback address, for tests and
     * local mirrors), following redirects to HTTPS, with {@code timeout} per request.
     */
    public static Fetcher httpFetcher(Duration timeout) {
        requireNonNull(timeout, "timeout");
        return (url, maxBytes) -> {
            checkScheme(url);
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .GET()
                    .header("Accept", "application/json")
                    .build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while downloading " + url, e);
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(url + " answered HTTP " + response.statusCode());
                }
                checkScheme(response.uri());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[16 << 10];
                for (int n; (n = body.read(buf)) > 0; ) {
                    if (out.size() + n > maxBytes) {
                        throw new IOException(url + " sent more than " + maxBytes + " bytes");
                    }
                    out.write(buf, 0, n);
                }
                return out.toByteArray();
            }
        };
    }

    private static void checkScheme(URI url) throws IOException {
        if ("https".equalsIgnoreCase(url.getScheme())) {
            return;
        }
        if ("http".equalsIgnoreCase(url.getScheme()) && url.getHost() != null && isLoopback(url.getHost())) {
            return;
        }
        throw new IOException(
                "refusing " + url + ": trust data is fetched over https only (http only from a loopback" + " address)");
    }

    private static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // literal addresses only: never resolve a name to decide
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
