import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Architecture metrics of the core module, computed from its sources (no build, no network):
 * package cycles, public types, evidence reads by string key, inline iOS-release comparisons and
 * {@code new SecTrust(} calls. Run from the repository root: {@code scripts/architecture-metrics}
 * (or {@code java scripts/ArchitectureMetrics.java [repo-root]}). Output is sorted, so two runs on one
 * tree print the same bytes.
 */
public final class ArchitectureMetrics {

    private static final String ROOT_PACKAGE = "io.github.sectrust4j";
    /** A reference to a type of the project: lower-case package segments, then an upper-case type or {@code *}. */
    private static final Pattern TYPE_REFERENCE =
            Pattern.compile("\\b(io\\.github\\.sectrust4j(?:\\.[a-z][a-z0-9_]*)*)\\.(?:[A-Z]|\\*)");
    private static final Pattern PACKAGE_DECLARATION = Pattern.compile("(?m)^package\\s+([a-z0-9_.]+)\\s*;");
    private static final Pattern TOP_LEVEL_PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|record|enum|@interface)\\s+\\w+");
    private static final Pattern NESTED_PUBLIC_TYPE = Pattern.compile(
            "(?m)^[ \\t]+public\\s+(?:(?:static|final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|record|enum|@interface)\\s+\\w+");
    /** Evidence maps are read as {@code e.get("key")}, {@code evidence.get("key")} or {@code f.evidence().get("key")}. */
    private static final Pattern EVIDENCE_READ =
            Pattern.compile("\\b(?:e|evidence|evidence\\(\\))\\.get(?:OrDefault)?\\(\\s*\"");
    /** IosRelease's version-literal comparisons ({@code release.atLeast(13, 0)}, {@code .before(10, 3)}) and compareTo on a release constant. */
    private static final Pattern RELEASE_COMPARISON =
            Pattern.compile("\\.(?:atLeast|before)\\(\\s*\\d|\\.compareTo\\(\\s*IosRelease\\.");
    private static final Pattern NEW_SECTRUST = Pattern.compile("\\bnew\\s+SecTrust\\s*\\(");

    private ArchitectureMetrics() {}

    public static void main(String[] args) throws IOException {
        boolean listEdges = args.length > 0 && args[0].equals("--edges");
        String root = args.length > (listEdges ? 1 : 0) ? args[listEdges ? 1 : 0] : ".";
        Path repo = Paths.get(root).toAbsolutePath().normalize();
        Path coreMain = repo.resolve("core/src/main/java");
        if (!Files.isDirectory(coreMain)) {
            System.err.println("architecture-metrics: no core/src/main/java under " + repo);
            System.exit(2);
        }
        List<Path> coreFiles = javaFiles(coreMain);
        Map<Path, String> text = new TreeMap<>();
        for (Path f : coreFiles) {
            text.put(f, Files.readString(f, StandardCharsets.UTF_8));
        }

        // 1. package graph and its strongly connected components
        Map<String, TreeMap<String, TreeSet<String>>> edges = new TreeMap<>(); // from -> to -> files
        TreeSet<String> packages = new TreeSet<>();
        Map<Path, String> packageOf = new HashMap<>();
        for (Map.Entry<Path, String> entry : text.entrySet()) {
            String code = stripCommentsAndStrings(entry.getValue());
            Matcher p = PACKAGE_DECLARATION.matcher(code);
            String from = p.find() ? p.group(1) : "";
            packageOf.put(entry.getKey(), from);
            packages.add(from);
            edges.computeIfAbsent(from, k -> new TreeMap<>());
            Matcher m = TYPE_REFERENCE.matcher(code);
            while (m.find()) {
                String to = m.group(1);
                if (!to.equals(from) && !m.group().startsWith("package")) {
                    edges.get(from).computeIfAbsent(to, k -> new TreeSet<>()).add(coreMain.relativize(entry.getKey()).toString());
                }
            }
        }
        edges.values().forEach(targets -> targets.keySet().removeIf(t -> !packages.contains(t) && !t.startsWith(ROOT_PACKAGE)));
        List<List<String>> cycles = stronglyConnected(packages, edges).stream()
                .filter(c -> c.size() > 1)
                .sorted((a, b) -> b.size() != a.size() ? b.size() - a.size() : a.get(0).compareTo(b.get(0)))
                .collect(Collectors.toList());
        int edgeCount = edges.values().stream().mapToInt(Map::size).sum();
        if (listEdges) { // the whole package graph, one edge a line, e.g. to compare with jdeps -verbose:package
            edges.forEach((from, targets) -> targets.keySet().forEach(to -> System.out.println(from + " " + to)));
            return;
        }
        System.out.println("# architecture metrics of core (sources: core/src/main/java, " + coreFiles.size() + " files)");
        System.out.println();
        System.out.println("## package dependency cycles (strongly connected components with more than one package)");
        System.out.println("packages: " + packages.size() + ", package dependency edges: " + edgeCount);
        int inCycles = cycles.stream().mapToInt(List::size).sum();
        System.out.println("cycles (SCCs): " + cycles.size() + ", packages in a cycle: " + inCycles);
        for (int i = 0; i < cycles.size(); i++) {
            List<String> scc = cycles.get(i);
            System.out.println("cycle " + (i + 1) + " (" + scc.size() + " packages): " + shortNames(scc));
            for (String from : scc) {
                for (Map.Entry<String, TreeSet<String>> to : edges.get(from).entrySet()) {
                    if (scc.contains(to.getKey())) {
                        System.out.println("  " + shortName(from) + " -> " + shortName(to.getKey()) + "  ("
                                + to.getValue().size() + " files, e.g. " + to.getValue().first() + ")");
                    }
                }
            }
        }

        // the same without the root package: it is the API (value types every layer uses, and the façade that
        // drives the engine), so it meets every layer; the internal packages alone must form a DAG
        TreeSet<String> internal = new TreeSet<>(packages);
        internal.remove(ROOT_PACKAGE);
        Map<String, TreeMap<String, TreeSet<String>>> internalEdges = new TreeMap<>();
        for (String p : internal) {
            TreeMap<String, TreeSet<String>> t = new TreeMap<>(edges.get(p));
            t.keySet().remove(ROOT_PACKAGE);
            internalEdges.put(p, t);
        }
        List<List<String>> internalCycles = stronglyConnected(internal, internalEdges).stream()
                .filter(c -> c.size() > 1).collect(Collectors.toList());
        System.out.println("internal packages only (root package excluded): cycles (SCCs): " + internalCycles.size()
                + ", packages in a cycle: " + internalCycles.stream().mapToInt(List::size).sum());
        for (List<String> scc : internalCycles) {
            System.out.println("  internal cycle: " + shortNames(scc));
        }

        // 2. public types
        System.out.println();
        System.out.println("## public types (top-level public + public nested)");
        TreeMap<String, int[]> perPackage = new TreeMap<>();
        int topTotal = 0;
        int nestedTotal = 0;
        for (Map.Entry<Path, String> entry : text.entrySet()) {
            String code = stripCommentsAndStrings(entry.getValue());
            int top = count(TOP_LEVEL_PUBLIC_TYPE, code);
            int nested = count(NESTED_PUBLIC_TYPE, code);
            int[] c = perPackage.computeIfAbsent(packageOf.get(entry.getKey()), k -> new int[2]);
            c[0] += top;
            c[1] += nested;
            topTotal += top;
            nestedTotal += nested;
        }
        System.out.println("total: " + (topTotal + nestedTotal) + " (top-level " + topTotal + ", nested " + nestedTotal + ")");
        for (Map.Entry<String, int[]> e : perPackage.entrySet()) {
            System.out.printf("  %-28s %4d  (top-level %d, nested %d)%n", shortName(e.getKey()),
                    e.getValue()[0] + e.getValue()[1], e.getValue()[0], e.getValue()[1]);
        }

        // 3. evidence reads by string key
        System.out.println();
        System.out.println("## Map<String, Object> evidence reads by string key (e.get(\"..\"), evidence.get(\"..\"), evidence().get(\"..\"))");
        printOccurrences(EVIDENCE_READ, text, coreMain, p -> true);

        // 4. inline iOS-release comparisons outside policy/RuleSet and IosRelease itself
        System.out.println();
        System.out.println("## inline iOS-release comparisons outside policy/RuleSet.java (.atLeast(<n>, .before(<n>, .compareTo(IosRelease.)");
        printOccurrences(RELEASE_COMPARISON, text, coreMain,
                p -> !p.endsWith("policy/RuleSet.java") && !p.endsWith(ROOT_PACKAGE.replace('.', '/') + "/IosRelease.java"));

        // 5. constructor calls of SecTrust, in every module's main and test sources
        System.out.println();
        System.out.println("## new SecTrust( calls (all modules, main and test)");
        Map<Path, String> all = new TreeMap<>();
        for (Path f : javaFiles(repo)) {
            String rel = repo.relativize(f).toString();
            if (!rel.contains("/target/") && !rel.startsWith("scripts/")) {
                all.put(f, Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        printOccurrences(NEW_SECTRUST, all, repo, p -> true);
    }

    private static void printOccurrences(Pattern pattern, Map<Path, String> files, Path base,
            java.util.function.Predicate<String> include) {
        TreeMap<String, Integer> perFile = new TreeMap<>();
        for (Map.Entry<Path, String> e : files.entrySet()) {
            String rel = base.relativize(e.getKey()).toString().replace('\\', '/');
            if (!include.test(rel)) {
                continue;
            }
            int n = count(pattern, stripComments(e.getValue()));
            if (n > 0) {
                perFile.put(rel, n);
            }
        }
        System.out.println("total: " + perFile.values().stream().mapToInt(Integer::intValue).sum() + " in " + perFile.size() + " files");
        perFile.forEach((f, n) -> System.out.printf("  %4d  %s%n", n, f.replaceFirst("^io/github/sectrust4j/", "")
                .replace("/src/main/java/io/github/sectrust4j/", " main ").replace("/src/test/java/io/github/sectrust4j/", " test ")));
    }

    private static int count(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String shortName(String pkg) {
        return pkg.equals(ROOT_PACKAGE) ? "(root)" : pkg.startsWith(ROOT_PACKAGE + ".") ? pkg.substring(ROOT_PACKAGE.length() + 1) : pkg;
    }

    private static String shortNames(List<String> pkgs) {
        return pkgs.stream().map(ArchitectureMetrics::shortName).collect(Collectors.joining(", "));
    }

    /** Comments removed; string and char literals kept (the string-key idioms are counted inside them). */
    private static String stripComments(String s) {
        return strip(s, false);
    }

    /** Comments and the contents of string/char literals removed, so javadoc links and messages make no edges. */
    private static String stripCommentsAndStrings(String s) {
        return strip(s, true);
    }

    private static String strip(String s, boolean strings) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                for (int k = i; k < stop; k++) {
                    if (s.charAt(k) == '\n') {
                        out.append('\n'); // keep line structure for the ^-anchored patterns
                    }
                }
                i = stop;
            } else if (c == '"' && s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                int stop = end < 0 ? n : end + 3;
                out.append(strings ? "\"\"" : s.substring(i, stop));
                i = stop;
            } else if (c == '"' || c == '\'') {
                int k = i + 1;
                while (k < n && s.charAt(k) != c && s.charAt(k) != '\n') {
                    k += s.charAt(k) == '\\' ? 2 : 1;
                }
                int stop = Math.min(n, k + 1);
                out.append(strings ? String.valueOf(c) + c : s.substring(i, stop));
                i = stop;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Tarjan's algorithm, iterative; components come out with their packages sorted. */
    private static List<List<String>> stronglyConnected(TreeSet<String> nodes, Map<String, TreeMap<String, TreeSet<String>>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        java.util.Set<String> onStack = new java.util.HashSet<>();
        List<List<String>> result = new ArrayList<>();
        int[] next = {0};
        for (String start : nodes) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Object[]> work = new ArrayDeque<>(); // {node, iterator over successors}
            index.put(start, next[0]);
            low.put(start, next[0]++);
            stack.push(start);
            onStack.add(start);
            work.push(new Object[] {start, successors(start, edges).iterator()});
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                @SuppressWarnings("unchecked")
                java.util.Iterator<String> it = (java.util.Iterator<String>) frame[1];
                if (it.hasNext()) {
                    String w = it.next();
                    if (!index.containsKey(w)) {
                        index.put(w, next[0]);
                        low.put(w, next[0]++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(new Object[] {w, successors(w, edges).iterator()});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                } else {
                    work.pop();
                    if (!work.isEmpty()) {
                        String parent = (String) work.peek()[0];
                        low.put(parent, Math.min(low.get(parent), low.get(v)));
                    }
                    if (low.get(v).equals(index.get(v))) {
                        TreeSet<String> component = new TreeSet<>();
                        String w;
                        do {
                            w = stack.pop();
                            onStack.remove(w);
                            component.add(w);
                        } while (!w.equals(v));
                        result.add(new ArrayList<>(component));
                    }
                }
            }
        }
        return result;
    }

    private static List<String> successors(String node, Map<String, TreeMap<String, TreeSet<String>>> edges) {
        TreeMap<String, TreeSet<String>> out = edges.get(node);
        return out == null ? List.of() : new ArrayList<>(out.keySet());
    }
}
