package io.github.sectrust4j.hardening;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Helpers of the hardening tests: PEM text from raw DER, and plain-JDK parsing/verification as oracles. */
final class Hardening {
    private Hardening() {}

    static String pem(byte[]... ders) {
        StringBuilder sb = new StringBuilder();
        for (byte[] der : ders) {
            sb.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return sb.toString();
    }

    static List<Certificate> certs(HeldCertificate... held) {
        List<Certificate> out = new ArrayList<>();
        for (HeldCertificate h : held) {
            out.add(Certificate.parse(h.der()));
        }
        return out;
    }

    /** The JDK's reading of the DER, or empty if the JDK refuses it. */
    static Optional<X509Certificate> jdk(byte[] der) {
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Plain JDK signature verification (independent of the library's verifier). */
    static boolean jdkVerifies(X509Certificate child, PublicKey issuerKey) {
        try {
            child.verify(issuerKey);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static byte[] tbs(X509Certificate c) {
        try {
            return c.getTBSCertificate();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new AssertionError(e);
        }
    }
}
