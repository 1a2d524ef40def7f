/**
 * The iOS policy side of trust evaluation: the SSL server and basic X.509 policies per iOS release,
 * one class per Apple check, Apple's failure recording (§1.7) and the verdict (§12.3).
 *
 * <ul>
 *   <li>{@link io.github.sectrust4j.policy.Policies#validatorFor} — the
 *       {@link io.github.sectrust4j.path.PathValidator} for a request (leaf checks, parent checks, full
 *       validation), with {@link io.github.sectrust4j.policy.PathCheck} extension points for revocation,
 *       CT and EV.</li>
 *   <li>{@link io.github.sectrust4j.policy.RuleSet#forRelease} — every release-dependent switch (§13).</li>
 *   <li>{@link io.github.sectrust4j.policy.Decision#decide} — result, the single reported error and the
 *       findings with rules and remedies.</li>
 * </ul>
 * RFC 5280 processing is delegated to {@code policy.rfc5280}, name matching to {@code policy.names}.
 */
package io.github.sectrust4j.policy;
