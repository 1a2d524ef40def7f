package io.github.sectrust4j.ct.internal;

/** Which branch of Apple's CT-qualification decision applied (spec §8.3). */
public enum CtQualificationPath {
    /** Path A: a valid external (TLS/OCSP) SCT from a current log and at least 2 distinct current logs. */
    EXTERNAL,
    /** Path B: at least one valid embedded SCT from a current log; the lifetime-based count decides. */
    EMBEDDED,
    /** Neither branch applies: not qualified. */
    NONE
}
