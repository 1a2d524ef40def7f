package io.github.sectrust4j.cli;

import io.github.sectrust4j.ct.CtLogCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code stores update --allow-network}: downloads Apple's current CT log list into the user cache that
 * later {@code evaluate} and {@code batch} runs use (§8.4). It uses the network only when told to
 * ({@code --allow-network}), as {@code evaluate --connect} does only when asked.
 */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Downloads Apple's current CT log list (" + "https://valid.apple.com/ct/log_list/current_log_list.json"
                    + ") into the user cache; later evaluate and batch runs use it (unless --no-cache) and name it in every "
                    + "report. The list is checked before it replaces the cached one. Needs --allow-network.",
            "Newer trust-store data (root certificates) is not downloaded: Apple publishes it in no "
                    + "machine-readable feed; the bundled stores stay as they are."
        })
final class StoresUpdateCommand implements Callable<Integer> {
    /** The fetcher used by the command (tests replace it; the default is the JDK's HTTPS client). */
    static volatile CtLogCache.Fetcher fetcher = CtLogCache.httpFetcher(Duration.ofSeconds(30));

    @Spec
    private CommandSpec spec;

    @Option(names = "--allow-network", description = "Required: allow this command to download.")
    private boolean allowNetwork;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "Cache directory (default: $" + CtLogCache.ENV
                    + ", else $XDG_CACHE_HOME/sectrust4j, else ~/.cache/sectrust4j).")
    private Path cacheDir;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Download from this URL instead of Apple's " + "(https; http only from a loopback address).")
    private URI url = CtLogCache.APPLE_CURRENT_LIST;

    @Override
    public Integer call() {
        Path dir = cacheDir != null ? cacheDir : CtLogCache.defaultDirectory();
        if (!allowNetwork) {
            throw new InputError("stores update downloads " + url + " into " + dir.resolve(CtLogCache.FILE)
                    + "; sectrust4j never uses the network unless told to: add --allow-network");
        }
        CtLogCache.Update u;
        try {
            u = CtLogCache.update(dir, url, fetcher, Clock.systemUTC());
        } catch (IOException e) {
            throw new InputError("download failed, cache unchanged: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InputError("refused, cache unchanged: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("CT log list version " + (u.version().isEmpty() ? "?" : u.version()) + " (" + u.logs() + " logs, "
                + u.trustedLogs() + " trusted on device) downloaded " + u.downloadedAt() + " into " + u.file()
                + u.replacedVersion().map(r -> "; replaced " + r).orElse(""));
        out.println("evaluate and batch now use it for evaluations at or after " + u.downloadedAt()
                + " (--no-cache: the bundled list).");
        out.println("Trust stores unchanged: Apple publishes newer trust-store data in no machine-readable feed.");
        out.flush();
        return 0;
    }
}
