package io.github.sectrust4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The README's performance figures from one run of {@code benchmarks/figures.sh}: the JMH results (JSON,
 * sample mode, microseconds) and the CLI timings (hyperfine JSON), as Markdown tables of medians and the
 * ratios the targets are stated in. A figure the run did not produce is shown as "–", never invented.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.github.sectrust4j.bench.Figures jmh.json hyperfine.json}
 */
public final class Figures {
    static final String RAW = "RawSignatureBenchmark.rawBouncyCastleJdkDigest";
    static final String RAW_SELF = "RawSignatureBenchmark.rawBouncyCastleJdkDigestWithRootSelfSignature";
    static final String RAW_JCA = "RawSignatureBenchmark.rawJdkProviders";
    static final String COLD = "SecTrustColdBenchmark.sectrust4jCold";
    static final String WARM = "SecTrustWarmBenchmark.sectrust4jWarm";
    static final String PKIX_COLD = "JdkPkixBenchmark.jdkPkixCold";
    static final String PKIX_WARM = "JdkPkixBenchmark.jdkPkixWarm";
    static final List<String> FAMILIES = List.of("EC_P256", "RSA_2048");

    /** Hyperfine command names (its {@code -n}), set by figures.sh. */
    static final String CLI_JVM = "java -version";

    static final String CLI_OPENSSL = "openssl verify";
    static final String CLI_JAR = "java -jar sectrust4j.jar evaluate";
    static final String CLI_LAUNCHER = "core/target/sectrust4j evaluate";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Figures() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Figures <jmh.json|-> <hyperfine.json|->");
            System.exit(2);
        }
        StringBuilder out = new StringBuilder();
        if (!args[0].equals("-")) {
            out.append(library(JSON.readTree(Files.readAllBytes(Path.of(args[0])))));
        }
        if (!args[1].equals("-")) {
            out.append(cli(JSON.readTree(Files.readAllBytes(Path.of(args[1])))));
        }
        System.out.print(out);
    }

    /** Medians (µs per chain) by benchmark (class.method, without the package) and family parameter. */
    static Map<String, Double> medians(JsonNode jmh) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (JsonNode r : jmh) {
            String name = r.path("benchmark").asText();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode params = r.path("params");
            String key = name + "|" + params.path("family").asText("")
                    + (params.has("anchor") ? "|" + params.path("anchor").asText() : "");
            JsonNode metric = r.path("primaryMetric");
            JsonNode p50 = metric.path("scorePercentiles").path("50.0");
            double v = p50.isNumber() ? p50.asDouble() : metric.path("score").asDouble(Double.NaN);
            m.put(key, toMicros(v, metric.path("scoreUnit").asText("us/op")));
        }
        return m;
    }

    private static double toMicros(double v, String unit) {
        return switch (unit) {
            case "ns/op" -> v / 1_000;
            case "ms/op" -> v * 1_000;
            case "s/op" -> v * 1_000_000;
            default -> v;
        };
    }

    static String library(JsonNode jmh) {
        Map<String, Double> m = medians(jmh);
        StringBuilder b = new StringBuilder();
        b.append("| per chain, µs (JMH sample mode, median) | ECDSA P-256 | RSA-2048 |\n|---|---:|---:|\n");
        row(b, "RAW: two signature checks, BC lightweight + JDK SHA-256", m, f -> get(m, RAW, f));
        row(b, "RAW: two signature checks, SunEC / SunRsaSign (JCA)", m, f -> get(m, RAW_JCA, f));
        row(b, "RAW: two checks + the root's self-signature (BC + JDK SHA-256)", m, f -> get(m, RAW_SELF, f));
        row(b, "sectrust4j cold, known anchor (2 checks)", m, f -> get(m, COLD, f, "known"));
        row(b, "sectrust4j cold, new anchor (3 checks)", m, f -> get(m, COLD, f, "cold"));
        row(b, "sectrust4j warm", m, f -> get(m, WARM, f));
        row(b, "JDK PKIX cold", m, f -> get(m, PKIX_COLD, f));
        row(b, "JDK PKIX warm", m, f -> get(m, PKIX_WARM, f));
        b.append("\n| ratio (medians) | ECDSA P-256 | RSA-2048 | target |\n|---|---:|---:|---|\n");
        ratio(
                b,
                "cold known anchor / fastest RAW (two checks)",
                f -> get(m, COLD, f, "known"),
                f -> min(get(m, RAW, f), get(m, RAW_JCA, f)),
                "≤ 1.2");
        ratio(
                b,
                "cold new anchor / RAW with the root's self-signature",
                f -> get(m, COLD, f, "cold"),
                f -> get(m, RAW_SELF, f),
                "≤ 1.2");
        ratio(
                b,
                "JDK PKIX cold / sectrust4j cold known anchor (speed-up)",
                f -> get(m, PKIX_COLD, f),
                f -> get(m, COLD, f, "known"),
                "≥ 2 (ECDSA)");
        ratio(b, "sectrust4j warm / JDK PKIX warm", f -> get(m, WARM, f), f -> get(m, PKIX_WARM, f), "≤ 1");
        List<String> missing = missing(m);
        if (!missing.isEmpty()) {
            b.append("\nNot measured in this run: ")
                    .append(String.join(", ", missing))
                    .append(".\n");
        }
        return b.append('\n').toString();
    }

    /** One timed command of the hyperfine run. */
    record Command(String name, double medianMs, double minMs, double cpuMs, int runs) {}

    static Map<String, Command> commands(JsonNode hyperfine) {
        Map<String, Command> m = new LinkedHashMap<>();
        for (JsonNode r : hyperfine.path("results")) {
            m.put(
                    r.path("command").asText(),
                    new Command(
                            r.path("command").asText(),
                            r.path("median").asDouble() * 1000,
                            r.path("min").asDouble() * 1000,
                            (r.path("user").asDouble() + r.path("system").asDouble()) * 1000,
                            r.path("times").size()));
        }
        return m;
    }

    static String cli(JsonNode hyperfine) {
        Map<String, Command> m = commands(hyperfine);
        Optional<Command> openssl = Optional.ofNullable(m.get(CLI_OPENSSL));
        Optional<Command> jvm = Optional.ofNullable(m.get(CLI_JVM));
        StringBuilder b = new StringBuilder();
        b.append("| command (hyperfine) | median wall | fastest | CPU (user+sys, mean) | median vs `openssl verify`"
                + " | median vs `java -version` |\n|---|---:|---:|---:|---:|---:|\n");
        for (Command c : m.values()) {
            b.append("| `")
                    .append(c.name())
                    .append("` (")
                    .append(c.runs())
                    .append(" runs) | ")
                    .append(ms(c.medianMs()))
                    .append(" | ")
                    .append(ms(c.minMs()))
                    .append(" | ")
                    .append(ms(c.cpuMs()))
                    .append(" | ")
                    .append(openssl.map(o -> times(c.medianMs() / o.medianMs())).orElse("–"))
                    .append(" | ")
                    .append(jvm.map(j -> times(c.medianMs() / j.medianMs())).orElse("–"))
                    .append(" |\n");
        }
        Command launcher = m.get(CLI_LAUNCHER);
        if (launcher != null) {
            b.append("\nFirst verdict (`")
                    .append(CLI_LAUNCHER)
                    .append("`): median ")
                    .append(ms(launcher.medianMs()))
                    .append(launcher.medianMs() <= 300 ? " — within" : " — above")
                    .append(" the 0.3 s goal of issue 14 on this run.\n");
        }
        return b.append('\n').toString();
    }

    private interface ByFamily {
        double of(String family);
    }

    private static void row(StringBuilder b, String label, Map<String, Double> m, ByFamily v) {
        b.append("| ").append(label);
        for (String f : FAMILIES) {
            b.append(" | ").append(micros(v.of(f)));
        }
        b.append(" |\n");
    }

    private static void ratio(StringBuilder b, String label, ByFamily num, ByFamily den, String target) {
        b.append("| ").append(label);
        for (String f : FAMILIES) {
            b.append(" | ").append(times(num.of(f) / den.of(f)));
        }
        b.append(" | ").append(target).append(" |\n");
    }

    private static double get(Map<String, Double> m, String bench, String family) {
        return m.getOrDefault(bench + "|" + family, Double.NaN);
    }

    private static double get(Map<String, Double> m, String bench, String family, String anchor) {
        return m.getOrDefault(bench + "|" + family + "|" + anchor, Double.NaN);
    }

    private static double min(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    static String micros(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    static String ms(double v) {
        return Double.isNaN(v)
                ? "–"
                : v >= 10 ? String.format(Locale.ROOT, "%,.0f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
    }

    static String times(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "–";
        }
        return (r >= 10 ? String.format(Locale.ROOT, "%.0f", r) : String.format(Locale.ROOT, "%.2f", r)) + "×";
    }

    /** The benchmarks the tables need that the run did not produce. */
    static List<String> missing(Map<String, Double> m) {
        List<String> out = new ArrayList<>();
        for (String f : FAMILIES) {
            for (String bench : List.of(RAW, RAW_SELF, RAW_JCA, WARM, PKIX_COLD, PKIX_WARM)) {
                if (!m.containsKey(bench + "|" + f)) {
                    out.add(bench + " " + f);
                }
            }
            for (String anchor : List.of("known", "cold")) {
                if (!m.containsKey(COLD + "|" + f + "|" + anchor)) {
                    out.add(COLD + " " + f + " " + anchor);
                }
            }
        }
        return out;
    }
}
