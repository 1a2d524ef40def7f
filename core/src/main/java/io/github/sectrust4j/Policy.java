package io.github.sectrust4j;

import io.github.sectrust4j.cert.Oids;

/** The evaluation policy (BATCH-CONTRACT {@code policy}). */
public enum Policy {
    /** {@code SecPolicyCreateSSL(true, host)}: the SSL server policy, OID 1.2.840.113635.100.1.3.1 (§1.2). */
    SSL_SERVER("ssl-server", Oids.APPLE_POLICY_SSL_SERVER, Oids.APPLE_POLICY_SSL),
    /** The basic X.509 policy, OID 1.2.840.113635.100.1.2. */
    BASIC("basic", Oids.APPLE_POLICY_BASIC, Oids.APPLE_POLICY_BASIC);

    private final String label;
    private final String oid;
    private final String compatibilityOid;

    Policy(String label, String oid, String compatibilityOid) {
        this.label = label;
        this.oid = oid;
        this.compatibilityOid = compatibilityOid;
    }

    /** The label used by the command line and JSON ({@code "ssl-server"}, {@code "basic"}). */
    public String label() {
        return label;
    }

    /** Apple's policy OID. */
    public String oid() {
        return oid;
    }

    /**
     * The OID a trust setting's {@code kSecTrustSettingsPolicy} is matched against (§7.2): SSL server
     * and client both map to the SSL family OID 1.2.840.113635.100.1.3.
     */
    public String compatibilityOid() {
        return compatibilityOid;
    }

    /** Parses a label; throws IllegalArgumentException naming the accepted values. */
    public static Policy fromLabel(String label) {
        for (Policy p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("Unknown policy '" + label + "' (expected \"ssl-server\" or \"basic\")");
    }
}
