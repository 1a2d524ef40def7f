package io.github.sectrust4j.cert;

/** Outcome of a budgeted signature check. */
public enum SignatureVerdict {
    VALID,
    INVALID,
    /** The evaluation's signature-check budget is used up; nothing was verified. */
    BUDGET_EXHAUSTED;

    public boolean isValid() {
        return this == VALID;
    }
}
