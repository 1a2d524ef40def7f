package io.github.sectrust4j.revocation.internal;

/**
 * {@code RevocationResponseRequired} (spec §9.5) as a pure decision: with
 * {@code kSecRevocationRequirePositiveResponse} — or where the Valid database marked the position as
 * requiring revocation — a position without a valid (good or revoked) response fails, but only when
 * the evaluation has network access; without network the requirement is not enforced.
 */
public final class ResponseRequirement {
    private ResponseRequirement() {}

    /**
     * @param positiveResponseRequired the policy requires a positive response (applies to the leaf)
     * @param validRequiresResponse    the Valid database requires revocation for this position
     * @param isLeaf                   position 0
     * @param networkAvailable         the evaluation may use the network
     * @param hasDecisiveResponse      a good or revoked response was accepted for this position
     * @return true if {@code RevocationResponseRequired} fails at this position (Recoverable, −67635)
     */
    public static boolean fails(
            boolean positiveResponseRequired,
            boolean validRequiresResponse,
            boolean isLeaf,
            boolean networkAvailable,
            boolean hasDecisiveResponse) {
        if (!networkAvailable || hasDecisiveResponse) {
            return false;
        }
        return (positiveResponseRequired && isLeaf) || validRequiresResponse;
    }
}
