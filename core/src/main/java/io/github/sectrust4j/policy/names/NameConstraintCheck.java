package io.github.sectrust4j.policy.names;

import java.util.Optional;

/**
 * Outcome of {@link NameConstraintState#permits(CertificateNames)}: whether a certificate's names
 * satisfy the accumulated name constraints, and if not, the first violating name and subtree as
 * evidence for a {@code NameConstraints} finding (spec §2.3 item 6).
 *
 * @param outcome the verdict
 * @param violatingName the first name that violates the constraints (empty when permitted or when
 *     the certificate has no name at all)
 * @param subtree for {@link Outcome#EXCLUDED}: the excluded subtree that contains the name; for
 *     {@link Outcome#NOT_PERMITTED}: one permitted subtree of the name's type it is outside of
 */
public record NameConstraintCheck(
        Outcome outcome, Optional<GeneralNameValue> violatingName, Optional<GeneralNameValue> subtree) {

    /** The verdict. */
    public enum Outcome {
        /** Every name is inside the permitted subtrees of its type and outside every excluded subtree. */
        PERMITTED,
        /** A name lies in an excluded subtree. */
        EXCLUDED,
        /** A name lies outside the permitted subtrees of its type. */
        NOT_PERMITTED,
        /** Constraints exist but the certificate has an empty subject and no SAN: fails outright (§2.3). */
        NO_NAMES,
        /**
         * More name/subtree comparisons than {@link NameConstraintState#MAX_COMPARISONS}: fails closed, so an
         * absurd certificate cannot make validation run for minutes [inferred: iOS sets no such limit].
         */
        TOO_MANY_COMPARISONS
    }

    public boolean permitted() {
        return outcome == Outcome.PERMITTED;
    }

    static final NameConstraintCheck OK =
            new NameConstraintCheck(Outcome.PERMITTED, Optional.empty(), Optional.empty());

    /** Evidence sentence, e.g. {@code DNS:evil.com is outside the permitted subtrees (e.g. DNS:example.com)}. */
    public String explain() {
        switch (outcome) {
            case PERMITTED:
                return "all names are within the name constraints";
            case NO_NAMES:
                return "the certificate has an empty subject and no subjectAltName, which name constraints reject";
            case TOO_MANY_COMPARISONS:
                return "checking the certificate's names against the name constraints needs more than "
                        + NameConstraintState.MAX_COMPARISONS + " comparisons; rejected rather than evaluated";
            case EXCLUDED:
                return violatingName.orElseThrow() + " is inside the excluded subtree " + subtree.orElseThrow();
            default:
                return violatingName.orElseThrow() + " is outside the permitted subtrees"
                        + subtree.map(s -> " (e.g. " + s + ")").orElse("");
        }
    }
}
