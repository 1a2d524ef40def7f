package io.github.sectrust4j.cert;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A certificate fingerprint: the SHA-256 (or SHA-1) digest of its DER, and the one place it is formatted — lower-
 * or upper-case hex, or colon-separated pairs as the iOS Settings app and browsers show them. Immutable; equal when
 * algorithm and digest are.
 */
public final class Fingerprint {
    /** The digest algorithms fingerprints use. */
    public enum Algorithm {
        /** What reports, trust stores and profiles name certificates by. */
        SHA256("SHA-256", 32),
        /** What iOS keys the user's exceptions by ({@code SHA1Digest}, §12.4). */
        SHA1("SHA-1", 20);

        private final String label;
        private final int length;

        Algorithm(String label, int length) {
            this.label = label;
            this.length = length;
        }

        /** The standard name, e.g. {@code SHA-256}. */
        public String label() {
            return label;
        }

        /** The digest length in bytes. */
        public int length() {
            return length;
        }
    }

    private static final HexFormat LOWER = HexFormat.of();
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    private final Algorithm algorithm;
    private final byte[] digest;

    private Fingerprint(Algorithm algorithm, byte[] digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    /**
     * A fingerprint from its digest.
     *
     * @throws IllegalArgumentException when the digest does not have the algorithm's length
     */
    public static Fingerprint of(Algorithm algorithm, byte[] digest) {
        requireNonNull(algorithm, "algorithm");
        requireNonNull(digest, "digest");
        if (digest.length != algorithm.length()) {
            throw new IllegalArgumentException("a " + algorithm.label() + " fingerprint has " + algorithm.length()
                    + " bytes, not " + digest.length);
        }
        return new Fingerprint(algorithm, digest.clone());
    }

    /** The SHA-256 fingerprint of a certificate's DER. */
    public static Fingerprint sha256Of(byte[] der) {
        return new Fingerprint(Algorithm.SHA256, Digests.sha256(requireNonNull(der, "der")));
    }

    /** The SHA-1 fingerprint of a certificate's DER. */
    public static Fingerprint sha1Of(byte[] der) {
        return new Fingerprint(Algorithm.SHA1, Digests.sha1(requireNonNull(der, "der")));
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** The digest (a copy). */
    public byte[] bytes() {
        return digest.clone();
    }

    /** Lower-case hex without separators ({@code 3a0f…}). */
    public String hex() {
        return LOWER.formatHex(digest);
    }

    /** Upper-case hex without separators ({@code 3A0F…}), as reports and exceptions print it. */
    public String hexUpperCase() {
        return UPPER.formatHex(digest);
    }

    /** Upper-case hex pairs separated by colons ({@code 3A:0F:…}), as the iOS Settings app shows it. */
    public String colonHex() {
        return COLONS.formatHex(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && f.algorithm == algorithm && Arrays.equals(f.digest, digest);
    }

    @Override
    public int hashCode() {
        return 31 * algorithm.hashCode() + Arrays.hashCode(digest);
    }

    /** {@code SHA-256 3A:0F:…}. */
    @Override
    public String toString() {
        return algorithm.label() + " " + colonHex();
    }
}
