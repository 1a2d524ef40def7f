package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import io.github.sectrust4j.fixtures.tls.LocalTlsServer;
import io.github.sectrust4j.fixtures.tls.Starttls;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --connect} end to end against real TLS servers on loopback. */
class LiveServerCliTest {
    private static final String HOST = "sip.contoso.com";

    @TempDir
    static Path dir;

    static TestPki pki;
    static TestChain chain;
    static Path root;

    @BeforeAll
    static void mint() throws IOException {
        pki = TestPki.seeded(1101);
        chain = pki.chain(HOST);
        root = Files.writeString(dir.resolve("root.pem"), chain.root().pem());
    }

    static Cli.Run evaluate(LocalTlsServer server, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "evaluate",
                "--connect",
                server.host() + ":" + server.port(),
                "--ios",
                "17.4",
                "--at",
                pki.now().toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void fullChain_trustedWithTheFixtureRootAsAnchor_andSavedAsPem() throws IOException {
        Path saved = dir.resolve("captured.pem");
        try (LocalTlsServer server = LocalTlsServer.serving(chain)) {
            Cli.Run run = evaluate(
                    server,
                    "--sni",
                    HOST,
                    "--host",
                    HOST,
                    "--anchor",
                    root.toString(),
                    "--save-chain",
                    saved.toString());

            assertThat(run.status()).as(run.err() + run.out()).isZero();
            assertThat(run.err())
                    .startsWith("captured from 127.0.0.1:" + server.port() + ": 2 certificates, TLSv1.3, "
                            + "SNI sip.contoso.com");
            assertThat(run.out()).startsWith("TRUSTED");
            assertThat(Files.readString(saved))
                    .isEqualTo(chain.leaf().pem() + chain.intermediate().pem());
            assertThat(server.awaitConnection().serverName()).contains(HOST);
        }
    }

    @Test
    void sniDefaultsToTheHostChecked_asAnIPhoneSendsTheNameItConnectsTo_andHostDefaultsToTheSni() {
        try (LocalTlsServer server = LocalTlsServer.serving(chain)) {
            Cli.Run byHost = evaluate(server, "--host", HOST, "--anchor", root.toString());
            String sentForHost = server.awaitConnection().serverName().orElse("(none)");
            Cli.Run bySni = evaluate(server, "--sni", HOST, "--anchor", root.toString(), "--json");
            String sentForSni = server.awaitConnection().serverName().orElse("(none)");
            Cli.Run byIp = evaluate(server, "--host", "127.0.0.1", "--anchor", root.toString(), "--json");
            String sentForIp = server.awaitConnection().serverName().orElse("(none)");

            // an IP connect with --host NAME used to send no SNI: a server with several certificates then
            // presents its default one, which the iPhone (asking for NAME) never sees
            assertThat(sentForHost).isEqualTo(HOST);
            assertThat(byHost.status()).as(byHost.out()).isZero();
            assertThat(sentForSni).isEqualTo(HOST);
            assertThat(bySni.out()).contains("\"host\":\"" + HOST + "\"");
            assertThat(sentForIp).isEqualTo("(none)"); // no SNI for an IP literal, as on a device
        }
    }

    @Test
    void hostDefaultsToTheConnectHost() {
        HeldCertificate byIp =
                pki.leaf(HOST, chain.intermediate()).ipAddresses("127.0.0.1").build();
        try (LocalTlsServer withIp = LocalTlsServer.builder()
                        .certificates(byIp, chain.intermediate())
                        .start();
                LocalTlsServer withoutIp = LocalTlsServer.serving(chain)) {
            Cli.Run matches = evaluate(withIp, "--anchor", root.toString());
            Cli.Run mismatch = evaluate(withoutIp, "--anchor", root.toString(), "--json");
            Cli.Run basic = evaluate(withoutIp, "--anchor", root.toString(), "--policy", "basic");

            assertThat(matches.status()).as(matches.out()).isZero();
            assertThat(mismatch.status()).isEqualTo(1);
            assertThat(mismatch.out()).contains("\"SSLHostname\"");
            assertThat(basic.status()).as(basic.err() + basic.out()).isZero(); // the basic policy matches no host
        }
    }

    @Test
    void missingIntermediate_isReported() throws IOException {
        try (LocalTlsServer server =
                LocalTlsServer.builder().certificates(chain.leaf()).start()) {
            Cli.Run run = evaluate(server, "--sni", HOST, "--host", HOST, "--anchor", root.toString(), "--json");

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).contains(": 1 certificate, ");
            JsonNode out = BatchProcessor.MAPPER.readTree(run.out());
            assertThat(out.findValuesAsText("code")).contains("MissingIntermediate");
        }
    }

    @Test
    void stapledRevokedOcsp_isEvaluated() throws IOException {
        byte[] revoked = pki.ocsp(chain.leaf(), chain.intermediate())
                .revoked(pki.now().minus(Duration.ofDays(2)), RevocationReason.KEY_COMPROMISE)
                .build();
        try (LocalTlsServer server = LocalTlsServer.builder()
                .certificates(chain.presented())
                .stapledOcsp(revoked)
                .protocols(LocalTlsServer.Protocol.TLS_1_2)
                .start()) {
            Cli.Run run = evaluate(server, "--sni", HOST, "--host", HOST, "--anchor", root.toString(), "--json");

            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).contains("TLSv1.2").contains("stapled OCSP response");
            assertThat(BatchProcessor.MAPPER
                            .readTree(run.out())
                            .at("/error/name")
                            .textValue())
                    .isEqualTo("errSecCertificateRevoked");
        }
    }

    @Test
    void tlsScts_satisfyCertificateTransparency() throws IOException {
        HeldCertificate publicRoot = pki.root("Public Root").build();
        HeldCertificate ca = pki.intermediate("Public Issuing CA", publicRoot).build();
        Instant notBefore = pki.now().minus(Duration.ofDays(1));
        HeldCertificate leaf =
                pki.leaf(HOST, ca).notBefore(notBefore).validForDays(90).build();
        TestCtLog a = pki.ctLog("Log A");
        TestCtLog b = pki.ctLog("Log B");
        Instant t = notBefore.plus(Duration.ofMinutes(5));
        Path rootPem = Files.writeString(dir.resolve("public-root.pem"), publicRoot.pem());
        Path logs = Files.writeString(dir.resolve("logs.json"), "[" + log(a) + "," + log(b) + "]");
        String[] args = {
            "--sni",
            HOST,
            "--host",
            HOST,
            "--extra-system-root",
            rootPem.toString(),
            "--ct-logs",
            logs.toString(),
            "--json"
        };
        try (LocalTlsServer withScts = LocalTlsServer.builder()
                        .certificates(leaf, ca)
                        .scts(List.of(a.sctFor(leaf, t), b.sctFor(leaf, t)))
                        .start();
                LocalTlsServer withoutScts =
                        LocalTlsServer.builder().certificates(leaf, ca).start()) {
            Cli.Run ok = evaluate(withScts, args);
            Cli.Run missing = evaluate(withoutScts, args);

            assertThat(ok.status()).as(ok.err() + ok.out()).isZero();
            assertThat(ok.err()).contains("2 SCTs in the TLS extension");
            assertThat(BatchProcessor.MAPPER
                            .readTree(ok.out())
                            .get("certificateTransparency")
                            .booleanValue())
                    .isTrue();
            assertThat(missing.status()).isEqualTo(1);
        }
    }

    @Test
    void starttlsSmtp_capturesAfterThePreamble() {
        try (LocalTlsServer server = LocalTlsServer.builder()
                .certificates(chain.presented())
                .starttls(Starttls.SMTP)
                .start()) {
            Cli.Run run =
                    evaluate(server, "--starttls", "smtp", "--sni", HOST, "--host", HOST, "--anchor", root.toString());

            assertThat(run.status()).as(run.err() + run.out()).isZero();
            assertThat(run.err()).contains("STARTTLS smtp");
        }
    }

    @Test
    void refusedConnection_isExit2_withOneLine() throws IOException {
        int port;
        try (ServerSocket unused = new ServerSocket(0)) {
            port = unused.getLocalPort();
        }
        Cli.Run run = Cli.run("evaluate", "--connect", "127.0.0.1:" + port);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("sectrust4j evaluate: 127.0.0.1:" + port + ": connection refused\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void silentServer_isExit2_withOneLine() {
        try (LocalTlsServer server = LocalTlsServer.builder().stall().start()) {
            Cli.Run run =
                    Cli.run("evaluate", "--connect", server.host() + ":" + server.port(), "--connect-timeout", "0.3");

            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err())
                    .isEqualTo("sectrust4j evaluate: 127.0.0.1:" + server.port()
                            + ": timed out after 0.3 s waiting for the server\n");
        }
    }

    @Test
    void usageErrors_areExit2() {
        assertUsage(Cli.run("evaluate", root.toString(), "--connect", "127.0.0.1:1"), "CHAIN.pem or --connect");
        assertUsage(Cli.run("evaluate", root.toString(), "--sni", HOST), "--sni needs --connect");
        assertUsage(Cli.run("evaluate", "--host", HOST), "Missing required parameter: 'CHAIN.pem'");
        assertUsage(Cli.run("evaluate", "--connect", "https://sip.contoso.com/"), "expected HOST[:PORT]");
        assertUsage(Cli.run("evaluate", "--connect", "sip.contoso.com:99999"), "port must be 1..65535");
        assertUsage(Cli.run("evaluate", "--connect", "127.0.0.1:1", "--starttls", "ftp"), "smtp, imap or pop3");
        assertUsage(Cli.run("evaluate", "--connect", "127.0.0.1:1", "--connect-timeout", "-1"), "--connect-timeout");
    }

    @Test
    void hostPort_parsing() {
        assertThat(LiveServerOptions.HostPort.parse("sip.contoso.com", 443))
                .isEqualTo(new LiveServerOptions.HostPort("sip.contoso.com", 443));
        assertThat(LiveServerOptions.HostPort.parse("sip.contoso.com:5061", 443).port())
                .isEqualTo(5061);
        assertThat(LiveServerOptions.HostPort.parse("[::1]:8443", 443))
                .isEqualTo(new LiveServerOptions.HostPort("::1", 8443));
        assertThat(LiveServerOptions.HostPort.parse("::1", 443)).isEqualTo(new LiveServerOptions.HostPort("::1", 443));
        assertThat(LiveServerOptions.HostPort.parse("mail.contoso.com", 25).port())
                .isEqualTo(25);
    }

    @Test
    void help_describesTheLiveOptions() {
        Cli.Run run = Cli.run("evaluate", "--help");
        assertThat(run.out())
                .contains(
                        "--connect=HOST[:PORT]",
                        "--sni=NAME",
                        "--starttls=PROTOCOL",
                        "--save-chain=FILE",
                        "--connect-timeout=SECONDS");
    }

    private static void assertUsage(Cli.Run run, String message) {
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("Exception");
    }

    private static String log(TestCtLog log) {
        return "{\"key\":\"" + log.publicKeyBase64() + "\",\"operator\":\"" + log.operator()
                + "\",\"state\":\"usable\"}";
    }
}
