package io.github.sectrust4j;

/** Where the top certificate of a trusted path got its trust (spec §1.3, §7.5). */
public enum AnchorSource {
    /** Apple's trust store for the selected release (or a root added with {@code extraSystemRoots}). */
    SYSTEM("system"),
    /** Apple's hard-coded roots (Apple Root CA, G2, G3, platform backport G1), checked before the user store. */
    APPLE("apple"),
    /** An app-supplied anchor ({@code SecTrustSetAnchorCertificates}). */
    APP("app"),
    /** A root installed by a manually installed configuration profile. */
    PROFILE("profile"),
    /** A root installed by MDM, Apple Configurator or an enrolment profile. */
    MDM("mdm");

    private final String label;

    AnchorSource(String label) {
        this.label = label;
    }

    /** The lower-case label used in JSON ({@code "anchorSource": "profile"}). */
    public String label() {
        return label;
    }
}
