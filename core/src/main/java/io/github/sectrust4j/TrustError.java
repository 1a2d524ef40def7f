package io.github.sectrust4j;

/**
 * The single OSStatus that {@code SecTrustEvaluateWithError} reports for an untrusted chain
 * (spec §2.1 "OSStatus" column, §12.3). Apple's constant name and numeric code.
 */
public enum TrustError {
    HOST_NAME_MISMATCH("errSecHostNameMismatch", -67602),
    CERTIFICATE_EXPIRED("errSecCertificateExpired", -67818),
    UNSUPPORTED_KEY_SIZE("errSecUnsupportedKeySize", -67735),
    INVALID_DIGEST_ALGORITHM("errSecInvalidDigestAlgorithm", -67815),
    INVALID_KEY_USAGE_FOR_POLICY("errSecInvalidKeyUsageForPolicy", -67608),
    INVALID_EXTENDED_KEY_USAGE("errSecInvalidExtendedKeyUsage", -67609),
    CERTIFICATE_REVOKED("errSecCertificateRevoked", -67820),
    NOT_TRUSTED("errSecNotTrusted", -67843),
    INVALID_ID_LINKAGE("errSecInvalidIDLinkage", -67610),
    NO_BASIC_CONSTRAINTS("errSecNoBasicConstraints", -67604),
    NO_BASIC_CONSTRAINTS_CA("errSecNoBasicConstraintsCA", -67605),
    PATH_LENGTH_CONSTRAINT_EXCEEDED("errSecPathLengthConstraintExceeded", -67611),
    INVALID_SUBJECT_NAME("errSecInvalidSubjectName", -67655),
    UNKNOWN_CRITICAL_EXTENSION_FLAG("errSecUnknownCriticalExtensionFlag", -67603),
    UNKNOWN_CERT_EXTENSION("errSecUnknownCertExtension", -67618),
    CERTIFICATE_DUPLICATE_EXTENSION("errSecCertificateDuplicateExtension", -67903),
    INVALID_NAME("errSecInvalidName", -67689),
    INVALID_POLICY_IDENTIFIERS("errSecInvalidPolicyIdentifiers", -67835),
    CERTIFICATE_VALIDITY_PERIOD_TOO_LONG("errSecCertificateValidityPeriodTooLong", -67901),
    CREATE_CHAIN_FAILED("errSecCreateChainFailed", -25318),
    TRUST_SETTING_DENY("errSecTrustSettingDeny", -67654),
    INCOMPLETE_CERT_REVOCATION_CHECK("errSecIncompleteCertRevocationCheck", -67635),
    VERIFY_ACTION_FAILED("errSecVerifyActionFailed", -67825),
    CERTIFICATE_POLICY_NOT_ALLOWED("errSecCertificatePolicyNotAllowed", -67899),
    CERTIFICATE_NAME_NOT_ALLOWED("errSecCertificateNameNotAllowed", -67900),
    INVALID_ROOT("errSecInvalidRoot", -67612),
    /** Reported when the evaluation could not run at all (result {@link SecTrustResult#INVALID}). */
    PARAM("errSecParam", -50),
    /** Apple's initial value when no failure key maps to a code (§12.3). */
    INTERNAL_ERROR("errSecInternalError", -67671);

    private final String appleName;
    private final int code;

    TrustError(String appleName, int code) {
        this.appleName = appleName;
        this.code = code;
    }

    /** Apple's constant name, e.g. {@code errSecHostNameMismatch}. */
    public String appleName() {
        return appleName;
    }

    /** The OSStatus value, e.g. -67602. */
    public int code() {
        return code;
    }

    @Override
    public String toString() {
        return appleName + " (" + code + ")";
    }
}
