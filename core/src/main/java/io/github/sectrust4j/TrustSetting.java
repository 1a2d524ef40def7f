package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One constraint dictionary of Apple's per-certificate trust settings (spec §7.2). A certificate's
 * settings are an ordered list; the first constraint whose present keys all match the evaluation
 * decides (§7.3). An empty list means full trust for a self-signed root.
 *
 * @param result       {@code kSecTrustSettingsResult}
 * @param policyOid    {@code kSecTrustSettingsPolicy}: matched against the evaluation policy's compatibility OID
 * @param policyString {@code kSecTrustSettingsPolicyString}: compared case-insensitively with the host name
 * @param allowedError {@code kSecTrustSettingsAllowedError}: a CSSM error code ignored for this certificate
 *                     (only -2147408896 host-name mismatch and -2147409654 expired are mappable)
 */
public record TrustSetting(Result result, Optional<String> policyOid, Optional<String> policyString,
                           Optional<Integer> allowedError) {

    /** CSSM code that a trust setting uses to allow a host-name mismatch (§2.2 SSLHostname). */
    public static final int CSSM_HOSTNAME_MISMATCH = -2147408896;
    /** CSSM code that a trust setting uses to allow an expired certificate (§2.2 TemporalValidity). */
    public static final int CSSM_CERT_EXPIRED = -2147409654;

    /** {@code kSecTrustSettingsResult} values (§7.2). */
    public enum Result {
        TRUST_ROOT(1, "trustRoot"),
        TRUST_AS_ROOT(2, "trustAsRoot"),
        DENY(3, "deny"),
        UNSPECIFIED(4, "unspecified");

        private final int value;
        private final String label;

        Result(int value, String label) {
            this.value = value;
            this.label = label;
        }

        public int value() {
            return value;
        }

        /** The BATCH-CONTRACT label, e.g. {@code "trustAsRoot"}. */
        public String label() {
            return label;
        }

        public static Result fromLabel(String label) {
            for (Result r : values()) {
                if (r.label.equals(label)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("Unknown trust-setting result '" + label
                    + "' (expected trustRoot, trustAsRoot, deny or unspecified)");
        }
    }

    public TrustSetting {
        requireNonNull(result, "result");
        requireNonNull(policyOid, "policyOid");
        requireNonNull(policyString, "policyString");
        requireNonNull(allowedError, "allowedError");
    }

    /** An unconstrained constraint with the given result. */
    public static TrustSetting of(Result result) {
        return new TrustSetting(result, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This constraint limited to a policy (matched by its compatibility OID, §7.2). */
    public TrustSetting forPolicy(Policy policy) {
        return new TrustSetting(result, Optional.of(policy.compatibilityOid()), policyString, allowedError);
    }

    /** This constraint limited to one host name. */
    public TrustSetting forHost(String host) {
        return new TrustSetting(result, policyOid, Optional.of(host), allowedError);
    }

    /** This constraint with an allowed error (a CSSM code). */
    public TrustSetting allowingError(int cssmCode) {
        return new TrustSetting(result, policyOid, policyString, Optional.of(cssmCode));
    }
}
