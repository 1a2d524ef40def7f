package io.github.sectrust4j.policy.rfc5280;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.check.Failure;
import java.util.Map;
import java.util.Optional;

/**
 * Which key and severity iOS records a finding under, per release (§2.1 "Introduction of the
 * checks", §13.2, §13.3). The 11.3 drop renamed the validity and weak-key checks, split
 * {@code BasicConstraintsCA}/{@code BasicConstraintsPathLen} out of {@code BasicConstraints}, and gave
 * name/policy constraints and missing intermediates their own keys.
 */
final class ReleaseRules {
    private ReleaseRules() {}

    private static boolean renamed(IosRelease release) {
        return release.atLeast(11, 3);
    }

    /** Position-dependent old names: leaf, intermediates, root (the top of the path). */
    private static FindingCode byPosition(int index, int topIndex, FindingCode leaf, FindingCode mid, FindingCode top) {
        if (index == 0) {
            return leaf;
        }
        return index == topIndex ? top : mid;
    }

    /** Temporal validity: {@code TemporalValidity} from 11.3, {@code ValidLeaf/ValidIntermediates/ValidRoot} before. */
    static Failure validity(IosRelease release, int index, int topIndex, Map<String, Object> evidence) {
        FindingCode code = renamed(release)
                ? FindingCode.TEMPORAL_VALIDITY
                : byPosition(
                        index,
                        topIndex,
                        FindingCode.VALID_LEAF,
                        FindingCode.VALID_INTERMEDIATES,
                        FindingCode.VALID_ROOT);
        return Failure.of(code, index, evidence);
    }

    /**
     * Weak key (§4.1 "weak" row): absent before iOS 10; {@code WeakLeaf/WeakIntermediates/WeakRoot}
     * Recoverable in 10.x and Fatal in 11.0–11.2; {@code WeakKeySize} Fatal from 11.3 (§13.2).
     */
    static Optional<Failure> weakKey(IosRelease release, int index, int topIndex, Map<String, Object> evidence) {
        if (release.before(10, 0)) {
            return Optional.empty();
        }
        if (renamed(release)) {
            return Optional.of(Failure.of(FindingCode.WEAK_KEY_SIZE, index, evidence));
        }
        FindingCode code = byPosition(
                index, topIndex, FindingCode.WEAK_LEAF, FindingCode.WEAK_INTERMEDIATES, FindingCode.WEAK_ROOT);
        Severity severity = release.before(11, 0) ? Severity.RECOVERABLE : Severity.FATAL;
        return Optional.of(new Failure(code, index, severity, evidence));
    }

    /** MD2/4/5 signature: absent before 11.3, Recoverable in 11.3–11.4, Fatal from 12.0 (§13.2). */
    static Optional<Failure> weakSignature(IosRelease release, int index, Map<String, Object> evidence) {
        if (!renamed(release)) {
            return Optional.empty();
        }
        Severity severity = release.before(12, 0) ? Severity.RECOVERABLE : Severity.FATAL;
        return Optional.of(new Failure(FindingCode.WEAK_SIGNATURE, index, severity, evidence));
    }

    /** {@code BasicConstraintsCA} from 11.3, {@code BasicConstraints} before. */
    static FindingCode basicConstraintsCa(IosRelease release) {
        return renamed(release) ? FindingCode.BASIC_CONSTRAINTS_CA : FindingCode.BASIC_CONSTRAINTS;
    }

    /** {@code BasicConstraintsPathLen} from 11.3, {@code BasicConstraints} before. */
    static FindingCode pathLength(IosRelease release) {
        return renamed(release) ? FindingCode.BASIC_CONSTRAINTS_PATH_LEN : FindingCode.BASIC_CONSTRAINTS;
    }

    /** {@code NameConstraints} from 11.3, {@code BasicCertificateProcessing} before. */
    static FindingCode nameConstraints(IosRelease release) {
        return renamed(release) ? FindingCode.NAME_CONSTRAINTS : FindingCode.BASIC_CERTIFICATE_PROCESSING;
    }

    /** {@code PolicyConstraints} from 11.3, {@code BasicCertificateProcessing} before. */
    static FindingCode policyConstraints(IosRelease release) {
        return renamed(release) ? FindingCode.POLICY_CONSTRAINTS : FindingCode.BASIC_CERTIFICATE_PROCESSING;
    }

    /** {@code MissingIntermediate} from 11.3; before, an untrusted non-self-signed top was {@code AnchorTrusted} too. */
    static FindingCode missingIntermediate(IosRelease release) {
        return renamed(release) ? FindingCode.MISSING_INTERMEDIATE : FindingCode.ANCHOR_TRUSTED;
    }

    /** iOS 26 never treats Apple's hard-coded roots as expired (§2.2, §13.2 last row). */
    static boolean appleRootsNeverExpire(IosRelease release) {
        return release.atLeast(26, 0);
    }
}
