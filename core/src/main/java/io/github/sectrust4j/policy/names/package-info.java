/**
 * Name matching for the SSL policy, as pure functions on plain values (no certificate parsing).
 *
 * <ul>
 *   <li>{@link io.github.sectrust4j.policy.names.HostnameMatcher} — the {@code SSLHostname} comparison
 *       of spec §3 under a {@link io.github.sectrust4j.policy.names.HostnameRules} rule set chosen per
 *       iOS release (§13.2), returning a {@link io.github.sectrust4j.policy.names.HostnameMatch} with
 *       evidence.</li>
 *   <li>{@link io.github.sectrust4j.policy.names.NameConstraintState} — RFC 5280 name constraints as
 *       iOS applies them (spec §2.3), checked with
 *       {@link io.github.sectrust4j.policy.names.NameConstraintState#permits} giving a
 *       {@link io.github.sectrust4j.policy.names.NameConstraintCheck}.</li>
 * </ul>
 */
package io.github.sectrust4j.policy.names;
