package io.github.sectrust4j.cert;

/** One policyMappings entry. */
public record PolicyMapping(String issuerDomainPolicy, String subjectDomainPolicy) {}
