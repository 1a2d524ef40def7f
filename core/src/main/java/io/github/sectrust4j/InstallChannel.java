package io.github.sectrust4j;

/** How a root reached the device's user trust store (§7.1). */
public enum InstallChannel {
    /** A configuration profile installed by hand (Safari, Mail, Files): needs the full-trust switch from iOS 10.3. */
    PROFILE("profile"),
    /** MDM, Apple Configurator or an enrolment profile: trusted for TLS at once. */
    MDM("mdm");

    private final String label;

    InstallChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static InstallChannel fromLabel(String label) {
        for (InstallChannel c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown install channel '" + label + "' (expected \"profile\" or \"mdm\")");
    }
}
