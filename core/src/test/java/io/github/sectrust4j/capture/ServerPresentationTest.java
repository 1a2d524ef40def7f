package io.github.sectrust4j.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.ct.CtLog;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.fixtures.ct.Sct;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import io.github.sectrust4j.fixtures.tls.LocalTlsServer;
import io.github.sectrust4j.fixtures.tls.LocalTlsServer.Protocol;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Captures from a real TLS server on loopback ({@link LocalTlsServer}) and evaluates what was captured. */
@ExtendWith(TestPkiExtension.class)
class ServerPresentationTest {
    private static final String HOST = "sip.contoso.com";
    private static final CaptureOptions OPTIONS =
            CaptureOptions.defaults().serverName(HOST).timeout(Duration.ofSeconds(5));

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void fullChain_isCapturedInOrder_andTrustedWithItsRootAsAnchor(Protocol protocol, TestPki pki) throws Exception {
        TestChain chain = pki.chain(HOST);
        try (LocalTlsServer server = LocalTlsServer.builder()
                .certificates(chain.presented())
                .protocols(protocol)
                .start()) {
            ServerPresentation presented = ServerPresentation.capture(server.host(), server.port(), OPTIONS);

            assertThat(presented.certificatesDer())
                    .containsExactly(chain.leaf().der(), chain.intermediate().der());
            assertThat(presented.protocol()).isEqualTo(protocol == Protocol.TLS_1_3 ? "TLSv1.3" : "TLSv1.2");
            assertThat(presented.serverName()).contains(HOST);
            assertThat(presented.stapledOcsp()).isEmpty();
            assertThat(presented.sctList()).isEmpty();
            assertThat(presented.handshakeFailure()).isEmpty();
            LocalTlsServer.Connection seen = server.awaitConnection();
            assertThat(seen.serverName()).contains(HOST);
            assertThat(seen.ocspRequested()).isTrue();
            assertThat(seen.sctsRequested()).isTrue();

            TrustReport report = presented.evaluate(trust(pki).withAnchors(certs(chain.root())));
            assertThat(report.trusted()).as(report.explain()).isTrue();
            assertThat(presented.pem())
                    .isEqualTo(chain.leaf().pem() + chain.intermediate().pem());
        }
    }

    @Test
    void missingIntermediate_isWhatIsEvaluated(TestPki pki) throws Exception {
        TestChain chain = pki.chain(HOST);
        try (LocalTlsServer server =
                LocalTlsServer.builder().certificates(chain.leaf()).start()) {
            ServerPresentation presented = ServerPresentation.capture(server.host(), server.port(), OPTIONS);

            assertThat(presented.certificatesDer()).containsExactly(chain.leaf().der());
            TrustReport report = presented.evaluate(trust(pki).withAnchors(certs(chain.root())));
            assertThat(report.trusted()).isFalse();
            assertThat(report.has(FindingCode.MISSING_INTERMEDIATE))
                    .as(report.explain())
                    .isTrue();
        }
    }

    @Test
    void outOfOrderChainWithRoot_isCapturedExactlyAsSent(TestPki pki) throws Exception {
        TestChain chain = pki.chain(HOST);
        try (LocalTlsServer server = LocalTlsServer.builder()
                .certificates(chain.leaf(), chain.root(), chain.intermediate())
                .start()) {
            ServerPresentation presented = ServerPresentation.capture(server.host(), server.port(), OPTIONS);
            assertThat(presented.certificatesDer())
                    .containsExactly(
                            chain.leaf().der(),
                            chain.root().der(),
                            chain.intermediate().der());
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void stapledRevokedOcsp_isCaptured_andMakesTheChainRevoked(Protocol protocol, TestPki pki) throws Exception {
        TestChain chain = pki.chain(HOST);
        byte[] revoked = pki.ocsp(chain.leaf(), chain.intermediate())
                .revoked(pki.now().minus(Duration.ofDays(1)), RevocationReason.KEY_COMPROMISE)
                .build();
        try (LocalTlsServer server = LocalTlsServer.builder()
                .certificates(chain.presented())
                .stapledOcsp(revoked)
                .protocols(protocol)
                .start()) {
            ServerPresentation presented = ServerPresentation.capture(server.host(), server.port(), OPTIONS);

            assertThat(presented.stapledOcsp())
                    .hasValueSatisfying(der -> assertThat(der).isEqualTo(revoked));
            SecTrust anchored = trust(pki).withAnchors(certs(chain.root()));
            TrustReport report = presented.evaluate(anchored);
            assertThat(report.error()).as(report.explain()).contains(TrustError.CERTIFICATE_REVOKED);
            // the certificates alone, without what was stapled, are trusted
            assertThat(anchored.evaluate(presented.certificates()).trusted()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Protocol.class)
    void tlsScts_areCaptured_andCountForCertificateTransparency(Protocol protocol, TestPki pki) throws Exception {
        TestCtLog a = pki.ctLog("Log A");
        TestCtLog b = pki.ctLog("Log B");
        HeldCertificate root = pki.root("Public Root").build();
        HeldCertificate ca = pki.intermediate("Public Issuing CA", root).build();
        Instant notBefore = pki.now().minus(Duration.ofDays(1));
        HeldCertificate leaf =
                pki.leaf(HOST, ca).notBefore(notBefore).validForDays(90).build();
        Instant t = notBefore.plus(Duration.ofMinutes(5));
        List<Sct> scts = List.of(a.sctFor(leaf, t), b.sctFor(leaf, t));
        try (LocalTlsServer server = LocalTlsServer.builder()
                .certificates(leaf, ca)
                .scts(scts)
                .protocols(protocol)
                .start()) {
            ServerPresentation presented = ServerPresentation.capture(server.host(), server.port(), OPTIONS);

            assertThat(presented.sctList())
                    .hasValueSatisfying(l -> assertThat(l).isEqualTo(Sct.encodeList(scts)));
            assertThat(presented.scts())
                    .containsExactly(scts.get(0).encoded(), scts.get(1).encoded());
            SecTrust publicRoot = trust(pki)
                    .withExtraSystemRoots(certs(root))
                    .withCtLogs(CtLogList.of(List.of(usable(a), usable(b))));
            TrustReport withScts = presented.evaluate(publicRoot);
            assertThat(withScts.trusted()).as(withScts.explain()).isTrue();
            assertThat(withScts.certificateTransparency()).isTrue();
            // the same certificates without the TLS SCTs fail CT: the capture is what made the difference
            assertThat(publicRoot.evaluate(presented.certificates()).trusted()).isFalse();
        }
    }

    @Test
    void malformedSctList_isKept_butYieldsNoScts(TestPki pki) throws Exception {
        TestChain chain = pki.chain(HOST);
        byte[] damaged = {0x00, 0x09, 0x00, 0x20, 0x01};
        try (LocalTlsServer server = LocalTlsServer.builder()
                .certificates(chain.presented())
                .sctList(damaged)
                .start()) {
            ServerPresentation presented = ServerPresentation.capture(server.host(), server.port(), OPTIONS);
            assertThat(presented.sctList())
                    .hasValueSatisfying(l -> assertThat(l).isEqualTo(damaged));
            assertThat(presented.scts()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(io.github.sectrust4j.fixtures.tls.Starttls.class)
    void starttls_speaksTheMailPreambleFirst(io.github.sectrust4j.fixtures.tls.Starttls dialogue, TestPki pki)
            throws Exception {
        TestChain chain = pki.chain("mail.contoso.com");
        try (LocalTlsServer server = LocalTlsServer.builder()
                .certificates(chain.presented())
                .starttls(dialogue)
                .start()) {
            ServerPresentation presented = ServerPresentation.capture(
                    server.host(),
                    server.port(),
                    OPTIONS.serverName("mail.contoso.com").starttls(Starttls.valueOf(dialogue.name())));
            assertThat(presented.certificatesDer())
                    .containsExactly(chain.leaf().der(), chain.intermediate().der());
            assertThat(presented.starttls()).contains(Starttls.valueOf(dialogue.name()));
            assertThat(server.awaitConnection().serverName()).contains("mail.contoso.com");
        }
    }

    @Test
    void ipLiteralHost_sendsNoSniUnlessAsked(TestPki pki) throws Exception {
        try (LocalTlsServer server = LocalTlsServer.serving(pki.chain(HOST))) {
            ServerPresentation presented =
                    ServerPresentation.capture(server.host(), server.port(), CaptureOptions.defaults());
            assertThat(presented.serverName()).isEmpty();
            assertThat(server.awaitConnection().serverName()).isEmpty();
        }
    }

    @Test
    void handshakeThatFailsAfterTheCertificates_stillYieldsThem(TestPki pki) throws Exception {
        TestChain chain = pki.chain(HOST);
        HeldCertificate stranger =
                pki.leaf("other.example", chain.intermediate()).build();
        // the server signs with a key that does not belong to the first certificate it sends
        try (LocalTlsServer server = LocalTlsServer.builder()
                .certificates(chain.presented())
                .key(stranger)
                .protocols(Protocol.TLS_1_3)
                .start()) {
            ServerPresentation presented = ServerPresentation.capture(server.host(), server.port(), OPTIONS);
            assertThat(presented.certificatesDer())
                    .containsExactly(chain.leaf().der(), chain.intermediate().der());
            assertThat(presented.handshakeFailure()).isPresent();
        }
    }

    @Test
    void refusedConnection_isAOneLineCaptureException() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0)) {
            port = unused.getLocalPort();
        }
        int closedPort = port;
        assertThatThrownBy(() -> ServerPresentation.capture("127.0.0.1", closedPort, OPTIONS))
                .isInstanceOfSatisfying(CaptureException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CaptureException.Reason.CONNECTION_REFUSED);
                    assertThat(e.getMessage()).isEqualTo("127.0.0.1:" + closedPort + ": connection refused");
                });
    }

    @Test
    void silentServer_timesOut() {
        try (LocalTlsServer server = LocalTlsServer.builder().stall().start()) {
            CaptureOptions quick = OPTIONS.readTimeout(Duration.ofMillis(300));
            assertThatThrownBy(() -> ServerPresentation.capture(server.host(), server.port(), quick))
                    .isInstanceOfSatisfying(CaptureException.class, e -> {
                        assertThat(e.reason()).isEqualTo(CaptureException.Reason.TIMEOUT);
                        assertThat(e.getMessage())
                                .contains("timed out after 0.3 s waiting for the server")
                                .doesNotContain("\n");
                    });
        }
    }

    @Test
    void starttlsAgainstAPlainTlsPort_timesOutWaitingForTheGreeting(TestPki pki) {
        try (LocalTlsServer server = LocalTlsServer.serving(pki.chain(HOST))) {
            CaptureOptions smtp = OPTIONS.readTimeout(Duration.ofMillis(300)).starttls(Starttls.SMTP);
            assertThatThrownBy(() -> ServerPresentation.capture(server.host(), server.port(), smtp))
                    .isInstanceOfSatisfying(
                            CaptureException.class,
                            e -> assertThat(e.getMessage())
                                    .contains("timed out")
                                    .contains("STARTTLS smtp"));
        }
    }

    @Test
    void tricklingServer_hitsTheTotalDeadline() throws Exception {
        try (ServerSocket trickle = new ServerSocket(0)) {
            Thread writer = new Thread(() -> {
                try (java.net.Socket s = trickle.accept()) {
                    for (int i = 0; i < 50; i++) { // an endless SMTP greeting, one byte every 100 ms
                        s.getOutputStream().write('2');
                        s.getOutputStream().flush();
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    // the client hung up
                }
            });
            writer.setDaemon(true);
            writer.start();
            CaptureOptions options = OPTIONS.readTimeout(Duration.ofSeconds(1))
                    .totalTimeout(Duration.ofMillis(700))
                    .starttls(Starttls.SMTP);
            long start = System.nanoTime();
            assertThatThrownBy(() -> ServerPresentation.capture("127.0.0.1", trickle.getLocalPort(), options))
                    .isInstanceOfSatisfying(CaptureException.class, e -> {
                        assertThat(e.reason()).isEqualTo(CaptureException.Reason.TIMEOUT);
                        assertThat(e.getMessage()).contains("did not finish the exchange within 0.7 s");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            writer.join(6_000);
        }
    }

    @Test
    void smtpServerWithoutStarttls_isAStarttlsFailure() throws Exception {
        try (ServerSocket plain = new ServerSocket(0)) {
            Thread smtp = new Thread(() -> {
                try (java.net.Socket s = plain.accept()) {
                    s.setSoTimeout(5_000);
                    s.getOutputStream().write("220 relay.contoso.com ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                    while (s.getInputStream().read() != '\n') {
                        // the EHLO line
                    }
                    s.getOutputStream()
                            .write("250-relay.contoso.com\r\n250 SIZE 1000\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().read(); // until the client hangs up
                } catch (Exception e) {
                    // the client hung up
                }
            });
            smtp.setDaemon(true);
            smtp.start();
            assertThatThrownBy(() -> ServerPresentation.capture(
                            "127.0.0.1", plain.getLocalPort(), OPTIONS.starttls(Starttls.SMTP)))
                    .isInstanceOfSatisfying(CaptureException.class, e -> {
                        assertThat(e.reason()).isEqualTo(CaptureException.Reason.STARTTLS);
                        assertThat(e.getMessage())
                                .endsWith(": the SMTP server does not offer STARTTLS "
                                        + "(EHLO reply: 250-relay.contoso.com)");
                    });
            smtp.join(6_000);
        }
    }

    @Test
    void unknownHost_isNamed() {
        assertThatThrownBy(() -> ServerPresentation.capture("no-such-host.invalid", 443, OPTIONS))
                .isInstanceOfSatisfying(CaptureException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CaptureException.Reason.UNKNOWN_HOST);
                    assertThat(e.getMessage()).isEqualTo("no-such-host.invalid:443: unknown host");
                });
    }

    @Test
    void optionsRefuseNonsense() {
        assertThatThrownBy(() -> CaptureOptions.defaults().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerPresentation.capture("127.0.0.1", 0, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CaptureOptions.defaults().serverName("bücher.example").serverName())
                .contains("xn--bcher-kva.example");
        assertThat(Starttls.fromLabel("SMTP")).isEqualTo(Starttls.SMTP);
        assertThatThrownBy(() -> Starttls.fromLabel("ftp")).hasMessageContaining("smtp, imap or pop3");
    }

    private static SecTrust trust(TestPki pki) {
        return SecTrust.ios("17.4").forServer(HOST).at(pki.now());
    }

    private static CtLog usable(TestCtLog log) {
        return CtLog.usable(log.keyPair().getPublic().getEncoded(), log.operator(), log.description());
    }

    private static List<Certificate> certs(HeldCertificate... held) {
        return java.util.Arrays.stream(held)
                .map(h -> Certificate.parse(h.der()))
                .toList();
    }
}
