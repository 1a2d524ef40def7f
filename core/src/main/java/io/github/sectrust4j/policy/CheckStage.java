package io.github.sectrust4j.policy;

/**
 * Apple's order of one path validation (§1.6, trustd {@code SecPVCPathChecks}): a check runs in its stage; checks
 * of one stage run in the catalogue's order.
 */
public enum CheckStage {
    /** Leaf callbacks, run on the leaf alone first and again on every full validation. */
    LEAF,
    /** Parent callbacks on every CA position, as certificates are appended and on full validation. */
    PARENT,
    /** The integration's revocation pass (OCSP, Valid, RevocationResponseRequired). */
    REVOCATION,
    /** AKI/SKI linkage. */
    ID_LINKAGE,
    /** RFC 5280 basic certificate processing (§1.6 step 4). */
    RFC5280,
    /** The policy's path callbacks. */
    PATH,
    /** Trust-settings usage constraints (Deny, Proceed upgrade). */
    USAGE_CONSTRAINTS,
    /** The WoSign/StartCom cut-off. */
    DISTRUSTED_CAS,
    /** Apple's blocked and gray key lists (skipped for Valid allow-listed paths). */
    KEY_LISTS,
    /** The integration's trailing checks (EV, CT, known intermediates). */
    TRAILING
}
