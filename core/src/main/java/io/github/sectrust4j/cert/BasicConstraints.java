package io.github.sectrust4j.cert;

/** basicConstraints: cA flag and pathLenConstraint (null if absent; huge values clamped to Integer.MAX_VALUE). */
public record BasicConstraints(boolean ca, Integer pathLenConstraint) {}
