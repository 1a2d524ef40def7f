package io.github.sectrust4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The figures script's tables: medians read from JMH / hyperfine JSON, ratios computed from them. */
class FiguresTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void jmh(ArrayNode out, String bench, String family, String anchor, double p50, String unit) {
        ObjectNode r = out.addObject();
        r.put("benchmark", "io.github.sectrust4j.bench." + bench);
        r.put("mode", "sample");
        ObjectNode params = r.putObject("params");
        params.put("family", family);
        params.put("chains", "256");
        if (anchor != null) {
            params.put("anchor", anchor);
        }
        ObjectNode metric = r.putObject("primaryMetric");
        metric.put("score", p50 * 10); // the mean: must not be what the tables show
        metric.put("scoreUnit", unit);
        metric.putObject("scorePercentiles").put("50.0", p50);
    }

    @Test
    void libraryTable_showsMediansAndTheTargetRatios() {
        ArrayNode r = JSON.createArrayNode();
        jmh(r, Figures.RAW, "EC_P256", null, 300, "us/op");
        jmh(r, Figures.RAW_JCA, "EC_P256", null, 1600, "us/op");
        jmh(r, Figures.RAW_SELF, "EC_P256", null, 450, "us/op");
        jmh(r, Figures.COLD, "EC_P256", "known", 360, "us/op");
        jmh(r, Figures.COLD, "EC_P256", "cold", 495, "us/op");
        jmh(r, Figures.WARM, "EC_P256", null, 4_500, "ns/op"); // 4.5 µs in another unit
        jmh(r, Figures.PKIX_COLD, "EC_P256", null, 1620, "us/op");
        jmh(r, Figures.PKIX_WARM, "EC_P256", null, 5.0, "us/op");
        jmh(r, Figures.RAW, "RSA_2048", null, 60, "us/op");
        jmh(r, Figures.RAW_JCA, "RSA_2048", null, 50, "us/op"); // the fastest RAW for RSA

        assertThat(Figures.medians(r))
                .containsEntry("SecTrustWarmBenchmark.sectrust4jWarm|EC_P256", 4.5)
                .containsEntry("SecTrustColdBenchmark.sectrust4jCold|EC_P256|known", 360.0);
        String table = Figures.library(r);
        assertThat(table)
                .contains("| sectrust4j cold, known anchor (2 checks) | 360 | – |")
                .contains("| sectrust4j warm | 4.50 | – |")
                .contains("| cold known anchor / fastest RAW (two checks) | 1.20× | – | ≤ 1.2 |")
                .contains("| cold new anchor / RAW with the root's self-signature | 1.10× | – |")
                .contains("| JDK PKIX cold / sectrust4j cold known anchor (speed-up) | 4.50× | – |")
                .contains("| sectrust4j warm / JDK PKIX warm | 0.90× | – | ≤ 1 |")
                .contains("Not measured in this run: ")
                .contains("SecTrustColdBenchmark.sectrust4jCold RSA_2048 known");
    }

    @Test
    void cliTable_showsRatiosToOpensslAndTheBareJvm_andTheGoal() throws Exception {
        JsonNode h = JSON.readTree("""
                {"results": [
                  {"command": "java -version", "median": 0.050, "min": 0.040, "user": 0.020, "system": 0.010,
                   "times": [0.05, 0.05, 0.04]},
                  {"command": "openssl verify", "median": 0.005, "min": 0.004, "user": 0.003, "system": 0.001,
                   "times": [0.005, 0.005, 0.004]},
                  {"command": "core/target/sectrust4j evaluate", "median": 0.250, "min": 0.200, "user": 0.300,
                   "system": 0.020, "times": [0.25, 0.25, 0.2]}
                ]}""");

        String table = Figures.cli(h);

        assertThat(table)
                .contains("| `openssl verify` (3 runs) | 5.0 ms | 4.0 ms | 4.0 ms | 1.00× | 0.10× |")
                .contains("| `core/target/sectrust4j evaluate` (3 runs) | 250 ms | 200 ms | 320 ms | 50× | 5.00× |")
                .contains("median 250 ms — within the 0.3 s goal");
    }
}
