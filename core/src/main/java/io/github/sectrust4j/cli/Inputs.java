package io.github.sectrust4j.cli;

import io.github.sectrust4j.CertificateBundle;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.cert.ParsedCertificates;
import io.github.sectrust4j.cert.ServerChain;
import io.github.sectrust4j.text.Excerpt;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/** Parsing shared by {@code evaluate} and {@code batch}; every failure is an {@link InputError} naming the field. */
final class Inputs {
    private Inputs() {}

    /**
     * The PEM certificates of one field element; the message keeps the block number when the
     * element holds several blocks ({@code anchors[0] (PEM block 2) is not a certificate: ...}).
     */
    static List<Certificate> pem(String field, String text) {
        return pem(field, text, null);
    }

    /** As {@link #pem(String, String)}, reusing certificates already parsed ({@code parsed} may be null). */
    static List<Certificate> pem(String field, String text, ParsedCertificates parsed) {
        try {
            return CertificateInput.fromPem(text, parsed);
        } catch (CertificateInputException e) {
            throw new InputError(certificateMessage(field, e), e);
        }
    }

    /** Exactly one PEM certificate. */
    static Certificate onePem(String field, String text) {
        return onePem(field, text, null);
    }

    /** Exactly one PEM certificate, reusing certificates already parsed ({@code parsed} may be null). */
    static Certificate onePem(String field, String text, ParsedCertificates parsed) {
        List<Certificate> certs = pem(field, text, parsed);
        if (certs.size() != 1) {
            throw new InputError(field + " holds " + certs.size() + " certificates, expected exactly one");
        }
        return certs.get(0);
    }

    /**
     * A server's chain from a file's bytes (PEM, DER, or a container: PKCS#7, PKCS#12, JKS); PEM blocks after the leaf that iOS
     * cannot parse give a verdict, not an input error (§14.2 step 1).
     */
    static ServerChain serverChain(String field, byte[] bytes, char[] password) {
        CertificateBundle.Format format = CertificateBundle.detect(bytes);
        if (format != CertificateBundle.Format.PEM && format != CertificateBundle.Format.DER) {
            return new ServerChain(certificates(field, bytes, password), List.of()); // a container: whole certificates
        }
        try {
            return CertificateInput.serverChain(bytes);
        } catch (CertificateInputException e) {
            try { // PEM armour around a container (-----BEGIN PKCS7-----, certutil's armoured .p7b)
                return new ServerChain(
                        CertificateInput.fromCerts(
                                CertificateBundle.read(bytes, password).certificates()),
                        List.of());
            } catch (CertificateInputException notAContainer) { // also CertificateBundle.UnreadableException
                throw new InputError(certificateMessage(field, e), e);
            }
        }
    }

    /** Certificates from a file's bytes (PEM, DER, PKCS#7, or a keystore that opens without a password). */
    static List<Certificate> pemOrDer(String field, byte[] bytes) {
        return certificates(field, bytes, null);
    }

    /**
     * Certificates from a file's bytes in any container {@link CertificateBundle} reads (recognised by
     * content), leaf first; {@code password} opens a PKCS#12 / JKS (null: none).
     */
    static List<Certificate> certificates(String field, byte[] bytes, char[] password) {
        try {
            return CertificateInput.fromCerts(
                    CertificateBundle.read(bytes, password).certificates());
        } catch (CertificateBundle.UnreadableException e) {
            throw new InputError(
                    field + " (" + e.format().label() + "): " + e.reason()
                            + (e.reason().contains("password")
                                    ? "; give it with --keystore-password-env VAR, "
                                            + "--keystore-password-file FILE or --keystore-password"
                                    : ""),
                    e);
        } catch (CertificateInputException e) {
            throw new InputError(certificateMessage(field, e), e);
        }
    }

    /**
     * "{field} is not a certificate: {reason}", with "(PEM block n)" when the problem is not in the
     * first block; a problem with the whole text (no block at all, empty) has index -1.
     */
    static String certificateMessage(String field, CertificateInputException e) {
        if (e.index() < 0) {
            return field + " is not a certificate: " + e.reason();
        }
        String where = e.index() == 0 ? field : field + " (PEM block " + (e.index() + 1) + ")";
        return where + " is not a certificate: " + e.reason();
    }

    static IosRelease ios(String field, String text) {
        try {
            return IosRelease.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputError(field + ": " + e.getMessage());
        }
    }

    static Policy policy(String field, String text) {
        try {
            return Policy.fromLabel(text);
        } catch (IllegalArgumentException e) {
            throw new InputError(field + ": " + e.getMessage());
        }
    }

    /** An ISO-8601 instant ("2024-05-01T00:00:00Z"); an explicit offset ("+02:00") is accepted too. */
    static Instant instant(String field, String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text.trim()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new InputError(field + ": not an ISO-8601 instant: '" + Excerpt.of(text)
                        + "' (expected e.g. \"2024-05-01T00:00:00Z\")");
            }
        }
    }

    /** Standard base64 (RFC 4648 §4, padding optional); whitespace is ignored, anything else is an error. */
    static byte[] base64(String field, String text) {
        String compact = text.replaceAll("[ \\t\\r\\n]", "");
        if (compact.isEmpty()) {
            throw new InputError(field + ": empty (expected base64 DER)");
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new InputError(field + ": bad base64 (" + e.getMessage() + ")");
        }
    }

    /** The trust-setting result labels of BATCH-CONTRACT ({@code trustRoot}, ...). */
    static TrustSetting.Result trustResult(String field, String label) {
        try {
            return TrustSetting.Result.fromLabel(label);
        } catch (IllegalArgumentException e) {
            throw new InputError(field + ": " + e.getMessage());
        }
    }

    /**
     * A trust setting's allowed error. Apple stores CSSM codes; the contract speaks of OSStatus, so
     * the two OSStatus values that have a CSSM counterpart the evaluator honours (§7.2) are
     * translated; every other value passes through unchanged.
     */
    static int allowedError(int code) {
        if (code == -67602) { // errSecHostNameMismatch
            return TrustSetting.CSSM_HOSTNAME_MISMATCH;
        }
        if (code == -67818) { // errSecCertificateExpired
            return TrustSetting.CSSM_CERT_EXPIRED;
        }
        return code;
    }
}
