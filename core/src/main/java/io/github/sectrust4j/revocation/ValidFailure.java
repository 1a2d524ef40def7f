package io.github.sectrust4j.revocation;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import java.util.OptionalInt;

/**
 * A failure the Valid database forces at one chain position (spec §9.2 "Processing").
 *
 * @param position the chain position (the check names say "Leaf" even when position &gt; 0)
 * @param code     Revocation, GrayListedLeaf, GrayListedKey, BlackListedLeaf or IssuerPolicyConstraints
 * @param severity Fatal or Recoverable (overridable groups)
 * @param reason   the reason recorded for {@code Revocation}: always 0 (unspecified) from Valid
 * @param cause    why, in plain words
 */
public record ValidFailure(int position, FindingCode code, Severity severity, OptionalInt reason, String cause) {
    public ValidFailure {
        requireNonNull(code, "code");
        requireNonNull(severity, "severity");
        requireNonNull(reason, "reason");
        requireNonNull(cause, "cause");
    }

    /**
     * The "determined error" (§9.2): overridable → GrayListedLeaf (Recoverable); revoked and not
     * no-ca-v2 → Revocation, reason 0 (Fatal); otherwise → BlackListedLeaf (Fatal).
     */
    static ValidFailure determined(int position, ValidGroup group, boolean revoked, boolean noCaV2, String cause) {
        if (group.has(ValidFlag.OVERRIDABLE)) {
            return new ValidFailure(position, FindingCode.GRAY_LISTED_LEAF, Severity.RECOVERABLE, OptionalInt.empty(),
                    cause);
        }
        if (!revoked || noCaV2) {
            return new ValidFailure(position, FindingCode.BLACK_LISTED_LEAF, Severity.FATAL, OptionalInt.empty(), cause);
        }
        return new ValidFailure(position, FindingCode.REVOCATION, Severity.FATAL, OptionalInt.of(0), cause);
    }
}
