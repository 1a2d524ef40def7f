package io.github.sectrust4j.policy.rfc5280;

/**
 * The iOS-release facts RFC 5280 processing and the parent checks need (spec §2.1, §13.2, §13.3), decided by
 * the policy layer ({@code RuleSet.rfc5280Rules()}) so that this package reads named facts, never release numbers.
 *
 * @param legacyCheckNames      check names before the iOS 11.3 rename: {@code ValidLeaf}/…, {@code WeakLeaf}/…,
 *                              {@code BasicCertificateProcessing}, {@code BasicConstraints} for cA and path length,
 *                              {@code AnchorTrusted} for a missing intermediate (§13.3)
 * @param weakKeyCheck          the weak-key checks exist (iOS 10+, §13.2)
 * @param weakKeyFatal          a weak key forces Fatal (iOS 11+; Recoverable in 10.x, §13.2)
 * @param weakSignatureCheck    {@code WeakSignature} exists (iOS 11.3+, §13.3)
 * @param weakSignatureFatal    an MD2/4/5 signature forces Fatal (iOS 12+; Recoverable in 11.3–11.4, §13.2)
 * @param appleRootsNeverExpire Apple's hard-coded roots are never expired (iOS 26, §2.2, §13.2)
 */
public record Rfc5280Rules(
        boolean legacyCheckNames,
        boolean weakKeyCheck,
        boolean weakKeyFatal,
        boolean weakSignatureCheck,
        boolean weakSignatureFatal,
        boolean appleRootsNeverExpire) {}
