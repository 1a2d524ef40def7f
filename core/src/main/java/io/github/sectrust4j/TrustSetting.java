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
 * @param keyUsage     {@code kSecTrustSettingsKeyUsage}: Apple's {@link KeyUse} bits (0 … 0xFFFFFFFF); the
 *                     constraint matches only when the usage iOS derives for the certificate equals them
 *                     exactly, or they are {@link KeyUse#ANY} (§7.2)
 */
public record TrustSetting(
        Result result,
        Optional<String> policyOid,
        Optional<String> policyString,
        Optional<Integer> allowedError,
        Optional<Long> keyUsage) {

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

    /**
     * {@code SecTrustSettingsKeyUsage} values ({@code trust/headers/SecTrustSettings.h}), the bits of
     * {@code kSecTrustSettingsKeyUsage}. Labels are Apple's names without the {@code kSecTrustSettingsKeyUse} prefix.
     */
    public enum KeyUse {
        /** Sign/verify data. */
        SIGNATURE(0x01, "signature"),
        /** Bulk encryption. */
        EN_DECRYPT_DATA(0x02, "enDecryptData"),
        /** Key wrap/unwrap. */
        EN_DECRYPT_KEY(0x04, "enDecryptKey"),
        /** Sign/verify certificates: what a CA position derives (§7.2). */
        SIGN_CERT(0x08, "signCert"),
        /** Sign/verify CRLs and OCSP responses. */
        SIGN_REVOCATION(0x10, "signRevocation"),
        /** Key exchange, e.g. Diffie-Hellman. */
        KEY_EXCHANGE(0x20, "keyExchange"),
        /** Any usage: matches every evaluation. */
        ANY(0xFFFFFFFFL, "any");

        private final long value;
        private final String label;

        KeyUse(long value, String label) {
            this.value = value;
            this.label = label;
        }

        /** Apple's value. */
        public long value() {
            return value;
        }

        public String label() {
            return label;
        }

        /** Parses a label (case-insensitive); throws IllegalArgumentException listing the accepted names. */
        public static KeyUse fromLabel(String label) {
            for (KeyUse k : values()) {
                if (k.label.equalsIgnoreCase(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown trust-settings key usage '" + label + "' (expected signature, "
                    + "enDecryptData, enDecryptKey, signCert, signRevocation, keyExchange or any)");
        }
    }

    /** The largest {@code kSecTrustSettingsKeyUsage} value (a uint32; {@link KeyUse#ANY}). */
    public static final long MAX_KEY_USAGE = 0xFFFFFFFFL;

    public TrustSetting {
        requireNonNull(result, "result");
        requireNonNull(policyOid, "policyOid");
        requireNonNull(policyString, "policyString");
        requireNonNull(allowedError, "allowedError");
        requireNonNull(keyUsage, "keyUsage");
        keyUsage.ifPresent(k -> {
            if (k < 0 || k > MAX_KEY_USAGE) {
                throw new IllegalArgumentException(
                        "kSecTrustSettingsKeyUsage must be 0 to 4294967295 (0xFFFFFFFF), got " + k);
            }
        });
    }

    /** A constraint without a key usage. */
    public TrustSetting(
            Result result, Optional<String> policyOid, Optional<String> policyString, Optional<Integer> allowedError) {
        this(result, policyOid, policyString, allowedError, Optional.empty());
    }

    /** An unconstrained constraint with the given result. */
    public static TrustSetting of(Result result) {
        return new TrustSetting(result, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This constraint limited to a policy (matched by its compatibility OID, §7.2). */
    public TrustSetting forPolicy(Policy policy) {
        return new TrustSetting(result, Optional.of(policy.compatibilityOid()), policyString, allowedError, keyUsage);
    }

    /** This constraint limited to one host name. */
    public TrustSetting forHost(String host) {
        return new TrustSetting(result, policyOid, Optional.of(host), allowedError, keyUsage);
    }

    /** This constraint with an allowed error (a CSSM code). */
    public TrustSetting allowingError(int cssmCode) {
        return new TrustSetting(result, policyOid, policyString, Optional.of(cssmCode), keyUsage);
    }

    /** This constraint limited to key uses ({@code kSecTrustSettingsKeyUsage}: the uses' values or'ed). */
    public TrustSetting forKeyUsage(KeyUse... uses) {
        long bits = 0;
        for (KeyUse u : uses) {
            bits |= requireNonNull(u, "use").value();
        }
        return forKeyUsage(bits);
    }

    /** This constraint limited to a raw {@code kSecTrustSettingsKeyUsage} value (0 … 0xFFFFFFFF). */
    public TrustSetting forKeyUsage(long value) {
        return new TrustSetting(result, policyOid, policyString, allowedError, Optional.of(value));
    }
}
