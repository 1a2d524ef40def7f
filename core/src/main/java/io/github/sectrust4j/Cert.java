package io.github.sectrust4j;

import io.github.sectrust4j.cert.CertificateInput;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * A certificate as sectrust4j reads it: parsed once the way iOS parses it, its exact DER kept. Every
 * certificate-taking method of {@link SecTrust} accepts this type, besides {@link X509Certificate}s,
 * PEM text and DER bytes, so callers never import an implementation package.
 *
 * <pre>{@code
 * List<Cert> chain = Cert.fromPem(Files.readString(Path.of("chain.pem")));
 * SecTrust.ios("17.4").forServer("www.example.com").withIntermediates(Cert.of(x509)).evaluate(chain);
 * }</pre>
 *
 * <p>The factories parse strictly (malformed input throws {@link CertificateInputException} naming the
 * position and the cause). Instances are immutable and compare by their DER. The library's parsed
 * certificates implement this interface; another implementation is read from its {@link #der()}.
 */
public interface Cert {

    /** The exact DER encoding (a copy). */
    byte[] der();

    /** SHA-256 fingerprint of the DER, lower-case hex ({@link PathCertificate#sha256()} is the upper-case form). */
    String sha256Hex();

    /** Readable subject name (RFC 4514 order, as reports print it). */
    String subjectName();

    /** Start of validity. */
    Instant notBefore();

    /** End of validity. */
    Instant notAfter();

    /** The certificate as the JDK parses it (more lenient than iOS; may refuse deliberately odd fixtures). */
    default X509Certificate toX509() {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der()));
        } catch (CertificateException e) {
            throw new CertificateInputException(
                    -1, e.getMessage(), "the JDK cannot parse this certificate: " + e.getMessage());
        }
    }

    /** One DER certificate. */
    static Cert fromDer(byte[] der) {
        return CertificateInput.fromDer(der);
    }

    /** Every certificate of PEM text (one or many {@code CERTIFICATE} blocks), in order. */
    static List<Cert> fromPem(String pem) {
        return List.copyOf(CertificateInput.fromPem(pem));
    }

    /** PEM text (one or many blocks) or one DER certificate, detected from the bytes. */
    static List<Cert> parse(byte[] pemOrDer) {
        return List.copyOf(CertificateInput.parse(pemOrDer));
    }

    /** A JDK certificate, re-read from its encoding as iOS reads it. */
    static Cert of(X509Certificate certificate) {
        return CertificateInput.fromX509(Collections.singletonList(certificate)).get(0);
    }

    /** JDK certificates, re-read from their encodings, in order. */
    static List<Cert> of(List<X509Certificate> certificates) {
        return List.copyOf(CertificateInput.fromX509(certificates));
    }
}
