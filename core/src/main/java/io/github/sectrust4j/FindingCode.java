package io.github.sectrust4j;

import java.util.Optional;

/**
 * Stable finding codes. Where Apple has a policy check of that name, {@link #code()} is exactly
 * Apple's check name (the key in {@code TrustResultDetails}, spec §2.1); other codes are the
 * library's own and documented here. Codes never change once released; new ones may be added.
 *
 * <p>Each Apple check carries its default result, error subtype and OSStatus from the master table
 * of §2.1. Release-dependent subtypes (§12.3 "Version differences") are resolved by
 * {@link #subtype(IosRelease)}.
 */
public enum FindingCode {
    SSL_HOSTNAME("SSLHostname", Severity.RECOVERABLE, ErrorSubtype.NAME, TrustError.HOST_NAME_MISMATCH),
    TEMPORAL_VALIDITY("TemporalValidity", Severity.RECOVERABLE, ErrorSubtype.EXPIRED, TrustError.CERTIFICATE_EXPIRED),
    /** Name of the leaf validity check before iOS 11.3 (and an optional check again in iOS 26). */
    VALID_LEAF("ValidLeaf", Severity.RECOVERABLE, ErrorSubtype.EXPIRED, TrustError.CERTIFICATE_EXPIRED),
    /** Name of the intermediate validity check before iOS 11.3. */
    VALID_INTERMEDIATES(
            "ValidIntermediates", Severity.RECOVERABLE, ErrorSubtype.EXPIRED, TrustError.CERTIFICATE_EXPIRED),
    /** Name of the root validity check before iOS 11.3. */
    VALID_ROOT("ValidRoot", Severity.RECOVERABLE, ErrorSubtype.EXPIRED, TrustError.CERTIFICATE_EXPIRED),
    WEAK_KEY_SIZE("WeakKeySize", Severity.FATAL, ErrorSubtype.KEY_SIZE, TrustError.UNSUPPORTED_KEY_SIZE),
    /** Weak-key check names of iOS 10.0 – 11.2 (Recoverable then). */
    WEAK_LEAF("WeakLeaf", Severity.RECOVERABLE, ErrorSubtype.KEY_SIZE, TrustError.UNSUPPORTED_KEY_SIZE),
    WEAK_INTERMEDIATES(
            "WeakIntermediates", Severity.RECOVERABLE, ErrorSubtype.KEY_SIZE, TrustError.UNSUPPORTED_KEY_SIZE),
    WEAK_ROOT("WeakRoot", Severity.RECOVERABLE, ErrorSubtype.KEY_SIZE, TrustError.UNSUPPORTED_KEY_SIZE),
    WEAK_SIGNATURE("WeakSignature", Severity.FATAL, ErrorSubtype.WEAK_HASH, TrustError.INVALID_DIGEST_ALGORITHM),
    KEY_USAGE("KeyUsage", Severity.RECOVERABLE, ErrorSubtype.USAGE, TrustError.INVALID_KEY_USAGE_FOR_POLICY),
    EXTENDED_KEY_USAGE(
            "ExtendedKeyUsage", Severity.RECOVERABLE, ErrorSubtype.USAGE, TrustError.INVALID_EXTENDED_KEY_USAGE),
    SERVER_AUTH_EKU("ServerAuthEKU", Severity.RECOVERABLE, ErrorSubtype.USAGE, TrustError.INVALID_EXTENDED_KEY_USAGE),
    BLACK_LISTED_LEAF("BlackListedLeaf", Severity.FATAL, ErrorSubtype.BLOCKED, TrustError.CERTIFICATE_REVOKED),
    GRAY_LISTED_LEAF("GrayListedLeaf", Severity.RECOVERABLE, ErrorSubtype.TRUST, TrustError.NOT_TRUSTED),
    BLACK_LISTED_KEY("BlackListedKey", Severity.FATAL, ErrorSubtype.BLOCKED, TrustError.CERTIFICATE_REVOKED),
    GRAY_LISTED_KEY("GrayListedKey", Severity.RECOVERABLE, ErrorSubtype.TRUST, TrustError.NOT_TRUSTED),
    ID_LINKAGE("IdLinkage", Severity.RECOVERABLE, ErrorSubtype.COMPLIANCE, TrustError.INVALID_ID_LINKAGE),
    BASIC_CONSTRAINTS(
            "BasicConstraints", Severity.RECOVERABLE, ErrorSubtype.COMPLIANCE, TrustError.NO_BASIC_CONSTRAINTS),
    BASIC_CONSTRAINTS_CA(
            "BasicConstraintsCA", Severity.RECOVERABLE, ErrorSubtype.COMPLIANCE, TrustError.NO_BASIC_CONSTRAINTS_CA),
    BASIC_CONSTRAINTS_PATH_LEN(
            "BasicConstraintsPathLen",
            Severity.RECOVERABLE,
            ErrorSubtype.COMPLIANCE,
            TrustError.PATH_LENGTH_CONSTRAINT_EXCEEDED),
    /** Before iOS 11.3 name- and policy-constraint failures were recorded under this key (§2.1). */
    BASIC_CERTIFICATE_PROCESSING(
            "BasicCertificateProcessing", Severity.RECOVERABLE, ErrorSubtype.COMPLIANCE, TrustError.INVALID_NAME),
    NON_EMPTY_SUBJECT(
            "NonEmptySubject", Severity.RECOVERABLE, ErrorSubtype.COMPLIANCE, TrustError.INVALID_SUBJECT_NAME),
    CRITICAL_EXTENSIONS(
            "CriticalExtensions",
            Severity.RECOVERABLE,
            ErrorSubtype.COMPLIANCE,
            TrustError.UNKNOWN_CRITICAL_EXTENSION_FLAG),
    UNPARSEABLE_EXTENSION(
            "UnparseableExtension", Severity.RECOVERABLE, ErrorSubtype.COMPLIANCE, TrustError.UNKNOWN_CERT_EXTENSION),
    DUPLICATE_EXTENSION(
            "DuplicateExtension",
            Severity.RECOVERABLE,
            ErrorSubtype.COMPLIANCE,
            TrustError.CERTIFICATE_DUPLICATE_EXTENSION),
    NAME_CONSTRAINTS("NameConstraints", Severity.RECOVERABLE, ErrorSubtype.COMPLIANCE, TrustError.INVALID_NAME),
    POLICY_CONSTRAINTS(
            "PolicyConstraints", Severity.RECOVERABLE, ErrorSubtype.COMPLIANCE, TrustError.INVALID_POLICY_IDENTIFIERS),
    KEY_SIZE("KeySize", Severity.RECOVERABLE, ErrorSubtype.KEY_SIZE, TrustError.UNSUPPORTED_KEY_SIZE),
    SIGNATURE_HASH_ALGORITHMS(
            "SignatureHashAlgorithms",
            Severity.RECOVERABLE,
            ErrorSubtype.WEAK_HASH,
            TrustError.INVALID_DIGEST_ALGORITHM),
    SYSTEM_TRUSTED_WEAK_KEY(
            "SystemTrustedWeakKey", Severity.RECOVERABLE, ErrorSubtype.KEY_SIZE, TrustError.UNSUPPORTED_KEY_SIZE),
    SYSTEM_TRUSTED_WEAK_HASH(
            "SystemTrustedWeakHash", Severity.RECOVERABLE, ErrorSubtype.WEAK_HASH, TrustError.INVALID_DIGEST_ALGORITHM),
    VALIDITY_PERIOD_MAXIMUMS(
            "ValidityPeriodMaximums",
            Severity.RECOVERABLE,
            ErrorSubtype.COMPLIANCE,
            TrustError.CERTIFICATE_VALIDITY_PERIOD_TOO_LONG),
    SYSTEM_TRUST_VALIDITY_PERIOD(
            "SystemTrustValidityPeriod",
            Severity.RECOVERABLE,
            ErrorSubtype.COMPLIANCE,
            TrustError.CERTIFICATE_VALIDITY_PERIOD_TOO_LONG),
    OTHER_TRUST_VALIDITY_PERIOD(
            "OtherTrustValidityPeriod",
            Severity.RECOVERABLE,
            ErrorSubtype.COMPLIANCE,
            TrustError.CERTIFICATE_VALIDITY_PERIOD_TOO_LONG),
    ANCHOR_TRUSTED("AnchorTrusted", Severity.RECOVERABLE, ErrorSubtype.TRUST, TrustError.NOT_TRUSTED),
    MISSING_INTERMEDIATE(
            "MissingIntermediate", Severity.RECOVERABLE, ErrorSubtype.TRUST, TrustError.CREATE_CHAIN_FAILED),
    USAGE_CONSTRAINTS("UsageConstraints", Severity.DENY, ErrorSubtype.DENIED, TrustError.TRUST_SETTING_DENY),
    REVOCATION("Revocation", Severity.FATAL, ErrorSubtype.REVOKED, TrustError.CERTIFICATE_REVOKED),
    REVOCATION_RESPONSE_REQUIRED(
            "RevocationResponseRequired",
            Severity.RECOVERABLE,
            ErrorSubtype.PINNING,
            TrustError.INCOMPLETE_CERT_REVOCATION_CHECK),
    CT_REQUIRED("CTRequired", Severity.RECOVERABLE, ErrorSubtype.TRUST, TrustError.NOT_TRUSTED),
    SYSTEM_TRUSTED_CT_REQUIRED(
            "SystemTrustedCTRequired", Severity.RECOVERABLE, ErrorSubtype.COMPLIANCE, TrustError.VERIFY_ACTION_FAILED),
    ISSUER_POLICY_CONSTRAINTS(
            "IssuerPolicyConstraints", Severity.FATAL, ErrorSubtype.BLOCKED, TrustError.CERTIFICATE_POLICY_NOT_ALLOWED),
    ISSUER_NAME_CONSTRAINTS(
            "IssuerNameConstraints", Severity.FATAL, ErrorSubtype.BLOCKED, TrustError.CERTIFICATE_NAME_NOT_ALLOWED),

    // ---- the library's own codes (no Apple check of that name) ----

    /**
     * Path building stopped at its budget (signature checks, candidate paths or depth) before a
     * trusted path was found. iOS caps at 100 paths (§1.4); the library reports the cap instead of
     * searching on, and never reports "trusted" on a partial search.
     */
    PATH_BUDGET_EXCEEDED(
            "PathBudgetExceeded", Severity.RECOVERABLE, ErrorSubtype.TRUST, TrustError.CREATE_CHAIN_FAILED),
    /**
     * The evaluation used up its total verification budget ({@code PathBudget#maxVerifications}: certificate,
     * SCT and OCSP signatures together, each distinct verification once) and stopped verifying. What could not
     * be verified counts as failed, so the verdict is never "trusted"; the evidence gives the counts, the limit
     * and how to raise it ({@code SecTrust.withBudget}). Not an iOS check: the library's guard against crafted
     * input.
     */
    VERIFICATION_BUDGET_EXCEEDED(
            "VerificationBudgetExceeded", Severity.FATAL, ErrorSubtype.TRUST, TrustError.CREATE_CHAIN_FAILED),
    /**
     * A certificate the server sent after the leaf cannot be parsed by iOS (§14.2 step 1): iOS cannot create a
     * trust object from the chain ({@code SecTrustCreateWithCertificates} takes only parsed certificates,
     * errSecParam), so the connection fails whatever the rest of the chain is. Result Invalid.
     */
    UNPARSEABLE_CERTIFICATE("UnparseableCertificate", Severity.FATAL, ErrorSubtype.INVALID, TrustError.PARAM),
    /**
     * The iOS release asked for is outside the modelled table and was mapped (§13): a release after the newest
     * modelled one is evaluated with the newest rules and trust store; 8.0–8.2, before Apple's versioned trust
     * stores, with the oldest store. Information only.
     */
    IOS_RELEASE("IosRelease", Severity.INFO, null, null),
    /** The chain qualifies as Extended Validation (§10). Information only. */
    EXTENDED_VALIDATION("ExtendedValidation", Severity.INFO, null, null),
    /**
     * The path's Certificate Transparency evaluation (§8.2, §8.3): which SCTs counted, which did not and
     * why. Information only (failures are {@code SystemTrustedCTRequired} / {@code CTRequired}).
     */
    CERTIFICATE_TRANSPARENCY("CertificateTransparency", Severity.INFO, null, null),
    /**
     * The user's exceptions (§12.4) were set for the evaluation but iOS would not keep them: their first
     * entry is not this leaf's, or they were made in another exception epoch. Information only. (Failures
     * the exceptions did suppress keep their own codes, as informational findings.)
     */
    USER_EXCEPTIONS("UserExceptions", Severity.INFO, null, null),
    /**
     * The path's anchor is a certificate that is not a root — the server's own certificate or an issuing CA —
     * trusted directly in the user trust store (TrustAsRoot, §7.3, §7.5): the path ends there. Information only.
     */
    DIRECT_TRUST("DirectTrust", Severity.INFO, null, null),
    /**
     * An SCT names a log the CT log list in use does not know, and the evaluation is later than that list's
     * date: the list may be out of date (§8.4). Information only; the SCT still does not count.
     */
    CT_LOG_LIST_MAY_BE_OUTDATED("CTLogListMayBeOutdated", Severity.INFO, null, null),
    /** A rule applied where the spec marks iOS behaviour as inferred or open (§15); the finding says which. */
    UNCERTAIN_RULE("UncertainRule", Severity.INFO, null, null);

    private final String code;
    private final Severity defaultSeverity;
    private final ErrorSubtype subtype;
    private final TrustError error;

    FindingCode(String code, Severity defaultSeverity, ErrorSubtype subtype, TrustError error) {
        this.code = code;
        this.defaultSeverity = defaultSeverity;
        this.subtype = subtype;
        this.error = error;
    }

    /** The stable code: Apple's check name where one exists (e.g. {@code SSLHostname}). */
    public String code() {
        return code;
    }

    /** The result a failure of this check forces by default (§1.7); some call sites override it. */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** The error subtype in the current release (§12.3); empty for informational codes. */
    public Optional<ErrorSubtype> subtype() {
        return Optional.ofNullable(subtype);
    }

    /**
     * The error subtype in a given release: in iOS 12–13 {@code KeySize} and
     * {@code SignatureHashAlgorithms} ranked as Pinning and the {@code SystemTrustedWeak*} pair as
     * Compliance; in iOS 14 {@code KeySize} was still Pinning (§12.3 "Version differences").
     */
    public Optional<ErrorSubtype> subtype(IosRelease release) {
        return io.github.sectrust4j.policy.RuleSet.forRelease(release).errorSubtype(this);
    }

    /** The OSStatus reported when this check is the winning error (§2.1); empty for informational codes. */
    public Optional<TrustError> error() {
        return Optional.ofNullable(error);
    }

    /** Looks a code up by its stable string, e.g. {@code "SSLHostname"}. */
    public static Optional<FindingCode> fromCode(String code) {
        for (FindingCode c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
