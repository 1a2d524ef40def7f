package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.conformance.ExampleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} with several names ({@code --host} repeated, {@code --lync}, {@code --names}) and several
 * releases ({@code --ios a,b}, {@code all-major}), host-name checking, and batch {@code ios} arrays, end to
 * end on the bundled example scenarios.
 */
class MatrixCliTest {
    private static final String AT = "2025-06-01T00:00:00Z";

    @TempDir
    Path dir;

    private static String example(String scenario, String file) {
        return ExampleFiles.examples().resolve(scenario).resolve(file).toString();
    }

    private static JsonNode json(String line) throws IOException {
        return BatchProcessor.MAPPER.readTree(line);
    }

    private static String request(String id) throws IOException {
        for (String line : Files.readAllLines(ExampleFiles.examples().resolve("requests.jsonl"))) {
            if (json(line).get("id").asText().equals(id)) {
                return line;
            }
        }
        throw new AssertionError("no request " + id);
    }

    // ---- item 5: all the names in one run ----

    @Test
    void lyncEdge_tableMissingNamesAndDetails_exit1() {
        String s = "lync-edge-host-not-in-san";
        Cli.Run run = Cli.run(
                "evaluate",
                example(s, "chain.pem"),
                "--lync",
                "contoso.com",
                "--ios",
                "17.4",
                "--at",
                AT,
                "--mdm-root",
                example(s, "user-root-1.pem"));
        assertThat(run.err()).isEmpty();
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("5 names × 1 iOS release: 3 of 5 trusted\n\nNAME ");
        assertThat(run.out()).containsPattern("\nsip\\.contoso\\.com +17\\.4 +trusted +- +-\n");
        assertThat(run.out())
                .containsPattern("\nlyncweb\\.contoso\\.com +17\\.4 +NOT TRUSTED +errSecHostNameMismatch"
                        + " +Add 'lyncweb\\.contoso\\.com' to the certificate's subjectAltName");
        assertThat(run.out())
                .contains("Add these DNS names to the certificate's SAN: lyncweb.contoso.com, "
                        + "lyncdiscover.contoso.com\n");
        assertThat(run.out()).contains("=== av.contoso.com, iOS 17.4 ===\nTRUSTED — iOS 17.4, host av.contoso.com");
    }

    @Test
    void allNamesTrusted_exit0_andJsonIsOneObjectPerName() throws IOException {
        String s = "lync-edge-all-names-in-san";
        Path names = Files.writeString(
                dir.resolve("names.txt"),
                "# external names\nsip.contoso.com\n\nlyncweb.contoso.com   # reverse proxy\n");
        Cli.Run run = Cli.run(
                "evaluate",
                example(s, "chain.pem"),
                "--host",
                "av.contoso.com",
                "--names",
                names.toString(),
                "--at",
                AT,
                "--mdm-root",
                example(s, "user-root-1.pem"),
                "--json");
        assertThat(run.status()).isZero();
        List<String> lines = run.outLines();
        assertThat(lines).hasSize(3);
        assertThat(lines.stream().map(l -> host(l) + "@" + field(l, "ios")))
                .containsExactly("av.contoso.com@26.0", "sip.contoso.com@26.0", "lyncweb.contoso.com@26.0");
        assertThat(lines).allMatch(l -> l.contains("\"trusted\":true"));
    }

    @Test
    void singleHostSingleRelease_outputIsUnchanged() {
        String s = "lync-edge-host-not-in-san";
        Cli.Run run = Cli.run(
                "evaluate",
                example(s, "chain.pem"),
                "--host",
                "lyncdiscover.contoso.com",
                "--at",
                AT,
                "--mdm-root",
                example(s, "user-root-1.pem"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("NOT TRUSTED — iOS 26.0, host lyncdiscover.contoso.com");
        assertThat(run.out()).doesNotContain("NAME ", "Note:");
    }

    @Test
    void namesFile_badLine_isExit2_namingFileAndLine() throws IOException {
        Path names = Files.writeString(dir.resolve("names.txt"), "sip.contoso.com\nsip.contoso.com:5061\n");
        Cli.Run run =
                Cli.run("evaluate", example("lync-edge-host-not-in-san", "chain.pem"), "--names", names.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .contains("--names " + names + " line 2: 'sip.contoso.com:5061'", "give 'sip.contoso.com'");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void tooManyEvaluations_isExit2_notAnInternalError() throws IOException {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 9_000; i++) {
            names.append("h").append(i).append(".contoso.com\n");
        }
        Path file = Files.writeString(dir.resolve("many.txt"), names);
        Cli.Run run = Cli.run(
                "evaluate", example("cn-only-ios-13", "chain.pem"), "--names", file.toString(), "--ios", "all-major");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("9000 names × 12 releases: more than 100000 evaluations");
    }

    // ---- item 6: several releases ----

    @Test
    void profileRoot_severalReleases_saysWhereAndWhy() {
        String s = "internal-ca-profile-root-no-full-trust-ios-10-2";
        Cli.Run run = Cli.run(
                "evaluate",
                example(s, "chain.pem"),
                "--host",
                "portal.contoso.com",
                "--ios",
                "10.2,10.3,12.0,17.4,26.0",
                "--at",
                AT,
                "--profile-root",
                example(s, "user-root-1.pem"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).startsWith("1 name × 5 iOS releases: 1 of 5 trusted");
        assertThat(run.out())
                .contains("Where the verdict changes:\n  portal.contoso.com: trusted until 10.2; from "
                        + "10.3 not trusted (errSecNotTrusted): AnchorTrusted fails at [2]:");
        assertThat(run.out()).contains("Fix: Turn on full trust for 'Contoso Root CA'");
    }

    @Test
    void profileRootWithFullTrust_allReleasesTrusted_exit0() throws IOException {
        String s = "internal-ca-profile-root-full-trust";
        Cli.Run run = Cli.run(
                "evaluate",
                example(s, "chain.pem"),
                "--host",
                "portal.contoso.com",
                "--ios",
                "all-major",
                "--at",
                AT,
                "--profile-root",
                example(s, "user-root-1.pem") + ":full-trust",
                "--json");
        assertThat(run.status()).isZero();
        assertThat(run.outLines().stream().map(l -> field(l, "ios")))
                .containsExactly(
                        "8.4", "9.3", "10.3", "11.4", "12.4", "13.6", "14.7", "15.6", "16.6", "17.6", "18.6", "26.0");
    }

    @Test
    void badReleaseList_isExit2() {
        Cli.Run run = Cli.run("evaluate", example("cn-only-ios-13", "chain.pem"), "--ios", "10.2,,17.4");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--ios: empty release in '10.2,,17.4'");
        Cli.Run copy = Cli.run(
                "evaluate",
                example("cn-only-ios-13", "chain.pem"),
                "--ios",
                "12.0,13.0",
                "--copy-exceptions",
                dir.resolve("x.plist").toString());
        assertThat(copy.status()).isEqualTo(2);
        assertThat(copy.err()).contains("--copy-exceptions: needs a single host and iOS release");
    }

    @Test
    void batch_iosArray_answersOneLinePerReleaseInOrder_singleStringStaysOneLine() throws IOException {
        String line = request("internal-ca-profile-root-no-full-trust-ios-10-2");
        ObjectNode n = (ObjectNode) json(line);
        n.putArray("ios").add("10.3").add("10.2").add("17.4");
        Cli.Run run = Cli.withStdin(line + "\n" + n + "\n", "batch");
        assertThat(run.status()).isZero();
        List<String> out = run.outLines();
        assertThat(out).hasSize(4);
        assertThat(field(out.get(0), "ios")).isEqualTo("10.2");
        assertThat(out.subList(1, 4).stream().map(l -> field(l, "ios") + "=" + field(l, "trusted")))
                .containsExactly("10.3=false", "10.2=true", "17.4=false");
        assertThat(out.get(2)).isEqualTo(out.get(0)); // the 10.2 element answers exactly as the single request
        assertThat(out.subList(1, 4))
                .allMatch(l -> l.startsWith("{\"id\":\"internal-ca-profile-root-no-full-trust-ios-10-2\""));

        Cli.Run table = Cli.withStdin(n + "\n", "batch", "--format", "table");
        assertThat(table.out())
                .containsPattern("\n\\S+ +10\\.3 +NOT TRUSTED")
                .containsPattern("\n\\S+ +10\\.2 +trusted")
                .containsPattern("\n\\S+ +17\\.4 +NOT TRUSTED")
                .doesNotContain("not JSON");

        n.putArray("ios").add("10.3").add("19");
        assertThat(json(Cli.withStdin(n + "\n", "batch").out())
                        .at("/error/input")
                        .asText())
                .startsWith("ios[1]: Unsupported iOS release '19': sectrust4j models iOS 8.0 to 18.x and 26.x");
        n.putArray("ios");
        assertThat(Cli.withStdin(n + "\n", "batch").outLines())
                .singleElement()
                .satisfies(l -> assertThat(l).contains("\"input\":\"ios: empty array"));
    }

    // ---- item 7: host names checked ----

    @Test
    void url_isTakenApart_withANote_inTextAndJson() throws IOException {
        String s = "lync-edge-all-names-in-san";
        Cli.Run text = Cli.run(
                "evaluate",
                example(s, "chain.pem"),
                "--host",
                "https://lyncweb.contoso.com/abs",
                "--at",
                AT,
                "--mdm-root",
                example(s, "user-root-1.pem"));
        assertThat(text.status()).isZero();
        assertThat(text.out())
                .startsWith("Note: 'https://lyncweb.contoso.com/abs' is a URL: took its host name "
                        + "'lyncweb.contoso.com'")
                .contains("TRUSTED — iOS 26.0, host lyncweb.contoso.com");
        Cli.Run js = Cli.run(
                "evaluate",
                example(s, "chain.pem"),
                "--host",
                "https://lyncweb.contoso.com/abs",
                "--at",
                AT,
                "--mdm-root",
                example(s, "user-root-1.pem"),
                "--json");
        assertThat(host(js.out())).isEqualTo("lyncweb.contoso.com");
        assertThat(json(js.out()).get("hostNotice").asText()).contains("is a URL");
    }

    @Test
    void portListAndSpaces_areExit2_withTheBareNameSuggested() {
        String chain = example("lync-edge-all-names-in-san", "chain.pem");
        Cli.Run port = Cli.run("evaluate", chain, "--host", "sip.contoso.com:443");
        assertThat(port.status()).isEqualTo(2);
        assertThat(port.err())
                .contains("--host: 'sip.contoso.com:443' is not a bare host name", "give 'sip.contoso.com'");
        Cli.Run list = Cli.run("evaluate", chain, "--host", "sip.contoso.com,av.contoso.com");
        assertThat(list.status()).isEqualTo(2);
        assertThat(list.err()).contains("--host sip.contoso.com --host av.contoso.com");
        assertThat(Cli.run("evaluate", chain, "--lync", "contoso.com:443").err())
                .contains("--lync: ");
        Cli.Run ip = Cli.run("evaluate", chain, "--host", "[2001:db8::1]", "--at", AT);
        assertThat(ip.status()).isEqualTo(1); // allowed as before: evaluated, not refused
    }

    @Test
    void batch_urlIsAnInputErrorNamingTheBareHost_idnBecomesALabelWithNotice() throws IOException {
        ObjectNode n = (ObjectNode) json(request("lync-edge-all-names-in-san"));
        n.put("host", "https://lyncweb.contoso.com/");
        assertThat(json(Cli.withStdin(n + "\n", "batch").out())
                        .at("/error/input")
                        .asText())
                .isEqualTo("host: 'https://lyncweb.contoso.com/' is a URL, not a host name: give the bare host name "
                        + "'lyncweb.contoso.com'");
        n.put("host", "bücher.contoso.com");
        JsonNode r = json(Cli.withStdin(n + "\n", "batch").out());
        assertThat(r.get("host").asText()).isEqualTo("xn--bcher-kva.contoso.com");
        assertThat(r.get("hostNotice").asText()).contains("A-label");
        assertThat(r.at("/error/name").asText()).isEqualTo("errSecHostNameMismatch");
    }

    private static String host(String line) {
        return field(line, "host");
    }

    private static String field(String line, String name) {
        try {
            return json(line).get(name).asText();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
