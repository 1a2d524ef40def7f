package io.github.sectrust4j;

/** The position of a certificate in the reported path. */
public enum CertificateRole {
    LEAF("leaf"),
    INTERMEDIATE("intermediate"),
    /** The trusted top of the path. */
    ANCHOR("anchor"),
    /** The top of a path that is not trusted (self-signed untrusted root, or the issuer is missing). */
    UNTRUSTED_TOP("untrusted-top");

    private final String label;

    CertificateRole(String label) {
        this.label = label;
    }

    /** The lower-case label used in JSON. */
    public String label() {
        return label;
    }
}
