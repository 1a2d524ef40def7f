package io.github.sectrust4j.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Vector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.CertificateStatus;
import org.bouncycastle.tls.CertificateStatusType;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExtensionType;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * A TLS client that accepts whatever the server presents and records it: the certificates in order,
 * the stapled OCSP response and the SCT list (asked for with status_request and
 * signed_certificate_timestamp). Judging the chain is the evaluator's job, not the handshake's. Offers
 * TLS 1.0 to 1.3 and a wide range of suites, so old servers (e.g. Lync on Windows Server 2008) answer too.
 */
final class CapturingTlsClient extends DefaultTlsClient {
    /** Most certificates accepted in one Certificate message (the byte cap on the connection binds first). */
    static final int MAX_CERTIFICATES = 100;

    private static final int[] SUITES = {
        CipherSuite.TLS_AES_128_GCM_SHA256,
        CipherSuite.TLS_AES_256_GCM_SHA384,
        CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
        CipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_DHE_RSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA256,
        CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
        CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
    };

    private final Optional<String> serverName;
    private List<byte[]> certificates;
    private byte[] stapledOcsp;
    private byte[] sctList;
    private String protocol;

    CapturingTlsClient(TlsCrypto crypto, Optional<String> serverName) {
        super(crypto);
        this.serverName = serverName;
    }

    /** The certificates as presented, or null if the server never sent its Certificate message. */
    List<byte[]> certificates() {
        return certificates;
    }

    Optional<byte[]> stapledOcsp() {
        return Optional.ofNullable(stapledOcsp);
    }

    Optional<byte[]> sctList() {
        return Optional.ofNullable(sctList);
    }

    /** The negotiated version in JSSE's spelling ({@code TLSv1.3}), once the server has chosen one. */
    Optional<String> protocol() {
        return Optional.ofNullable(protocol);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv10);
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), SUITES);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    protected Vector getSNIServerNames() {
        if (serverName.isEmpty()) {
            return null;
        }
        Vector names = new Vector();
        names.add(new ServerName(NameType.host_name, serverName.get().getBytes(StandardCharsets.US_ASCII)));
        return names;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions(); // includes status_request (OCSP)
        extensions.put(ExtensionType.signed_certificate_timestamp, TlsUtils.EMPTY_BYTES);
        return extensions;
    }

    /** Far above any real chain, far below the connection's byte cap. */
    @Override
    public int getMaxHandshakeMessageSize() {
        return 1 << 20;
    }

    @Override
    public int getMaxCertificateChainLength() {
        return MAX_CERTIFICATES;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        // TLS 1.2 and earlier: the SCT list is a ServerHello extension (RFC 6962 §3.3.1)
        byte[] scts = serverExtensions == null
                ? null
                : (byte[]) serverExtensions.get(ExtensionType.signed_certificate_timestamp);
        if (scts != null) {
            sctList = scts.clone();
        }
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new ServerOnlyTlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate presented) throws IOException {
                record(presented);
            }
        };
    }

    private void record(TlsServerCertificate presented) throws IOException {
        ProtocolVersion version = context.getServerVersion();
        protocol = version == null ? null : jsseName(version);
        CertificateEntry[] entries = presented.getCertificate().getCertificateEntryList();
        List<byte[]> ders = new ArrayList<>(entries.length);
        for (CertificateEntry entry : entries) {
            ders.add(entry.getCertificate().getEncoded());
        }
        certificates = List.copyOf(ders);
        CertificateStatus status = presented.getCertificateStatus(); // TLS 1.2: the CertificateStatus message
        if (status != null && status.getStatusType() == CertificateStatusType.ocsp) {
            stapledOcsp = status.getOCSPResponse().getEncoded(ASN1Encoding.DER);
        }
        // TLS 1.3: both ride on the leaf's CertificateEntry (RFC 8446 §4.4.2.1)
        Hashtable<?, ?> leafExtensions = entries.length == 0 ? null : entries[0].getExtensions();
        if (leafExtensions != null) {
            byte[] ocsp = ocspResponse((byte[]) leafExtensions.get(ExtensionType.status_request));
            if (ocsp != null) {
                stapledOcsp = ocsp;
            }
            byte[] scts = (byte[]) leafExtensions.get(ExtensionType.signed_certificate_timestamp);
            if (scts != null) {
                sctList = scts.clone();
            }
        }
    }

    /** The OCSPResponse of a CertificateStatus (status_type ocsp, 3-byte length), kept byte for byte. */
    private static byte[] ocspResponse(byte[] certificateStatus) {
        if (certificateStatus == null
                || certificateStatus.length < 4
                || certificateStatus[0] != CertificateStatusType.ocsp) {
            return null;
        }
        int length = ((certificateStatus[1] & 0xff) << 16)
                | ((certificateStatus[2] & 0xff) << 8)
                | (certificateStatus[3] & 0xff);
        if (length != certificateStatus.length - 4 || length == 0) {
            return null;
        }
        return Arrays.copyOfRange(certificateStatus, 4, certificateStatus.length);
    }

    private static String jsseName(ProtocolVersion version) {
        if (version.equals(ProtocolVersion.TLSv13)) {
            return "TLSv1.3";
        }
        if (version.equals(ProtocolVersion.TLSv12)) {
            return "TLSv1.2";
        }
        if (version.equals(ProtocolVersion.TLSv11)) {
            return "TLSv1.1";
        }
        return version.equals(ProtocolVersion.TLSv10) ? "TLSv1" : version.getName();
    }
}
