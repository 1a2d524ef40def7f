package io.github.sectrust4j;

/** The trust result a finding forces (spec §1.7), or {@link #INFO} for findings that never fail a chain. */
public enum Severity {
    /** Forces {@link SecTrustResult#FATAL_TRUST_FAILURE}; cannot be overridden by exceptions or trust settings. */
    FATAL,
    /** Forces {@link SecTrustResult#DENY} unless something is Fatal. */
    DENY,
    /** Forces {@link SecTrustResult#RECOVERABLE_TRUST_FAILURE}; the user could except it. */
    RECOVERABLE,
    /** Information only (e.g. EV status, a rule whose iOS behaviour is uncertain but passed). */
    INFO;

    /** True for the severities that make the chain untrusted. */
    public boolean isFailure() {
        return this != INFO;
    }
}
