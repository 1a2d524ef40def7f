package io.github.sectrust4j.policy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.policy.rfc5280.Rfc5280Check;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue: every Apple check, in Apple's order within its stage. Which checks run for a release and policy
 * ({@link #running}) and which check explains a recorded code ({@link #explaining}) both derive from this list.
 * Adding a check: its file (check, evidence record, message, rule, remedy), one line here, its {@link FindingCode}
 * constant, its test.
 */
public final class AppleChecks {
    private AppleChecks() {}

    /** Apple's order within each stage. */
    static final List<AppleCheck> ALL = List.of(
            // leaf callbacks
            SslHostnameCheck.INSTANCE,
            TemporalValidityLeafCheck.INSTANCE,
            LeafWeakKeyCheck.INSTANCE,
            LeafWeakSignatureCheck.INSTANCE,
            ExtendedKeyUsageCheck.INSTANCE,
            KeyUsageCheck.INSTANCE,
            BlackListedLeafCheck.INSTANCE,
            GrayListedLeafCheck.INSTANCE,
            // AKI/SKI linkage
            IdLinkageCheck.INSTANCE,
            // the policy's path callbacks
            KeySizeCheck.INSTANCE,
            SignatureHashAlgorithmsCheck.INSTANCE,
            SystemTrustedWeakKeyCheck.INSTANCE,
            SystemTrustedWeakHashCheck.INSTANCE,
            ServerAuthEkuCheck.INSTANCE,
            ValidityPeriodCheck.MAXIMUMS,
            ValidityPeriodCheck.SYSTEM_TRUST,
            ValidityPeriodCheck.OTHER_TRUST,
            NonEmptySubjectCheck.INSTANCE,
            UnparseableExtensionCheck.INSTANCE,
            DuplicateExtensionCheck.INSTANCE,
            // trust settings
            UsageConstraintsCheck.INSTANCE,
            DirectTrust.INSTANCE,
            // distrusted CAs, then the key lists
            WoSignStartComCheck.INSTANCE,
            ListedKeyCheck.GRAY,
            ListedKeyCheck.BLACK);

    /**
     * The checks computed outside this package, in Apple's order within each stage: RFC 5280 processing (in
     * {@code policy.rfc5280}, §2.3 and the §1.6 parent checks) and the integration's revocation pass and
     * trailing checks and evaluation budgets (the engine, from the decisions of {@code revocation} and
     * {@code ct}). They run where their stage runs; the catalogue explains their failures.
     */
    static final List<CheckDescriptor> COMPUTED_ELSEWHERE = List.of(
            AnchorTrustedCheck.INSTANCE,
            MissingIntermediateCheck.INSTANCE,
            BasicConstraintsCheck.INSTANCE,
            RevocationCheck.INSTANCE,
            RevocationResponseRequiredCheck.INSTANCE,
            ValidCheck.INSTANCE,
            NameConstraintsCheck.INSTANCE,
            PolicyConstraintsCheck.INSTANCE,
            PathLengthCheck.INSTANCE,
            CriticalExtensionsCheck.INSTANCE,
            CertificateTransparencyNote.INSTANCE,
            CtLogListAgeNote.INSTANCE,
            ExtendedValidationNote.INSTANCE,
            CtRequiredCheck.INSTANCE,
            SystemTrustedCtRequiredCheck.INSTANCE,
            PathBudgetCheck.INSTANCE,
            VerificationBudgetCheck.INSTANCE);

    private static final Map<FindingCode, CheckDescriptor> BY_CODE = new EnumMap<>(FindingCode.class);
    private static final Map<Class<? extends Evidence>, CheckDescriptor> BY_EVIDENCE = new HashMap<>();

    static {
        for (CheckDescriptor c : descriptors()) {
            for (FindingCode code : c.recordedAs()) {
                CheckDescriptor previous = BY_CODE.put(code, c);
                if (previous != null) {
                    throw new IllegalStateException(code + " is explained by two checks: " + previous + ", " + c);
                }
            }
            for (Class<? extends Evidence> type : c.evidenceTypes()) {
                CheckDescriptor previous = BY_EVIDENCE.put(type, c);
                if (previous != null) {
                    throw new IllegalStateException(type + " is explained by two checks: " + previous + ", " + c);
                }
            }
        }
    }

    /** The checks of a stage that the policy carries in this release, in Apple's order. */
    public static List<AppleCheck> running(RuleSet rules, Policy policy, CheckStage stage) {
        return ALL.stream()
                .filter(c -> c.stage() == stage && c.appliesTo(rules, policy))
                .toList();
    }

    /**
     * The RFC 5280 processing and parent checks that run in this release: those the catalogue's descriptors carry
     * ({@link CheckDescriptor#rfc5280Checks}); {@code policy.rfc5280} runs them in Apple's order.
     */
    public static Set<Rfc5280Check> rfc5280Checks(RuleSet rules) {
        EnumSet<Rfc5280Check> out = EnumSet.noneOf(Rfc5280Check.class);
        for (CheckDescriptor c : descriptors()) {
            out.addAll(c.rfc5280Checks(rules));
        }
        return out;
    }

    /** The check whose failures are recorded under {@code code}, if it is in the catalogue. */
    public static Optional<CheckDescriptor> explaining(FindingCode code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /**
     * The check that explains a recorded failure: the one whose evidence record it carries (a check recording
     * under another check's code, {@link CheckDescriptor#evidenceTypes}), else the code's.
     */
    public static Optional<CheckDescriptor> explaining(Failure failure) {
        CheckDescriptor byEvidence = BY_EVIDENCE.get(failure.evidence().record().getClass());
        return byEvidence != null ? Optional.of(byEvidence) : explaining(failure.code());
    }

    /** Every check in the catalogue that runs itself, in order. */
    public static List<AppleCheck> all() {
        return ALL;
    }

    /** Every check in the catalogue: those that run themselves, then those computed elsewhere. */
    public static List<CheckDescriptor> descriptors() {
        List<CheckDescriptor> all = new ArrayList<>(ALL);
        all.addAll(COMPUTED_ELSEWHERE);
        return List.copyOf(all);
    }
}
