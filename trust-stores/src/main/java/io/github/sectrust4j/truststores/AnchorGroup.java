package io.github.sectrust4j.truststores;

/**
 * The folder of Apple's {@code security_certificates} project a certificate was kept in
 * (spec §11.1). Only {@link #ROOTS} anchors every policy; {@link #CUSTOM} anchors only the
 * Apple policies its constraints name (§11.3); {@link #REVOKED} / {@link #DISTRUSTED} are
 * refused wherever they appear. The declaration order is part of the resource format: append only.
 */
public enum AnchorGroup {
    /** System anchors ({@code roots/}): "system" records in constraints.json. */
    ROOTS("roots", "system"),
    /** Anchors limited to the constrained Apple policies their constraints list. */
    CUSTOM("custom", "custom"),
    /** Apple platform anchors, usable only by Apple-pinned policies; not customer anchors. */
    PLATFORM("platform", "platform"),
    /** Apple test anchors for internal builds; never trusted on a customer device. */
    TEST_ROOTS("test-roots", "test-system"),
    /** Apple test platform anchors; never trusted on a customer device. */
    TEST_PLATFORM("test-platform", "test-platform"),
    /** "Blocked" certificates: their keys form the BlackListedKey list (fatal, §2.2). */
    REVOKED("revoked", null),
    /** "Gray-listed" certificates: their keys form the GrayListedKey list (recoverable, §2.2). */
    DISTRUSTED("distrusted", null),
    /** 2015 releases only: other certificates Apple shipped beside the roots; not anchors. */
    CERTS("certs", null);

    private final String folder;
    private final String constraintsSection;

    AnchorGroup(String folder, String constraintsSection) {
        this.folder = folder;
        this.constraintsSection = constraintsSection;
    }

    /** Apple's folder name, e.g. {@code test-roots}. */
    public String folder() {
        return folder;
    }

    /** The group's section name in constraints.json, or null if it has none. */
    public String constraintsSection() {
        return constraintsSection;
    }

    /** True for the groups whose members must be refused wherever they appear in a chain. */
    public boolean refused() {
        return this == REVOKED || this == DISTRUSTED;
    }

    /** The group kept in Apple folder {@code name}. */
    public static AnchorGroup fromFolder(String name) {
        for (AnchorGroup g : values()) {
            if (g.folder.equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown trust-store group folder: " + name);
    }

    /** The group a constraints.json section ({@code system}, {@code custom}, …) belongs to. */
    public static AnchorGroup fromConstraintsSection(String name) {
        for (AnchorGroup g : values()) {
            if (name.equals(g.constraintsSection)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown constraints.json section: " + name);
    }
}
