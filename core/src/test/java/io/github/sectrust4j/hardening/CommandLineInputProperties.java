package io.github.sectrust4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.cli.Cli;
import io.github.sectrust4j.cli.Main;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The command line under random input. {@code batch}: random request objects (every contract field
 * with values of random JSON types, huge strings, deep nesting, valid and broken PEM) → exactly one
 * JSON line per input line, same order and id, never an internal error. {@code evaluate}: random
 * bytes, PEM-shaped junk and damaged DER as the chain file → exit 2 and one stderr line, no stack trace
 * (or, for a damaged certificate that still parses, a not-trusted verdict).
 */
class CommandLineInputProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] FIELDS = {
        "chain",
        "policy",
        "host",
        "ios",
        "at",
        "systemRoots",
        "extraSystemRoots",
        "anchors",
        "anchorsOnly",
        "userRoots",
        "intermediates",
        "ocspResponses",
        "scts",
        "ctLogs",
        "revocationDatabase",
        "network",
        "exceptions",
        "exceptionEpoch",
        "copyExceptions",
        "unknownField"
    };
    private static final HeldCertificate ROOT;
    private static final HeldCertificate LEAF;

    static {
        TestPki pki = TestPki.seeded(71);
        ROOT = pki.root("CLI Root").build();
        LEAF = pki.leaf("example.com", ROOT).validForDays(90).build();
    }

    @Property(tries = 25)
    void batch_randomRequests_getExactlyOneLineEach_inOrder_neverAnInternalError(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int lines) throws IOException {
        Statistics.coverage(c -> {
            c.check("verdict").count(n -> n > 0);
            c.check("input error").count(n -> n > 0);
        });
        Random rnd = new Random(seed);
        List<String> in = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            in.add(requestLine(rnd, i));
        }
        Cli.Run r = Cli.withStdin(String.join("\n", in) + "\n", "batch");

        assertThat(r.status()).as(r.err()).isZero();
        List<String> out = r.out().lines().toList();
        assertThat(out).hasSize(lines);
        for (int i = 0; i < lines; i++) {
            JsonNode response = JSON.readTree(out.get(i));
            assertThat(response.at("/error/internal").isMissingNode())
                    .as(out.get(i))
                    .isTrue();
            JsonNode sent = idOf(in.get(i));
            if (sent != null) {
                assertThat(response.get("id")).as("id of line " + i).isEqualTo(sent);
            }
            Statistics.collect(response.has("trusted") ? "verdict" : "input error");
        }
    }

    private static JsonNode idOf(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            return n != null && n.isObject() && n.has("id") ? n.get("id") : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String requestLine(Random rnd, int i) {
        switch (rnd.nextInt(8)) {
            case 0:
                return "[".repeat(5_000 + rnd.nextInt(50_000)); // deep nesting, unterminated
            case 1:
                return "{\"id\":\"" + i + "\",\"chain\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}";
            default:
                break;
        }
        ObjectNode n = F.objectNode();
        n.put("id", "r" + i);
        n.set("chain", rnd.nextInt(3) == 0 ? randomValue(rnd, 0) : F.arrayNode().add(LEAF.pem()));
        if (rnd.nextBoolean()) {
            n.set("anchors", F.arrayNode().add(ROOT.pem()));
        }
        n.put("at", TestPki.DEFAULT_NOW.toString());
        int fields = rnd.nextInt(5);
        for (int k = 0; k < fields; k++) {
            String f = FIELDS[rnd.nextInt(FIELDS.length)];
            JsonNode v = randomValue(rnd, 0);
            if (f.equals("network") && v.isBoolean()) {
                v = F.booleanNode(false); // never let a test touch the network
            }
            if (f.equals("revocationDatabase") && v.isTextual()) {
                v = F.textNode(
                        new String[] {"/", "/dev/null", "/nonexistent/valid.sqlite3", "", "\u0000"}[rnd.nextInt(5)]);
            }
            n.set(f, v);
        }
        return n.toString();
    }

    static JsonNode randomValue(Random rnd, int depth) {
        switch (rnd.nextInt(depth > 3 ? 8 : 11)) {
            case 0:
                return F.nullNode();
            case 1:
                return F.booleanNode(rnd.nextBoolean());
            case 2:
                return F.numberNode(rnd.nextLong());
            case 3:
                return F.numberNode(rnd.nextDouble() * 1e300);
            case 4:
                return F.textNode("x".repeat(rnd.nextInt(3) == 0 ? 70_000 : rnd.nextInt(20)));
            case 5:
                return F.textNode(LEAF.pem());
            case 6:
                return F.textNode(brokenPem(rnd));
            case 7:
                return F.textNode(new String[] {
                            "ssl-server",
                            "basic",
                            "17.4",
                            "12.0",
                            "99.0",
                            "2023071300",
                            "profile",
                            "mdm",
                            "trustRoot",
                            "deny",
                            "usable",
                            "1970-01-01T00:00:00Z",
                            "+1000000000-12-31T23:59:59Z",
                            "example.com",
                            "*.example.com",
                            "1.2.3.4",
                            "::1",
                            "\u0000",
                            "é.例え.jp"
                        }
                        [rnd.nextInt(19)]);
            case 8: {
                ArrayNode a = F.arrayNode();
                int n = rnd.nextInt(4);
                for (int k = 0; k < n; k++) {
                    a.add(randomValue(rnd, depth + 1));
                }
                return a;
            }
            case 9: {
                ObjectNode o = F.objectNode();
                String[] keys = {
                    "cert",
                    "install",
                    "fullTrust",
                    "trustSettings",
                    "result",
                    "policy",
                    "policyString",
                    "allowedError",
                    "key",
                    "operator",
                    "state",
                    "stateTimestamp",
                    "description"
                };
                int n = rnd.nextInt(5);
                for (int k = 0; k < n; k++) {
                    o.set(keys[rnd.nextInt(keys.length)], randomValue(rnd, depth + 1));
                }
                return o;
            }
            default: {
                ArrayNode a = F.arrayNode();
                a.add(randomValue(rnd, depth + 1));
                return a;
            }
        }
    }

    static String brokenPem(Random rnd) {
        byte[] der = LEAF.der().clone();
        der[rnd.nextInt(der.length)] ^= (byte) (1 + rnd.nextInt(255));
        String b64 = Base64.getMimeEncoder().encodeToString(rnd.nextBoolean() ? der : randomBytes(rnd, 300));
        return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
    }

    static byte[] randomBytes(Random rnd, int max) {
        byte[] b = new byte[rnd.nextInt(max + 1)];
        rnd.nextBytes(b);
        return b;
    }

    @Property(tries = 60)
    void evaluate_randomBytesAsChain_exitTwoWithOneStderrLine_orANotTrustedVerdict(@ForAll long seed)
            throws IOException {
        Statistics.coverage(c -> {
            c.check("bad input").count(n -> n > 0);
        });
        Random rnd = new Random(seed);
        byte[] content;
        switch (rnd.nextInt(5)) {
            case 0:
                content = randomBytes(rnd, 4096);
                break;
            case 1:
                content = brokenPem(rnd).getBytes(StandardCharsets.US_ASCII);
                break;
            case 2: {
                byte[] der = LEAF.der();
                content = java.util.Arrays.copyOf(der, rnd.nextInt(der.length)); // truncated DER
                break;
            }
            case 3: {
                byte[] junk = randomBytes(rnd, 200);
                content = ("-----BEGIN CERTIFICATE-----\n" + new String(junk, StandardCharsets.ISO_8859_1)
                                + "\n-----END CERTIFICATE-----\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
                break;
            }
            default: {
                byte[] tail = randomBytes(rnd, 64);
                content = new byte[] {0x30, (byte) 0x84, (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
                content = concat(content, tail); // a huge declared length
                break;
            }
        }
        Path file = Files.createTempFile("hardening", ".pem");
        try {
            Files.write(file, content);
            Cli.Run r = Cli.run(
                    "evaluate", file.toString(), "--host", "example.com", "--at", TestPki.DEFAULT_NOW.toString());
            // a damaged certificate that still parses is a verdict (never trusted: nothing anchors it)
            assertThat(r.status()).as(r.err()).isIn(Main.BAD_INPUT, 1);
            Statistics.collect(r.status() == Main.BAD_INPUT ? "bad input" : "not trusted");
            if (r.status() == Main.BAD_INPUT) {
                assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
                assertThat(r.err()).doesNotContain("\tat ").doesNotContainIgnoringCase("internal error");
                assertThat(r.out()).isEmpty();
            } else {
                assertThat(r.err()).isEmpty();
                assertThat(r.out()).isNotBlank();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
