package io.github.sectrust4j.cert;

/** policyConstraints; each field null if absent (values clamped to Integer.MAX_VALUE). */
public record PolicyConstraints(Integer requireExplicitPolicy, Integer inhibitPolicyMapping) {}
