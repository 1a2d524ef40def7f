package io.github.sectrust4j.policy;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Policy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue: every Apple check, in Apple's order within its stage. Which checks run for a release and policy
 * ({@link #running}) and which check explains a recorded code ({@link #explaining}) both derive from this list.
 * Adding a check: its file (check, evidence record, message, rule, remedy), one line here, its {@link FindingCode}
 * constant, its test.
 */
public final class AppleChecks {
    private AppleChecks() {
    }

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

    private static final Map<FindingCode, AppleCheck> BY_CODE = byCode();

    private static Map<FindingCode, AppleCheck> byCode() {
        Map<FindingCode, AppleCheck> m = new EnumMap<>(FindingCode.class);
        for (AppleCheck c : ALL) {
            for (FindingCode code : c.recordedAs()) {
                AppleCheck previous = m.put(code, c);
                if (previous != null) {
                    throw new IllegalStateException(code + " is explained by two checks: " + previous + ", " + c);
                }
            }
        }
        return m;
    }

    /** The checks of a stage that the policy carries in this release, in Apple's order. */
    public static List<AppleCheck> running(RuleSet rules, Policy policy, CheckStage stage) {
        return ALL.stream().filter(c -> c.stage() == stage && c.appliesTo(rules, policy)).toList();
    }

    /** The check whose failures are recorded under {@code code}, if it is in the catalogue. */
    public static Optional<AppleCheck> explaining(FindingCode code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** Every check in the catalogue, in order. */
    public static List<AppleCheck> all() {
        return ALL;
    }
}
