package io.github.sectrust4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SecTrust#asTrustManager()} in real TLS handshakes over loopback: a Java client refuses what the
 * iPhone refuses (a profile root without full trust on iOS 17.4, §7.1) and accepts what it accepts, with the
 * report on the thrown {@link UntrustedChainException}; the host comes from SNI, else the peer host.
 */
class SecTrustManagerTest {
    private static final String HOST = "sip.contoso.com";
    private static TestChain chain;
    private static Instant now;

    @BeforeAll
    static void mint() {
        TestPki pki = TestPki.seeded(12_03);
        now = pki.now();
        chain = pki.chain(HOST);
    }

    @Test
    void profileRootWithoutFullTrust_onIos17_refusesTheHandshake_withTheReport() throws Exception {
        SecTrust iphone =
                SecTrust.ios("17.4").at(now).withProfileRoot(chain.root().pem(), FullTrust.OFF);

        Throwable t = catchThrowable(() -> handshake(iphone.asTrustManager(), HOST));

        assertThat(t).isInstanceOf(SSLHandshakeException.class);
        UntrustedChainException refusal = cause(t);
        TrustReport report = refusal.report();
        assertThat(report.trusted()).isFalse();
        assertThat(report.host()).contains(HOST); // from the SNI the client sent
        assertThat(report.failures()).extracting(Finding::code).containsExactly(FindingCode.ANCHOR_TRUSTED);
        assertThat(report.path()).hasSize(3);
        assertThat(refusal.getMessage())
                .startsWith("an iPhone on iOS 17.4 refuses this chain (AnchorTrusted at [2] RECOVERABLE: ")
                .contains(report.explain());
    }

    @Test
    void theSameRoot_withFullTrust_orOnIos10_2_isAccepted() throws Exception {
        assertThat(handshake(
                        SecTrust.ios("17.4")
                                .at(now)
                                .withProfileRoot(chain.root().pem(), FullTrust.ON)
                                .asTrustManager(),
                        HOST))
                .isEqualTo(42);
        // before iOS 10.3 a profile-installed root was fully trusted (§7.1)
        assertThat(handshake(
                        SecTrust.ios("10.2")
                                .at(now)
                                .withProfileRoot(chain.root().pem(), FullTrust.OFF)
                                .asTrustManager(),
                        HOST))
                .isEqualTo(42);
    }

    @Test
    void withoutSni_thePeerHostIsChecked_andAConfiguredHostWins() throws Exception {
        SecTrust device = SecTrust.ios("17.4").at(now).withMdmRoot(chain.root().pem());

        UntrustedChainException byIp = cause(catchThrowable(() -> handshake(device.asTrustManager(), null)));
        assertThat(byIp.report().host()).contains("127.0.0.1");
        assertThat(byIp.report().failures()).extracting(Finding::code).containsExactly(FindingCode.SSL_HOSTNAME);

        assertThat(handshake(device.forServer(HOST).asTrustManager(), null)).isEqualTo(42);
    }

    @Test
    void clientCertificates_areNotEvaluated_andNoIssuersAreOffered() {
        X509ExtendedTrustManager tm = SecTrust.ios("17.4").asTrustManager();
        X509Certificate[] leaf = {chain.leaf().certificate()};

        assertThatThrownBy(() -> tm.checkClientTrusted(leaf, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("client certificates are not evaluated");
        assertThat(tm.getAcceptedIssuers()).isEmpty();
        assertThatThrownBy(() -> tm.checkServerTrusted(new X509Certificate[0], "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class)
                .isNotInstanceOf(UntrustedChainException.class);
    }

    @Test
    void withoutAHandshake_theConfiguredEvaluationDecides() throws Exception {
        X509Certificate[] sent = {
            chain.leaf().certificate(), chain.intermediate().certificate()
        };
        SecTrust device = SecTrust.ios("17.4").forServer(HOST).at(now);

        device.withMdmRoot(chain.root().pem()).asTrustManager().checkServerTrusted(sent, "ECDHE_ECDSA");
        assertThatThrownBy(() -> device.asTrustManager().checkServerTrusted(sent, "ECDHE_ECDSA"))
                .isInstanceOfSatisfying(
                        UntrustedChainException.class,
                        e -> assertThat(e.report().toJson())
                                .isEqualTo(device.evaluate(chain.pem()).toJson()));
        assertThat(device.evaluate(chain.pem()).trusted()).isFalse();
    }

    @Test
    void withNoHostAnywhere_theSslPolicyRefuses_ratherThanAcceptAChainForAnyName() throws Exception {
        X509Certificate[] sent = {
            chain.leaf().certificate(), chain.intermediate().certificate()
        };
        SecTrust noHost = SecTrust.ios("17.4").at(now).withMdmRoot(chain.root().pem());

        assertThatThrownBy(() -> noHost.asTrustManager().checkServerTrusted(sent, "ECDHE_ECDSA"))
                .isInstanceOf(java.security.cert.CertificateException.class)
                .hasMessageContaining("no host name to check");
        noHost.basicPolicy().asTrustManager().checkServerTrusted(sent, "ECDHE_ECDSA"); // chosen explicitly: no name
    }

    private static UntrustedChainException cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UntrustedChainException u) {
                return u;
            }
        }
        throw new AssertionError("no UntrustedChainException in " + t, t);
    }

    /**
     * One TLS handshake between a loopback server presenting the leaf and issuing CA and a client using
     * {@code clientTrust}; SNI {@code sni} unless null. Returns the byte the server wrote.
     */
    private static int handshake(TrustManager clientTrust, String sni) throws Exception {
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers(chain.leaf(), chain.intermediate()), null, null);
        try (SSLServerSocket server = (SSLServerSocket)
                serverContext.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) server.accept()) {
                    s.setSoTimeout(10_000);
                    s.getOutputStream().write(42);
                    s.getOutputStream().flush();
                } catch (IOException expectedWhenTheClientRefuses) {
                    // the client aborts the handshake: nothing to serve
                }
            });
            SSLContext clientContext = SSLContext.getInstance("TLS");
            clientContext.init(null, new TrustManager[] {clientTrust}, null);
            try (SSLSocket client = (SSLSocket) clientContext
                    .getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress().getHostAddress(), server.getLocalPort())) {
                client.setSoTimeout(10_000);
                if (sni != null) {
                    SSLParameters p = client.getSSLParameters();
                    p.setServerNames(List.of(new SNIHostName(sni)));
                    client.setSSLParameters(p);
                }
                client.startHandshake();
                return client.getInputStream().read();
            } finally {
                served.get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static javax.net.ssl.KeyManager[] keyManagers(HeldCertificate leaf, HeldCertificate issuer)
            throws Exception {
        char[] password = "fixture".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", leaf.keyPair().getPrivate(), password, new java.security.cert.Certificate[] {
            leaf.certificate(), issuer.certificate()
        });
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        return kmf.getKeyManagers();
    }
}
