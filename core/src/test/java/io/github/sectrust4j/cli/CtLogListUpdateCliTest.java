package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.github.sectrust4j.ct.CtLogCache;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.PublishedLogList;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stores update} against a loopback HTTP server serving a generated list in Apple's published
 * format (never a real host), and {@code evaluate} / {@code batch} using the downloaded list by default,
 * naming the list they used in every report.
 */
class CtLogListUpdateCliTest {
    private static final String HOST = "shop.woodgrove.com";

    @TempDir
    static Path dir;

    static HttpServer server;
    static final AtomicReference<String> BODY = new AtomicReference<>();
    static final AtomicInteger HITS = new AtomicInteger();
    static String url;
    static TestCtLog listed;
    static TestCtLog added;
    static Path chain;
    static Path root;
    static String listJson;

    @BeforeAll
    static void start() throws IOException {
        // certificates valid now (the downloaded list is dated by the download, i.e. the wall clock)
        TestPki pki = TestPki.seeded(1492)
                .at(Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(2)));
        HeldCertificate r = pki.root("Woodgrove Root").build();
        HeldCertificate ca = pki.intermediate("Woodgrove Issuing CA", r).build();
        listed = pki.ctLog("Listed Log");
        added = pki.ctLog("Log Added This Year");
        HeldCertificate leaf = pki.leaf(HOST, ca)
                .notBefore(pki.now())
                .validForDays(90)
                .embeddedScts(listed, pki.now().plusSeconds(60))
                .embeddedScts(added, pki.now().plusSeconds(60))
                .build();
        chain = Files.writeString(dir.resolve("chain.pem"), leaf.pem() + ca.pem());
        root = Files.writeString(dir.resolve("root.pem"), r.pem());
        listJson = new PublishedLogList()
                .version("500")
                .assetVersion(40)
                .usable(listed)
                .usable(added)
                .toJson();

        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ct/log_list/current_log_list.json", exchange -> {
            HITS.incrementAndGet();
            byte[] body = BODY.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ct/log_list/current_log_list.json";
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static Cli.Run update(Path cache, String... more) {
        String[] args = {"stores", "update", "--url", url, "--cache-dir", cache.toString()};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.run(all);
    }

    private static Cli.Run evaluate(Path cache, String... more) {
        return evaluateOn("26.0", cache, more);
    }

    private static Cli.Run evaluateOn(String ios, Path cache, String... more) {
        String[] args = {
            "evaluate",
            chain.toString(),
            "--host",
            HOST,
            "--ios",
            ios,
            "--extra-system-root",
            root.toString(),
            "--cache-dir",
            cache.toString()
        };
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Cli.run(all);
    }

    @Test
    void update_withoutAllowNetwork_refuses_andContactsNothing() {
        Path cache = dir.resolve("refused");
        int before = HITS.get();

        Cli.Run run = update(cache);

        assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("--allow-network").contains("never uses the network");
        assertThat(HITS.get()).isEqualTo(before);
        assertThat(cache.resolve(CtLogCache.FILE)).doesNotExist();
    }

    @Test
    void update_thenEvaluate_usesTheDownloadedList_andEveryReportNamesTheListItUsed() throws IOException {
        Path cache = dir.resolve("cache");
        BODY.set(listJson);

        Cli.Run up = update(cache, "--allow-network");
        Cli.Run cached = evaluate(cache, "--json");
        Cli.Run text = evaluate(cache);
        Cli.Run bundled = evaluate(cache, "--no-cache", "--json");

        assertThat(up.status()).as(up.err()).isZero();
        assertThat(up.out()).contains("version 500").contains("2 logs").contains("Trust stores unchanged");
        assertThat(Files.readString(cache.resolve(CtLogCache.FILE))).isEqualTo(listJson);
        JsonNode c = BatchProcessor.MAPPER.readTree(cached.out());
        assertThat(cached.status()).as(cached.out()).isZero();
        assertThat(c.get("certificateTransparency").asBoolean()).isTrue();
        assertThat(c.at("/ctLogList/source").asText())
                .contains("version 500")
                .contains("downloaded")
                .contains(cache.toString());
        assertThat(c.at("/ctLogList/logs").asInt()).isEqualTo(2);
        assertThat(text.out()).contains("CT log list: Apple-format log list version 500");
        JsonNode b = BatchProcessor.MAPPER.readTree(bundled.out());
        assertThat(bundled.status()).as("the bundled list knows neither log").isEqualTo(1);
        assertThat(b.at("/ctLogList/source").asText()).startsWith("Apple trust store");
        assertThat(b.toString()).contains("CTLogListMayBeOutdated").contains("SystemTrustedCTRequired");
    }

    @Test
    void anOlderRelease_keepsTheListItShippedWith_evenInAMatrixWithTheNewest() throws IOException {
        Path cache = dir.resolve("older");
        BODY.set(listJson);
        assertThat(update(cache, "--allow-network").status()).isZero();

        Cli.Run older = evaluateOn("18.0", cache, "--json");
        Cli.Run both = evaluateOn("18.0,26.0", cache, "--json");
        ObjectNode request = BatchProcessor.MAPPER
                .createObjectNode()
                .put("id", "old")
                .put("host", HOST)
                .put("ios", "18.0");
        request.putArray("chain").add(Files.readString(chain));
        request.putArray("extraSystemRoots").add(Files.readString(root));
        Cli.Run batch = Cli.withStdin(request + "\n", "batch", "--cache-dir", cache.toString());

        // today's list stands for a current device: counting its logs for iOS 18 could trust what iOS 18 refuses
        assertThat(BatchProcessor.MAPPER
                        .readTree(older.out())
                        .at("/ctLogList/source")
                        .asText())
                .startsWith("Apple trust store");
        assertThat(both.outLines())
                .hasSize(2)
                .allSatisfy(l -> assertThat(BatchProcessor.MAPPER
                                .readTree(l)
                                .at("/ctLogList/source")
                                .asText())
                        .startsWith("Apple trust store"));
        assertThat(BatchProcessor.MAPPER
                        .readTree(batch.out())
                        .at("/ctLogList/source")
                        .asText())
                .startsWith("Apple trust store");
    }

    @Test
    void anEvaluationBeforeTheDownload_keepsTheReleasesList() throws IOException {
        Path cache = dir.resolve("past");
        BODY.set(listJson);
        assertThat(update(cache, "--allow-network").status()).isZero();

        Cli.Run past =
                evaluate(cache, "--at", Instant.now().minus(Duration.ofDays(1)).toString(), "--json");

        assertThat(BatchProcessor.MAPPER
                        .readTree(past.out())
                        .at("/ctLogList/source")
                        .asText())
                .startsWith("Apple trust store");
    }

    @Test
    void aDownloadThatIsNotALogList_isRefused_andTheCachedListStays() throws IOException {
        Path cache = dir.resolve("kept");
        BODY.set(listJson);
        assertThat(update(cache, "--allow-network").status()).isZero();

        BODY.set("<html>maintenance</html>");
        Cli.Run html = update(cache, "--allow-network");
        BODY.set("{\"version\":\"9\",\"operators\":[]}");
        Cli.Run empty = update(cache, "--allow-network");
        BODY.set("{\"operators\":[{\"name\":\"X\",\"logs\":[{\"key\":\"AAAA\",\"log_id\":\"AAAA\",\"state\":{}}]}]}");
        Cli.Run broken = update(cache, "--allow-network");

        assertThat(html.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(html.err()).contains("refused, cache unchanged").contains("not JSON");
        assertThat(empty.err()).contains("refused, cache unchanged").contains("no logs");
        assertThat(broken.err()).contains("refused, cache unchanged");
        assertThat(Files.readString(cache.resolve(CtLogCache.FILE))).isEqualTo(listJson);
    }

    @Test
    void batch_usesTheCacheForRequestsWithoutCtLogs_andTakesApplesFormatInCtLogs() throws IOException {
        Path cache = dir.resolve("batch");
        BODY.set(listJson);
        assertThat(update(cache, "--allow-network").status()).isZero();
        ObjectNode plain = BatchProcessor.MAPPER
                .createObjectNode()
                .put("id", "plain")
                .put("host", HOST)
                .put("ios", "26.0");
        plain.putArray("chain").add(Files.readString(chain));
        plain.putArray("extraSystemRoots").add(Files.readString(root));
        ObjectNode apple = plain.deepCopy().put("id", "apple");
        apple.set("ctLogs", BatchProcessor.MAPPER.readTree(listJson));

        Cli.Run run = Cli.withStdin(plain + "\n" + apple + "\n", "batch", "--cache-dir", cache.toString());
        Cli.Run noCache = Cli.withStdin(plain + "\n", "batch", "--no-cache");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode p = BatchProcessor.MAPPER.readTree(run.outLines().get(0));
        JsonNode a = BatchProcessor.MAPPER.readTree(run.outLines().get(1));
        assertThat(p.get("trusted").asBoolean()).as(p.toString()).isTrue();
        assertThat(p.at("/ctLogList/source").asText()).contains("downloaded");
        assertThat(a.get("trusted").asBoolean()).as(a.toString()).isTrue();
        assertThat(a.at("/ctLogList/source").asText())
                .isEqualTo("Apple-format log list version 500 (asset version 40)");
        JsonNode n = BatchProcessor.MAPPER.readTree(noCache.outLines().get(0));
        assertThat(n.get("trusted").asBoolean()).isFalse();
        assertThat(n.at("/ctLogList/source").asText()).startsWith("Apple trust store");
    }

    @Test
    void aDamagedCache_isAnInputError_notASilentFallback() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("damaged"));
        Files.writeString(cache.resolve(CtLogCache.FILE), "{\"operators\": 7}");

        Cli.Run run = evaluate(cache);
        Cli.Run bypass = evaluate(cache, "--no-cache");

        assertThat(run.status()).isEqualTo(Main.BAD_INPUT);
        assertThat(run.err()).contains("damaged").contains("--no-cache");
        assertThat(bypass.status()).isEqualTo(1);
    }
}
