package io.github.sectrust4j.policy.rfc5280;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.check.Failure;

/**
 * Which key and severity iOS records a finding under, per release (§2.1 "Introduction of the
 * checks", §13.2, §13.3), from the release facts the policy hands down ({@link Rfc5280Rules}). The 11.3 drop
 * renamed the validity and weak-key checks, split {@code BasicConstraintsCA}/{@code BasicConstraintsPathLen} out
 * of {@code BasicConstraints}, and gave name/policy constraints and missing intermediates their own keys.
 */
final class ReleaseRules {
    private ReleaseRules() {}

    /** Position-dependent old names: leaf, intermediates, root (the top of the path). */
    private static FindingCode byPosition(int index, int topIndex, FindingCode leaf, FindingCode mid, FindingCode top) {
        if (index == 0) {
            return leaf;
        }
        return index == topIndex ? top : mid;
    }

    /** Temporal validity: {@code TemporalValidity} from 11.3, {@code ValidLeaf/ValidIntermediates/ValidRoot} before. */
    static Failure validity(Rfc5280Rules rules, int index, int topIndex, OutsideValidityPeriod evidence) {
        FindingCode code = rules.legacyCheckNames()
                ? byPosition(
                        index,
                        topIndex,
                        FindingCode.VALID_LEAF,
                        FindingCode.VALID_INTERMEDIATES,
                        FindingCode.VALID_ROOT)
                : FindingCode.TEMPORAL_VALIDITY;
        return Failure.of(code, index, evidence);
    }

    /**
     * Weak key (§4.1 "weak" row; run from iOS 10): {@code WeakLeaf/WeakIntermediates/WeakRoot} Recoverable in 10.x
     * and Fatal in 11.0–11.2; {@code WeakKeySize} Fatal from 11.3 (§13.2).
     */
    static Failure weakKey(Rfc5280Rules rules, int index, int topIndex, WeakPublicKey evidence) {
        if (!rules.legacyCheckNames()) {
            return Failure.of(FindingCode.WEAK_KEY_SIZE, index, evidence);
        }
        FindingCode code = byPosition(
                index, topIndex, FindingCode.WEAK_LEAF, FindingCode.WEAK_INTERMEDIATES, FindingCode.WEAK_ROOT);
        Severity severity = rules.weakKeyFatal() ? Severity.FATAL : Severity.RECOVERABLE;
        return new Failure(code, index, severity, evidence);
    }

    /** MD2/4/5 signature (run from 11.3): Recoverable in 11.3–11.4, Fatal from 12.0 (§13.2). */
    static Failure weakSignature(Rfc5280Rules rules, int index, WeakSignatureHash evidence) {
        Severity severity = rules.weakSignatureFatal() ? Severity.FATAL : Severity.RECOVERABLE;
        return new Failure(FindingCode.WEAK_SIGNATURE, index, severity, evidence);
    }

    /** {@code BasicConstraintsCA} from 11.3, {@code BasicConstraints} before. */
    static FindingCode basicConstraintsCa(Rfc5280Rules rules) {
        return rules.legacyCheckNames() ? FindingCode.BASIC_CONSTRAINTS : FindingCode.BASIC_CONSTRAINTS_CA;
    }

    /** {@code BasicConstraintsPathLen} from 11.3, {@code BasicConstraints} before. */
    static FindingCode pathLength(Rfc5280Rules rules) {
        return rules.legacyCheckNames() ? FindingCode.BASIC_CONSTRAINTS : FindingCode.BASIC_CONSTRAINTS_PATH_LEN;
    }

    /** {@code NameConstraints} from 11.3, {@code BasicCertificateProcessing} before. */
    static FindingCode nameConstraints(Rfc5280Rules rules) {
        return rules.legacyCheckNames() ? FindingCode.BASIC_CERTIFICATE_PROCESSING : FindingCode.NAME_CONSTRAINTS;
    }

    /** {@code PolicyConstraints} from 11.3, {@code BasicCertificateProcessing} before. */
    static FindingCode policyConstraints(Rfc5280Rules rules) {
        return rules.legacyCheckNames() ? FindingCode.BASIC_CERTIFICATE_PROCESSING : FindingCode.POLICY_CONSTRAINTS;
    }

    /** {@code MissingIntermediate} from 11.3; before, an untrusted non-self-signed top was {@code AnchorTrusted} too. */
    static FindingCode missingIntermediate(Rfc5280Rules rules) {
        return rules.legacyCheckNames() ? FindingCode.ANCHOR_TRUSTED : FindingCode.MISSING_INTERMEDIATE;
    }
}
