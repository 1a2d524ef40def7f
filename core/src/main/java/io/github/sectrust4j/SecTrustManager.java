package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * {@link SecTrust} as a JSSE client trust manager ({@link SecTrust#asTrustManager()}): server chains are
 * judged as the configured iPhone would judge them. The host name checked is the one given with
 * {@link SecTrust#forServer}, else the SNI host name the client sent, else the peer host of the socket or
 * engine (with none of them, as in {@code checkServerTrusted(chain, authType)} without a socket, no host name
 * is checked); stapled OCSP responses of the handshake are handed in as {@link SecTrust#withStapledOcsp} would.
 * Client certificates are not evaluated (iOS's SSL client policy is not modelled). Thread-safe.
 */
final class SecTrustManager extends X509ExtendedTrustManager {
    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    private final SecTrust trust;

    SecTrustManager(SecTrust trust) {
        this.trust = requireNonNull(trust, "trust");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain, socket instanceof SSLSocket s ? s.getHandshakeSession() : null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, engine == null ? null : engine.getHandshakeSession());
    }

    private void check(X509Certificate[] chain, SSLSession handshake) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        List<Cert> certificates;
        try {
            certificates = Cert.of(Arrays.asList(chain));
        } catch (CertificateInputException e) {
            throw new CertificateException("iOS cannot read the server's chain: " + e.getMessage(), e);
        }
        SecTrust device = forHandshake(handshake);
        if (device.configuredPolicy() == Policy.SSL_SERVER
                && device.configuredHost().isEmpty()) {
            // JSSE leaves the host check to this trust manager: without a name, any valid chain for any name
            // would pass, which is not what an iPhone connecting to a name does
            throw new CertificateException("no host name to check: the handshake gave none (no SNI, no peer host); "
                    + "configure it with SecTrust.forServer(host), or choose basicPolicy() explicitly");
        }
        TrustReport report = device.evaluate(certificates);
        if (!report.trusted()) {
            throw new UntrustedChainException(report);
        }
    }

    /** The configured evaluation plus what the handshake tells: the host (unless set) and stapled OCSP. */
    private SecTrust forHandshake(SSLSession handshake) {
        if (handshake == null) {
            return trust;
        }
        SecTrust device = trust;
        if (trust.configuredHost().isEmpty()) {
            Optional<String> host = sniHostName(handshake).or(() -> Optional.ofNullable(handshake.getPeerHost()));
            if (host.isPresent()) {
                device = device.forServer(host.get());
            }
        }
        if (handshake instanceof ExtendedSSLSession extended) {
            List<byte[]> stapled = extended.getStatusResponses();
            for (int i = 0; i < stapled.size(); i++) {
                if (stapled.get(i) != null && stapled.get(i).length > 0) {
                    try {
                        device = device.withStapledOcsp(stapled.get(i));
                    } catch (IllegalArgumentException full) { // the configuration's own responses fill the cap
                        break;
                    }
                }
            }
        }
        return device;
    }

    private static Optional<String> sniHostName(SSLSession handshake) {
        if (!(handshake instanceof ExtendedSSLSession extended)) {
            return Optional.empty();
        }
        for (SNIServerName name : extended.getRequestedServerNames()) {
            if (name.getType() == StandardConstants.SNI_HOST_NAME && name instanceof SNIHostName host) {
                return Optional.of(host.getAsciiName());
            }
        }
        return Optional.empty();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("sectrust4j evaluates server chains as an iPhone does; client certificates"
                + " are not evaluated (the trust manager is for TLS clients)");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    /**
     * No issuers: the list is what a server asks client certificates to chain to, and this trust manager
     * does not accept client certificates.
     */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS.clone();
    }

    @Override
    public String toString() {
        return "SecTrustManager[" + trust + "]";
    }
}
