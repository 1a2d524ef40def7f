package io.github.sectrust4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.truststores.AnchorGroup;
import io.github.sectrust4j.truststores.AnchorRecord;
import io.github.sectrust4j.truststores.AppleTrustStore;
import io.github.sectrust4j.truststores.AppleTrustStores;
import io.github.sectrust4j.truststores.TrustStoreVersionInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stores}: the bundled Apple trust-store versions; {@code stores show V}: one version's anchors. */
@Command(
        name = "stores",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Lists the bundled Apple trust-store versions with the iOS releases that shipped them.",
        subcommands = {StoresCommand.Show.class, StoresUpdateCommand.class})
final class StoresCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "A JSON array, one object per trust-store version.")
    private boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<TrustStoreVersionInfo> versions = AppleTrustStores.versions();
        if (json) {
            ArrayNode array = BatchProcessor.MAPPER.createArrayNode();
            for (TrustStoreVersionInfo v : versions) {
                ObjectNode o = array.addObject();
                o.put("trustStoreVersion", v.trustStoreVersion());
                ArrayNode releases = o.putArray("iosReleases");
                v.iosReleases().forEach(releases::add);
                o.put("anchors", v.rootsCount());
                o.put("evRoots", v.evRootsCount());
                o.put("sourceRelease", v.sourceRelease());
                o.put("sourceDate", v.sourceDate().toString());
            }
            out.println(pretty(array));
        } else {
            out.printf(
                    "%-12s %7s %8s  %-34s %-10s  %s%n",
                    "VERSION", "ANCHORS", "EV ROOTS", "SOURCE", "DATE", "iOS RELEASES");
            for (TrustStoreVersionInfo v : versions) {
                out.printf(
                        "%-12d %7d %8d  %-34s %-10s  %s%n",
                        v.trustStoreVersion(),
                        v.rootsCount(),
                        v.evRootsCount(),
                        v.sourceRelease(),
                        v.sourceDate(),
                        v.iosReleases().isEmpty() ? "-" : String.join(", ", v.iosReleases()));
            }
        }
        out.flush();
        return 0;
    }

    static String pretty(Object node) {
        try {
            return BatchProcessor.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code stores show VERSION}: the system anchors (Apple's roots group) of one version. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            versionProvider = Main.Version.class,
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = "Lists the anchors (Apple's roots group) of one trust-store version: subject, SHA-256, "
                    + "validity, EV policy OIDs, constraints.")
    static final class Show implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(
                index = "0",
                paramLabel = "VERSION",
                description = "A trust-store version (e.g. 2023071300) or an iOS release (e.g. 17.4).")
        private String version;

        @Option(names = "--json", description = "A JSON object with the version and its anchors.")
        private boolean json;

        @Override
        public Integer call() {
            AppleTrustStore store = resolve(version);
            mappingNote(version)
                    .ifPresent(
                            n -> { // as evaluate's IosRelease finding: say how the release was mapped
                                spec.commandLine().getErr().println("note: " + n);
                                spec.commandLine().getErr().flush();
                            });
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode root = BatchProcessor.MAPPER.createObjectNode();
                root.put("trustStoreVersion", store.version());
                ArrayNode releases = root.putArray("iosReleases");
                store.iosReleases().forEach(releases::add);
                root.put("sourceRelease", store.sourceRelease());
                ArrayNode anchors = root.putArray("anchors");
                for (AnchorRecord a : store.anchors()) {
                    ObjectNode o = anchors.addObject();
                    o.put("subject", a.subjectString());
                    o.put("sha256", a.sha256Hex());
                    o.put("notBefore", a.notBefore().toString());
                    o.put("notAfter", a.notAfter().toString());
                    ArrayNode ev = o.putArray("evPolicies");
                    store.evPolicies(a.sha256()).forEach(ev::add);
                    ObjectNode constraints = o.putObject("constraints");
                    for (Map.Entry<AnchorGroup, List<String>> c :
                            store.constraints(a.sha256()).entrySet()) {
                        ArrayNode oids = constraints.putArray(c.getKey().folder());
                        c.getValue().forEach(oids::add);
                    }
                    o.put("nameConstraints", a.nameConstraints() != null);
                }
                out.println(pretty(root));
            } else {
                out.printf(
                        "Apple trust store %d (%s, %s), iOS %s: %d anchors%n%n",
                        store.version(),
                        store.sourceRelease(),
                        store.sourceDate(),
                        store.iosReleases().isEmpty() ? "-" : String.join(", ", store.iosReleases()),
                        store.anchors().size());
                for (AnchorRecord a : store.anchors()) {
                    out.println(a.subjectString());
                    out.println("    sha256       " + a.sha256Hex());
                    out.println("    valid        " + a.notBefore() + " to " + a.notAfter());
                    List<String> ev = store.evPolicies(a.sha256());
                    if (!ev.isEmpty()) {
                        out.println("    EV policies  " + String.join(", ", ev));
                    }
                    for (Map.Entry<AnchorGroup, List<String>> c :
                            store.constraints(a.sha256()).entrySet()) {
                        out.println("    constraints  " + c.getKey().folder() + ": "
                                + (c.getValue().isEmpty() ? "none" : String.join(", ", c.getValue())));
                    }
                    if (a.nameConstraints() != null) {
                        out.println("    name constraints present");
                    }
                }
            }
            out.flush();
            return 0;
        }

        /** How a release outside Apple's table was mapped (the rule evaluate and batch follow), if it was. */
        private static Optional<String> mappingNote(String text) {
            String t = text.trim().replaceFirst("(?i)^ios\\s*", "");
            if (!t.matches("\\d{1,2}(\\.\\d{1,2}){0,2}")) {
                return Optional.empty();
            }
            IosRelease r = IosRelease.parse(t);
            if (r.afterNewestModelled()) {
                return Optional.of("iOS " + t + " is after the newest modelled release " + IosRelease.NEWEST
                        + ": showing its store, the newest bundled");
            }
            if (r.beforeFirstTrustStore()) {
                return Optional.of("iOS " + t + " predates Apple's versioned trust stores (8.3): showing the "
                        + "oldest bundled store");
            }
            return Optional.empty();
        }

        private static AppleTrustStore resolve(String text) {
            String t = text.trim();
            try {
                if (t.matches("\\d{10}")) {
                    return AppleTrustStores.version(Integer.parseInt(t));
                }
                if (t.toLowerCase(Locale.ROOT).matches("(ios\\s*)?\\d{1,2}(\\.\\d{1,2}){0,2}")) {
                    // the release rule of evaluate and batch (IosRelease): same stores, same refusals
                    return IosRelease.parse(t.replaceFirst("(?i)^ios\\s*", "")).trustStore();
                }
            } catch (IllegalArgumentException e) {
                throw new InputError(e.getMessage());
            }
            throw new InputError("not a trust-store version or iOS release: '" + text
                    + "' (expected e.g. 2023071300 or 17.4; see 'sectrust4j stores')");
        }
    }
}
