package io.github.sectrust4j;

/** How sure the behaviour specification is about a rule: its confidence tag (spec §0). */
public enum Confidence {
    /** Read directly in Apple's open-source Security framework or trust-store project. */
    APPLE_CODE,
    /** Stated on a public Apple support or developer page. */
    APPLE_DOC,
    /** The specification author's best guess; iOS may behave differently. */
    INFERRED
}
