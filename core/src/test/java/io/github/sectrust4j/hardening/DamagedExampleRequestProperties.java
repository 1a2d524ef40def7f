package io.github.sectrust4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.cli.Cli;
import io.github.sectrust4j.conformance.ExampleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * The bundled example requests with one input damaged at random — a certificate's DER, a stapled OCSP
 * response, an SCT or the user's exceptions (bytes replaced, dropped or inserted): {@code batch} answers
 * every line, in order, with an input error or a verdict, never an internal error; and a damaged input
 * never turns an untrusted example into a trusted one, except a revoked chain whose stapled OCSP
 * response no longer parses or verifies (ignored, then soft fail — as on a device).
 */
class DamagedExampleRequestProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PEM =
            Pattern.compile("-----BEGIN CERTIFICATE-----\n(.*?)\n-----END CERTIFICATE-----", Pattern.DOTALL);
    private static final List<ObjectNode> EXAMPLES = new ArrayList<>();
    private static final Map<String, Boolean> TRUSTED = new HashMap<>();

    static {
        try {
            for (String line : Files.readAllLines(ExampleFiles.examples().resolve("requests.jsonl"))) {
                EXAMPLES.add((ObjectNode) JSON.readTree(line));
            }
            for (String line : Files.readAllLines(ExampleFiles.examples().resolve("expected.jsonl"))) {
                JsonNode e = JSON.readTree(line);
                TRUSTED.put(e.get("id").asText(), e.get("trusted").asBoolean());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Property(tries = 40)
    void damagedExamples_getAVerdictOrAnInputError_neverAFalseTrust(@ForAll long seed) throws IOException {
        Statistics.coverage(c -> {
            c.check("verdict").count(n -> n > 0);
            c.check("input error").count(n -> n > 0);
        });
        Random rnd = new Random(seed);
        List<String> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (int n = 0; n < 15; n++) {
            ObjectNode r = EXAMPLES.get(rnd.nextInt(EXAMPLES.size())).deepCopy();
            String field = damage(r, rnd);
            r.put("id", n + ":" + field + ":" + r.get("id").asText());
            lines.add(r.toString());
            fields.add(field);
        }
        Cli.Run run = Cli.withStdin(String.join("\n", lines) + "\n", "batch");
        List<String> out = run.outLines();
        assertThat(out).hasSize(lines.size());
        for (int i = 0; i < out.size(); i++) {
            JsonNode response = JSON.readTree(out.get(i));
            String[] id = response.get("id").asText().split(":", 3);
            assertThat(Integer.parseInt(id[0])).isEqualTo(i);
            assertThat(response.path("error").has("internal")).as(out.get(i)).isFalse();
            boolean trusted = response.path("trusted").asBoolean(false);
            Statistics.collect(response.has("trusted") ? "verdict" : "input error");
            if (trusted && !TRUSTED.get(id[2])) {
                assertThat(id[1]).as("damaged %s made %s trusted", id[1], id[2]).isEqualTo("ocspResponses");
            }
        }
    }

    /** Damages one input of the request in place; returns the field's name. */
    private static String damage(ObjectNode r, Random rnd) {
        List<String> candidates = new ArrayList<>();
        for (String f : List.of("chain", "anchors", "extraSystemRoots", "ocspResponses", "scts", "exceptions")) {
            if (r.has(f)) {
                candidates.add(f);
            }
        }
        String field = candidates.get(rnd.nextInt(candidates.size()));
        if (field.equals("exceptions")) {
            r.put(field, b64(mutate(Base64.getDecoder().decode(r.get(field).asText()), rnd)));
            return field;
        }
        ArrayNode array = (ArrayNode) r.get(field);
        int i = rnd.nextInt(array.size());
        String value = array.get(i).asText();
        if (field.equals("ocspResponses") || field.equals("scts")) {
            array.set(
                    i,
                    JSON.getNodeFactory()
                            .textNode(b64(mutate(Base64.getDecoder().decode(value), rnd))));
        } else {
            Matcher m = PEM.matcher(value);
            assertThat(m.find()).isTrue();
            byte[] der = Base64.getMimeDecoder().decode(m.group(1));
            array.set(
                    i,
                    JSON.getNodeFactory()
                            .textNode("-----BEGIN CERTIFICATE-----\n"
                                    + Base64.getMimeEncoder(64, new byte[] {'\n'})
                                            .encodeToString(mutate(der, rnd))
                                    + "\n-----END CERTIFICATE-----\n"));
        }
        return field;
    }

    private static byte[] mutate(byte[] in, Random rnd) {
        List<Byte> b = new ArrayList<>();
        for (byte x : in) {
            b.add(x);
        }
        for (int k = 0, n = 1 + rnd.nextInt(4); k < n && !b.isEmpty(); k++) {
            int i = rnd.nextInt(b.size());
            double op = rnd.nextDouble();
            if (op < 0.6) {
                b.set(i, (byte) rnd.nextInt(256));
            } else if (op < 0.8) {
                b.remove(i);
            } else {
                b.add(i, (byte) rnd.nextInt(256));
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
