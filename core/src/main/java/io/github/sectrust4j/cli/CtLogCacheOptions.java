package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.ct.CtLogCache;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.policy.RuleSet;
import io.github.sectrust4j.report.JsonOut;
import io.github.sectrust4j.text.IsoInstant;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The CT log list the command line uses when a request names none (§8.4): the list {@code stores update}
 * downloaded, when there is one and the evaluation instant is not before its download (an evaluation in
 * the past keeps the release's own list of that time) and the release is a current one, else the
 * release's bundled list. The library
 * never reads the cache by itself; this is the command line's default, and every report names the list
 * it used ({@link #describe}).
 */
final class CtLogCacheOptions {
    @Option(
            names = "--no-cache",
            description = "Ignore the CT log list downloaded by 'stores update': use the "
                    + "release's bundled list (or --ct-logs).")
    boolean noCache;

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "Where 'stores update' keeps the CT log list " + "(default: $" + CtLogCache.ENV
                    + ", else $XDG_CACHE_HOME/sectrust4j, else ~/.cache/sectrust4j).")
    Path cacheDir;

    private volatile Optional<CtLogList> cached;

    Path directory() {
        return cacheDir != null ? cacheDir : CtLogCache.defaultDirectory();
    }

    /** The cached list (read once per run), unless --no-cache. A damaged cache is an input error. */
    Optional<CtLogList> cached() {
        if (noCache) {
            return Optional.empty();
        }
        Optional<CtLogList> c = cached;
        if (c == null) {
            try {
                c = CtLogCache.load(directory());
            } catch (IllegalStateException e) {
                throw new InputError(e.getMessage() + " (or pass --no-cache)");
            }
            cached = c;
        }
        return c;
    }

    /**
     * {@code trust} with the cached list, if it applies at {@code verifyTime} to every release evaluated; unchanged
     * otherwise. The downloaded list is today's: it stands for what a current device holds, so it applies
     * only to releases from the newest modelled one on. An older release keeps the list it shipped with —
     * taking today's list for it could count logs that release never knew, a trust it would not give.
     */
    SecTrust apply(SecTrust trust, Instant verifyTime, List<IosRelease> releases) {
        Optional<CtLogList> c = cached();
        if (c.isPresent()
                && !verifyTime.isBefore(c.get().date().orElse(Instant.MIN))
                && releases.stream().allMatch(r -> RuleSet.forRelease(r).takesDownloadedCtLogList())) {
            return trust.withCtLogs(c.get());
        }
        return trust;
    }

    private static final String NO_LIST = "none (no system trust store)";

    /** The log list a report was judged with: its name, date and size (the {@code ctLogList} response field). */
    static ObjectNode describe(SecTrust trust, TrustReport report) {
        ObjectNode o = JsonNodeFactory.instance.objectNode(); // the text report needs no mapper (start-up)
        Optional<CtLogList> list = usedList(trust, report);
        if (list.isEmpty()) {
            o.put("source", NO_LIST);
            o.put("logs", 0);
            return o;
        }
        o.put("source", list.get().source());
        list.get().date().ifPresent(d -> o.put("date", IsoInstant.format(d)));
        o.put("logs", list.get().size());
        return o;
    }

    /** {@link #describe} written as the next value of {@code g}, without building the object first (batch). */
    static void write(SecTrust trust, TrustReport report, JsonOut g) throws IOException {
        Optional<CtLogList> list = usedList(trust, report);
        g.startObject();
        if (list.isEmpty()) {
            g.stringField("source", NO_LIST);
            g.numberField("logs", 0);
        } else {
            g.stringField("source", list.get().source());
            if (list.get().date().isPresent()) {
                g.instantField("date", list.get().date().get());
            }
            g.numberField("logs", list.get().size());
        }
        g.endObject();
    }

    /** The caller's list, else the one of the report's system trust store; none without either. */
    private static Optional<CtLogList> usedList(SecTrust trust, TrustReport report) {
        Optional<CtLogList> list = trust.ctLogs();
        if (list.isEmpty() && report.trustStoreVersion().isPresent()) {
            int v = report.trustStoreVersion().getAsInt();
            list = Optional.of(CtLogList.of(AppleTrustStores.version(v)));
        }
        return list;
    }

    /** The text report's line naming the list. */
    static String line(ObjectNode d) {
        return "CT log list: " + d.get("source").asText()
                + (d.has("date") ? ", dated " + d.get("date").asText() : "") + " ("
                + d.get("logs").asInt() + " logs)";
    }
}
