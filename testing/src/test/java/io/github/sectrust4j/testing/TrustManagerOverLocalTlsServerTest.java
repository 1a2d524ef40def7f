package io.github.sectrust4j.testing;

import static io.github.sectrust4j.testing.TrustReportAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.UntrustedChainException;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.fixtures.tls.LocalTlsServer;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's integration-test recipe: a Java TLS client with {@code SecTrust....asTrustManager()} against
 * the {@link LocalTlsServer} fixture refuses what the iPhone refuses. A leaf whose name is only in the CN
 * (no subjectAltName) is accepted by iOS 12 (CN fallback) and refused by iOS 13+ (§3).
 */
@ExtendWith(TestPkiExtension.class)
class TrustManagerOverLocalTlsServerTest {
    private static final String HOST = "lync.contoso.com";

    @Test
    void cnOnlyLeaf_isRefusedOnIos13_andAcceptedOnIos12(TestPki pki) throws Exception {
        HeldCertificate root = pki.root("Contoso Root CA").build();
        HeldCertificate ca = pki.intermediate("Contoso Issuing CA", root).build();
        HeldCertificate cnOnly = pki.leaf(HOST, ca).noSubjectAltName().build();

        try (LocalTlsServer server =
                LocalTlsServer.builder().certificates(cnOnly, ca).start()) {
            SecTrust ios13 = PkiTrust.secTrust(pki, "13.0").withMdmRoot(root.pem());
            Throwable refused = catchThrowable(() -> handshake(server, ios13.asTrustManager()));

            assertThat(refused)
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasCauseInstanceOf(UntrustedChainException.class);
            UntrustedChainException e = (UntrustedChainException) refused.getCause();
            assertThat(e.report())
                    .isNotTrustedBecause(FindingCode.SSL_HOSTNAME)
                    .hasError(TrustError.HOST_NAME_MISMATCH)
                    .hasFinding(FindingCode.SSL_HOSTNAME)
                    .atCertificate(0);
            assertThat(e.report().host()).contains(HOST); // the SNI name the client sent

            handshake(
                    server,
                    PkiTrust.secTrust(pki, "12.0").withMdmRoot(root.pem()).asTrustManager());
            assertThat(server.awaitConnection().handshakeCompleted()).isFalse(); // the iOS 13 client aborted
            assertThat(server.awaitConnection().handshakeCompleted()).isTrue();
        }
    }

    private static void handshake(LocalTlsServer server, TrustManager trust) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(server.host(), server.port())) {
            socket.setSoTimeout(10_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(HOST)));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
        }
    }
}
