package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.revocation.ValidFlag;
import io.github.sectrust4j.revocation.ValidGroup;
import java.util.OptionalInt;

/**
 * A failure the Valid database forces at one chain position (spec §9.2 "Processing").
 *
 * @param position the chain position (the check names say "Leaf" even when position &gt; 0)
 * @param code     Revocation, GrayListedLeaf, GrayListedKey, BlackListedLeaf or IssuerPolicyConstraints
 * @param severity Fatal or Recoverable (overridable groups)
 * @param reason   the reason recorded for {@code Revocation}: always 0 (unspecified) from Valid
 * @param cause    why, in plain words
 * @param kind     which Valid rule forced it: what the admin must change follows from it
 */
public record ValidFailure(
        int position, FindingCode code, Severity severity, OptionalInt reason, String cause, Kind kind) {

    /** The Valid rule behind a failure (§9.2 "Processing"). */
    public enum Kind {
        /** The certificate is on its issuer's block list, or missing from its complete allow list. */
        LISTED,
        /** Date constraints: the leaf was issued before the group's notBefore. */
        ISSUED_BEFORE_NOT_BEFORE,
        /** Date constraints, or the CT issuance time: issued after the group's notAfter. */
        ISSUED_AFTER_NOT_AFTER,
        /** Policy constraints: the issuer may not issue server-authentication certificates. */
        POLICY_CONSTRAINTS,
        /** Known intermediates only: a CA the database does not know under such an issuer. */
        UNKNOWN_INTERMEDIATE
    }

    public ValidFailure {
        requireNonNull(code, "code");
        requireNonNull(severity, "severity");
        requireNonNull(reason, "reason");
        requireNonNull(cause, "cause");
        requireNonNull(kind, "kind");
    }

    /**
     * The "determined error" (§9.2): overridable → GrayListedLeaf (Recoverable); revoked and not
     * no-ca-v2 → Revocation, reason 0 (Fatal); otherwise → BlackListedLeaf (Fatal).
     */
    static ValidFailure determined(
            int position, ValidGroup group, boolean revoked, boolean noCaV2, String cause, Kind kind) {
        if (group.has(ValidFlag.OVERRIDABLE)) {
            return new ValidFailure(
                    position, FindingCode.GRAY_LISTED_LEAF, Severity.RECOVERABLE, OptionalInt.empty(), cause, kind);
        }
        if (!revoked || noCaV2) {
            return new ValidFailure(
                    position, FindingCode.BLACK_LISTED_LEAF, Severity.FATAL, OptionalInt.empty(), cause, kind);
        }
        return new ValidFailure(position, FindingCode.REVOCATION, Severity.FATAL, OptionalInt.of(0), cause, kind);
    }
}
