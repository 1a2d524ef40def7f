package io.github.sectrust4j;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The key usages of a certificate (RFC 5280 §4.2.1.3) with Apple's {@code SecKeyUsage} bit values
 * ({@code trust/headers/SecCertificate.h}: {@code kSecKeyUsageDigitalSignature = 1u << 0} …
 * {@code kSecKeyUsageDecipherOnly = 1u << 8}), as {@code SecPolicyCreateSSLWithKeyUsage} takes them
 * ({@link SecTrust#requireKeyUsage}). Labels are RFC 5280's names, used by the command line and JSON.
 */
public enum KeyUsage {
    DIGITAL_SIGNATURE(1, "digitalSignature"),
    NON_REPUDIATION(1 << 1, "nonRepudiation"),
    KEY_ENCIPHERMENT(1 << 2, "keyEncipherment"),
    DATA_ENCIPHERMENT(1 << 3, "dataEncipherment"),
    KEY_AGREEMENT(1 << 4, "keyAgreement"),
    KEY_CERT_SIGN(1 << 5, "keyCertSign"),
    CRL_SIGN(1 << 6, "cRLSign"),
    ENCIPHER_ONLY(1 << 7, "encipherOnly"),
    DECIPHER_ONLY(1 << 8, "decipherOnly");

    private final int bits;
    private final String label;

    KeyUsage(int bits, String label) {
        this.bits = bits;
        this.label = label;
    }

    /** Apple's {@code SecKeyUsage} value (one bit). */
    public int bits() {
        return bits;
    }

    /** RFC 5280's name, e.g. {@code "digitalSignature"}. */
    public String label() {
        return label;
    }

    /** Parses a label (case-insensitive); throws IllegalArgumentException listing the accepted names. */
    public static KeyUsage fromLabel(String label) {
        for (KeyUsage k : values()) {
            if (k.label.equalsIgnoreCase(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown key usage '" + label + "' (expected one of "
                + Arrays.stream(values()).map(KeyUsage::label).collect(Collectors.joining(", ")) + ")");
    }

    /** The labels of the usages set in {@code bits}, in bit order. */
    public static java.util.List<String> labels(int bits) {
        return Arrays.stream(values())
                .filter(k -> (bits & k.bits) != 0)
                .map(KeyUsage::label)
                .toList();
    }
}
