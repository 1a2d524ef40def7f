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
            return Optional.of((X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)));
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

    /** One DER element: tag, where it starts, where its content starts, where it ends. */
    record Tlv(int tag, int start, int contentStart, int end) {}

    /** Reads one definite-length DER element at {@code at}; empty if the bytes are not one. */
    static Optional<Tlv> tlv(byte[] der, int at, int limit) {
        if (at + 2 > limit) {
            return Optional.empty();
        }
        int tag = der[at] & 0xff;
        int len = der[at + 1] & 0xff;
        int pos = at + 2;
        if (len > 0x80) {
            int n = len & 0x7f;
            if (n > 3 || pos + n > limit) {
                return Optional.empty();
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (der[pos++] & 0xff);
            }
        } else if (len == 0x80) {
            return Optional.empty();
        }
        return pos + len > limit ? Optional.empty() : Optional.of(new Tlv(tag, at, pos, pos + len));
    }

    /** The three top-level parts of a certificate (tbs, signatureAlgorithm, signatureValue), if it has that shape. */
    static Optional<Tlv[]> certificateParts(byte[] der) {
        Optional<Tlv> outer = tlv(der, 0, der.length);
        if (outer.isEmpty() || outer.get().tag() != 0x30 || outer.get().end() != der.length) {
            return Optional.empty();
        }
        Optional<Tlv> tbs = tlv(der, outer.get().contentStart(), der.length);
        Optional<Tlv> alg = tbs.flatMap(t -> tlv(der, t.end(), der.length));
        Optional<Tlv> sig = alg.flatMap(a -> tlv(der, a.end(), der.length));
        if (sig.isEmpty() || sig.get().end() != der.length || sig.get().tag() != 0x03) {
            return Optional.empty();
        }
        return Optional.of(new Tlv[] {tbs.get(), alg.get(), sig.get()});
    }
}
