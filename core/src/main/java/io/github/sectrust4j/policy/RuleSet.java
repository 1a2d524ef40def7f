package io.github.sectrust4j.policy;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.ErrorSubtype;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.ct.internal.CtReleaseRules;
import io.github.sectrust4j.policy.names.HostnameRules;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Rules;
import io.github.sectrust4j.truststores.HardCodedTrust;
import io.github.sectrust4j.truststores.IosReleases;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every release-dependent switch the policy checks need (spec §13.2, §13.3), fixed for one iOS
 * release. Immutable; obtain with {@link #forRelease(IosRelease)}.
 *
 * <p>The calling process is modelled as an ordinary app, not Safari/WebKit: the iOS 10.3
 * Safari-only {@code SystemTrustedWeakHash} rule (§4.3) is therefore off on 10.3, and the rule
 * applies to every app from iOS 11.
 */
public final class RuleSet {

    /** Apple's cut-off for the other-trust EKU and 825-day rules: one hour before 2019-07-01 (§2.2, §5.2). */
    public static final Instant JULY_2019_CUTOFF = Instant.parse("2019-06-30T23:00:00Z");

    public static final Instant MARCH_2018 = Instant.parse("2018-03-01T00:00:00Z");
    public static final Instant JULY_2016 = Instant.parse("2016-07-01T00:00:00Z");
    public static final Instant SEPTEMBER_2020 = Instant.parse("2020-09-01T00:00:00Z");

    private static final Set<FindingCode> FORCED = EnumSet.of(
            FindingCode.ANCHOR_TRUSTED,
            FindingCode.MISSING_INTERMEDIATE,
            FindingCode.BASIC_CONSTRAINTS,
            FindingCode.BASIC_CONSTRAINTS_CA,
            FindingCode.KEY_USAGE,
            FindingCode.BASIC_CONSTRAINTS_PATH_LEN,
            FindingCode.NAME_CONSTRAINTS,
            FindingCode.POLICY_CONSTRAINTS,
            FindingCode.CRITICAL_EXTENSIONS,
            FindingCode.USAGE_CONSTRAINTS,
            FindingCode.BLACK_LISTED_KEY,
            FindingCode.GRAY_LISTED_KEY,
            FindingCode.REVOCATION,
            FindingCode.REVOCATION_RESPONSE_REQUIRED,
            FindingCode.CT_REQUIRED,
            FindingCode.ISSUER_POLICY_CONSTRAINTS,
            FindingCode.ISSUER_NAME_CONSTRAINTS,
            FindingCode.BASIC_CERTIFICATE_PROCESSING,
            FindingCode.PATH_BUDGET_EXCEEDED,
            FindingCode.VERIFICATION_BUDGET_EXCEEDED);

    private final IosRelease release;

    private RuleSet(IosRelease release) {
        this.release = release;
    }

    /** The rules of {@code release}. */
    public static RuleSet forRelease(IosRelease release) {
        return new RuleSet(requireNonNull(release, "release"));
    }

    public IosRelease release() {
        return release;
    }

    /**
     * Host-name matching rules (§3.6, §13.2 rows "Host matcher", "CN fallback when no SAN dNSName", "IP reference
     * vs SAN"): 13+ SAN only; 10.2–12.x label matcher with public-suffix test and CN fallback; 10.0–10.1 without the
     * public-suffix test; 8–9 the RFC 2818 character matcher.
     */
    public HostnameRules hostnameRules() {
        return HostnameRules.of(labelHostnameMatcher(), publicSuffixWildcardTest(), sanOnlyHostnames());
    }

    /** The label matcher of §3.3 replaces the RFC 2818 character matcher from iOS 10 (§3.6, §13.2). */
    public boolean labelHostnameMatcher() {
        return release.atLeast(10, 0);
    }

    /**
     * A whole-label wildcard over a public suffix is refused from iOS 10.2 (§3.3, §3.6: an inferred OS
     * pairing).
     */
    public boolean publicSuffixWildcardTest() {
        return release.atLeast(10, 2);
    }

    /** From iOS 13 host names match SAN dNSNames only, never the CN, and IP literals compare in binary (§3.4, §3.6). */
    public boolean sanOnlyHostnames() {
        return release.atLeast(13, 0);
    }

    /**
     * Configuration-profile roots installed by hand have the "full trust" switch (Settings › About › Certificate
     * Trust Settings) from iOS 10.3; before, they anchor TLS like MDM roots (§7.1).
     */
    public boolean profileRootFullTrustSwitch() {
        return release.atLeast(10, 3);
    }

    /** {@code KeySize} ranks as the Pinning error subtype before iOS 15, as KeySize from 15 (§12.3). */
    public boolean keySizeRanksAsPinning() {
        return release.before(15, 0);
    }

    /** {@code SignatureHashAlgorithms} ranks as the Pinning error subtype before iOS 14 (§12.3). */
    public boolean signatureHashRanksAsPinning() {
        return release.before(14, 0);
    }

    /** The {@code SystemTrustedWeak*} pair ranks as the Compliance error subtype in iOS 11–12 (§12.3). */
    public boolean systemTrustedWeakRanksAsCompliance() {
        return release.before(13, 0);
    }

    /** The error subtype of {@code code} in this release (§12.3 "Version differences"); empty for informational codes. */
    public java.util.Optional<ErrorSubtype> errorSubtype(FindingCode code) {
        java.util.Optional<ErrorSubtype> current = code.subtype();
        return switch (code) {
            case KEY_SIZE -> keySizeRanksAsPinning() ? current.map(s -> ErrorSubtype.PINNING) : current;
            case SIGNATURE_HASH_ALGORITHMS ->
                signatureHashRanksAsPinning() ? current.map(s -> ErrorSubtype.PINNING) : current;
            case SYSTEM_TRUSTED_WEAK_KEY, SYSTEM_TRUSTED_WEAK_HASH ->
                systemTrustedWeakRanksAsCompliance() ? current.map(s -> ErrorSubtype.COMPLIANCE) : current;
            default -> current;
        };
    }

    /**
     * Today's downloaded Apple CT log list ({@code --ct-log-cache}) stands for the list a device of this release
     * holds only from the newest modelled release on: an older release keeps the list it shipped with (§8.1).
     */
    public boolean takesDownloadedCtLogList() {
        return release.compareTo(IosRelease.NEWEST) >= 0;
    }

    /** Check names before the iOS 11.3 rename (§13.3): ValidLeaf/…, WeakLeaf/…, BasicCertificateProcessing. */
    public boolean legacyCheckNames() {
        return release.before(11, 3);
    }

    /** An MD2/4/5 {@code WeakSignature} forces Fatal from iOS 12, Recoverable in 11.3–11.4 (§13.2). */
    public boolean weakSignatureFatal() {
        return release.atLeast(12, 0);
    }

    /** Weak-key checks exist from iOS 10 (§13.2). */
    public boolean weakKeyCheck() {
        return release.atLeast(10, 0);
    }

    /** WeakSignature exists from iOS 11.3 (§13.3). */
    public boolean weakSignatureCheck() {
        return release.atLeast(11, 3);
    }

    /**
     * {@code SystemTrustedWeakHash}/{@code SystemTrustedWeakKey} in the SSL policy for chains anchored
     * by the system anchor source: iOS 11–12 for all apps (§4.3). iOS 10.3 enforced the hash rule for
     * Safari/WebKit only; the modelled caller is not Safari, so it is off there.
     */
    public boolean systemTrustedWeakChecks() {
        return release.atLeast(11, 0) && release.before(13, 0);
    }

    /** KeySize and SignatureHashAlgorithms in the SSL policy, all anchor types (iOS 13+, §4.2). */
    public boolean keySizeAndHashChecks() {
        return release.atLeast(13, 0);
    }

    /** ServerAuthEKU from iOS 13 (§2.2). */
    public boolean serverAuthEku() {
        return release.atLeast(13, 0);
    }

    /** The system sub-CA part of ServerAuthEKU from iOS 14 (§2.2, §13.3). */
    public boolean serverAuthEkuSubCa() {
        return release.atLeast(14, 0);
    }

    /** The sub-CA part of ExtendedKeyUsage from iOS 16 (§2.2). */
    public boolean subCaExtendedKeyUsage() {
        return release.atLeast(16, 0);
    }

    /** UnparseableExtension from iOS 13 (§13.2). */
    public boolean unparseableExtension() {
        return release.atLeast(13, 0);
    }

    /** DuplicateExtension from iOS 15 (§13.2). */
    public boolean duplicateExtension() {
        return release.atLeast(15, 0);
    }

    /** A user-store anchored success is reported as Proceed from iOS 11, Unspecified before (§13.2). */
    public boolean proceedForUserStore() {
        return release.atLeast(11, 0);
    }

    /**
     * iOS ≤ 10: the daemon produced only Unspecified/Recoverable/Deny, and the client turned a
     * black-listed leaf or key into Fatal (§13.2, §13.3 iOS 8).
     */
    public boolean daemonResultsLimited() {
        return release.before(11, 0);
    }

    /**
     * The WoSign/StartCom issuance-date block (§11.5): present from the release whose trust store is
     * {@link HardCodedTrust#WOSIGN_STARTCOM_FROM_VERSION} (2016102100, iOS 10.2) per the trust-stores
     * release table.
     */
    public boolean woSignStartComRule() {
        try {
            return IosReleases.trustStoreVersionFor(release.toString()) >= HardCodedTrust.WOSIGN_STARTCOM_FROM_VERSION;
        } catch (IllegalArgumentException beforeBundledStores) {
            return false;
        }
    }

    /**
     * The user's exceptions (§12.4) are applied by the trust daemon while each path is validated from
     * iOS 11; before, the client applied them to the daemon's finished result.
     */
    public boolean exceptionsInDaemon() {
        return release.atLeast(11, 0);
    }

    /** {@code SecTrustEvaluateWithError} and its subtype ranking exist from iOS 12 (§12.3). */
    public boolean evaluateWithError() {
        return release.atLeast(12, 0);
    }

    /** Apple's hard-coded roots are never expired in iOS 26 (§13.3). */
    public boolean appleRootsNeverExpire() {
        return release.atLeast(26, 0);
    }

    /** {@code RevocationResponseRequired} (the require-positive-response option) exists from iOS 9 (§2.1, §9.5). */
    public boolean revocationResponseRequiredCheck() {
        return release.atLeast(9, 0);
    }

    /** The Valid database's require-ct flag is enforced from iOS 11.3 (§9.2, §13.3). */
    public boolean validRequiresCt() {
        return release.atLeast(11, 3);
    }

    /** Valid-driven {@code IssuerPolicyConstraints} arrive in iOS 13; the other Valid failures exist before (§2.1, §9.2). */
    public boolean validIssuerPolicyConstraints() {
        return release.atLeast(13, 0);
    }

    /** {@code SystemTrustedCTRequired} in the SSL server policy from iOS 12.1.1 (§8.1, §13.3). */
    public boolean systemTrustedCtRequired() {
        return release.atLeast(12, 1, 1);
    }

    /** CT code (SCT validation, EV's CT condition) exists from iOS 9; iOS 8 has none (§8, §13.2). */
    public boolean ctEvaluation() {
        return release.atLeast(9, 0);
    }

    /**
     * iOS 9 counts SCTs by distinct log operators, with every log of the list usable whatever its state;
     * from iOS 10 by distinct logs, retired logs only for embedded SCTs (§8.2, §8.3).
     */
    public boolean ctCountsByOperators() {
        return release.before(10, 0);
    }

    /** From iOS 10 an EV path must be CT-qualified (§8.5, §10). */
    public boolean evRequiresCt() {
        return release.atLeast(10, 0);
    }

    /** CT lifetime policy v2 (seconds) for leaves issued on or after 2021-04-21, from the iOS 14.6 drop (§8.3, §13.3). */
    public boolean ctLifetimePolicyV2() {
        return release.atLeast(14, 6);
    }

    /** The CT facts of this release, for the {@code ct} package, which must not read the policy layer (§8). */
    public CtReleaseRules ctRules() {
        return new CtReleaseRules(
                release,
                ctEvaluation(),
                ctCountsByOperators(),
                ctLifetimePolicyV2(),
                systemTrustedCtRequired(),
                evRequiresCt());
    }

    /**
     * What RFC 5280 processing and the parent checks run in this release and how they record it, for
     * {@code policy.rfc5280}, which must not read the policy layer (§2.3, §1.6): the checks the catalogue's
     * descriptors carry ({@link CheckDescriptor#rfc5280Checks}), check names, weak-key and weak-signature severity,
     * Apple roots' expiry. A weak key forces Fatal once the daemon's results are no longer limited (iOS 11, §13.2).
     */
    public Rfc5280Rules rfc5280Rules() {
        Rfc5280Rules r = RFC5280_RULES.get(release);
        if (r == null) {
            r = new Rfc5280Rules(
                    AppleChecks.rfc5280Checks(this),
                    legacyCheckNames(),
                    !daemonResultsLimited(),
                    weakSignatureFatal(),
                    appleRootsNeverExpire());
            if (RFC5280_RULES.size() < MAX_OPTIONS) {
                RFC5280_RULES.putIfAbsent(release, r);
            }
        }
        return r;
    }

    /** A pure function of the release, asked on every parent check while paths are built: made once per release. */
    private static final java.util.Map<IosRelease, Rfc5280Rules> RFC5280_RULES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Which validity-period checks the SSL policy carries in this release (§5.2). */
    public List<FindingCode> validityPeriodChecks() {
        if (release.before(13, 0)) {
            return List.of();
        }
        if (release.before(16, 0)) {
            return List.of(FindingCode.VALIDITY_PERIOD_MAXIMUMS);
        }
        return List.of(FindingCode.SYSTEM_TRUST_VALIDITY_PERIOD, FindingCode.OTHER_TRUST_VALIDITY_PERIOD);
    }

    /**
     * The §5.2 table of limits for system-trusted chains ({@code ValidityPeriodMaximums} in iOS
     * 13–15, {@code SystemTrustValidityPeriod} from 16).
     */
    public List<ValidityLimit> systemTrustLimits() {
        if (release.before(13, 0)) {
            return List.of();
        }
        if (release.before(16, 0)) {
            return release.before(14, 0) ? Limits.SYSTEM_13 : Limits.SYSTEM_14;
        }
        return Limits.SYSTEM_16;
    }

    /**
     * The §5.2 limits for chains not system-trusted (iOS 13–15: strictly after 2019-06-30T23:00Z) and,
     * from iOS 16, {@code OtherTrustValidityPeriod} for every chain (on or after that instant).
     */
    public List<ValidityLimit> otherTrustLimits() {
        if (release.before(13, 0)) {
            return List.of();
        }
        return release.before(16, 0) ? Limits.OTHER_13 : Limits.OTHER_16;
    }

    /** The §5.2 tables, made once (the validity-period checks read them on every evaluation). */
    private static final class Limits {
        static final ValidityLimit SIXTY = ValidityLimit.window(
                Instant.EPOCH.minusSeconds(86_400L * 365 * 100),
                JULY_2016,
                ValidityLimit.MONTHS_60,
                "60 months (5 × 365 + 2 days + 3600 s)");
        static final ValidityLimit THIRTY_NINE = ValidityLimit.window(
                JULY_2016, MARCH_2018, ValidityLimit.DAYS_1188_PLUS_HOUR, "39 months (1188 days + 3600 s)");
        static final ValidityLimit D825 =
                ValidityLimit.onOrAfter(MARCH_2018, ValidityLimit.DAYS_825_PLUS_HOUR, "825 days + 3600 s");
        static final ValidityLimit D398 = ValidityLimit.onOrAfter(SEPTEMBER_2020, ValidityLimit.DAYS_398, "398 days");
        static final List<ValidityLimit> SYSTEM_13 = List.of(SIXTY, THIRTY_NINE, D825);
        static final List<ValidityLimit> SYSTEM_14 = List.of(SIXTY, THIRTY_NINE, D825, D398);
        static final List<ValidityLimit> SYSTEM_16 = List.of(D825, D398);
        static final List<ValidityLimit> OTHER_13 = List.of(
                ValidityLimit.strictlyAfter(JULY_2019_CUTOFF, ValidityLimit.DAYS_825_PLUS_HOUR, "825 days + 3600 s"));
        static final List<ValidityLimit> OTHER_16 = List.of(
                ValidityLimit.onOrAfter(JULY_2019_CUTOFF, ValidityLimit.DAYS_825_PLUS_HOUR, "825 days + 3600 s"));

        private Limits() {}
    }

    /** Checks iOS always records whatever the policy's options (§1.2 "forced"). */
    public boolean isForced(FindingCode code) {
        return FORCED.contains(code);
    }

    /**
     * The codes a policy records in this release (§1.2): the option keys of the checks it carries (basic
     * certificate options for both policies, plus the SSL server options) and the forced checks. Failures
     * under other codes are never recorded (§1.7).
     */
    public Set<FindingCode> options(Policy policy, boolean hostGiven) {
        OptionsKey key = new OptionsKey(release, policy, hostGiven);
        EnumSet<FindingCode> known = OPTIONS.get(key);
        if (known == null) {
            known = computeOptions(policy, hostGiven);
            if (OPTIONS.size() < MAX_OPTIONS) {
                OPTIONS.putIfAbsent(key, known);
            }
        }
        return EnumSet.copyOf(known); // a fresh mutable set, as before; the kept one never escapes
    }

    /** The options are a pure function of (release, policy, host given), asked on every path validation. */
    private record OptionsKey(IosRelease release, Policy policy, boolean hostGiven) {}

    private static final java.util.Map<OptionsKey, EnumSet<FindingCode>> OPTIONS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_OPTIONS = 1024;

    /**
     * Derived from the catalogue, so a check cannot run without counting: the codes every descriptor that applies
     * records (under this release's names), plus the forced ones.
     */
    private EnumSet<FindingCode> computeOptions(Policy policy, boolean hostGiven) {
        EnumSet<FindingCode> o = EnumSet.copyOf(FORCED);
        for (CheckDescriptor c : AppleChecks.descriptors()) { // run here or computed elsewhere (RFC 5280, CT, …)
            if (c.appliesTo(this, policy)) {
                o.addAll(c.recordedIn(this));
            }
        }
        if (!hostGiven) {
            o.remove(FindingCode.SSL_HOSTNAME); // an SSL policy made without a host name has no SSLHostname option
        }
        return o;
    }

    /**
     * The key iOS records a failure under in this release: before 11.3 validity and weak-key failures
     * carry per-position names, name/policy-constraint failures are {@code BasicCertificateProcessing},
     * path-length and cA failures are {@code BasicConstraints}, and an untrusted non-self-signed top is
     * {@code AnchorTrusted} (§2.1 "Introduction of the checks", §13.3).
     */
    public FindingCode recordedCode(FindingCode code, int index, int topIndex) {
        if (!legacyCheckNames()) {
            return code;
        }
        switch (code) {
            case TEMPORAL_VALIDITY:
                return index == 0
                        ? FindingCode.VALID_LEAF
                        : index == topIndex ? FindingCode.VALID_ROOT : FindingCode.VALID_INTERMEDIATES;
            case WEAK_KEY_SIZE:
                return index == 0
                        ? FindingCode.WEAK_LEAF
                        : index == topIndex ? FindingCode.WEAK_ROOT : FindingCode.WEAK_INTERMEDIATES;
            case MISSING_INTERMEDIATE:
                return FindingCode.ANCHOR_TRUSTED;
            case NAME_CONSTRAINTS:
            case POLICY_CONSTRAINTS:
                return FindingCode.BASIC_CERTIFICATE_PROCESSING;
            case BASIC_CONSTRAINTS_CA:
            case BASIC_CONSTRAINTS_PATH_LEN:
                return FindingCode.BASIC_CONSTRAINTS;
            default:
                return code;
        }
    }

    /**
     * The result a failure forces in this release, starting from the check's (possibly call-site
     * overridden) severity: weak keys Recoverable in iOS 10 and Fatal from 11; WeakSignature
     * Recoverable in 11.3–11.4 and Fatal from 12; on iOS ≤ 10 everything is Recoverable except
     * UsageConstraints (Deny) and a black-listed leaf or key (Fatal, the client's upgrade) (§13.2, §13.3).
     */
    public Severity severity(FindingCode recorded, int index, Severity given) {
        if (daemonResultsLimited()) {
            if (recorded == FindingCode.USAGE_CONSTRAINTS) {
                return Severity.DENY;
            }
            if (recorded == FindingCode.BLACK_LISTED_KEY || (recorded == FindingCode.BLACK_LISTED_LEAF && index == 0)) {
                return Severity.FATAL;
            }
            return given == Severity.INFO ? Severity.INFO : Severity.RECOVERABLE;
        }
        switch (recorded) {
            case WEAK_LEAF:
            case WEAK_INTERMEDIATES:
            case WEAK_ROOT:
                return Severity.FATAL;
            case WEAK_SIGNATURE:
                return weakSignatureFatal() ? Severity.FATAL : Severity.RECOVERABLE;
            default:
                return given;
        }
    }

    @Override
    public String toString() {
        return "RuleSet[iOS " + release + "]";
    }
}
