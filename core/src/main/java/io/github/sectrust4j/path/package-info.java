/**
 * Path building as iOS's trust daemon does it (spec §1.3–§1.5), bounded by a
 * {@link io.github.sectrust4j.PathBudget}.
 *
 * <p>{@link io.github.sectrust4j.path.PathBuilder} reproduces Apple's state machine: partial paths
 * extended depth-first (a new partial goes right after the current one; partials are walked from the
 * end, so the parent found last is extended first), FIFO candidates, rejected paths, lazy unlocking of
 * parent sources, the "consider rejected" and "consider partials" fallbacks, Apple's score and strict
 * replacement, stop-after-accept unless a weak-hash (or, later, EV) upgrade is possible. Anchor sources
 * (app anchors, Apple's hard-coded roots, the user trust store with §7.3 trust settings, the system
 * store) are looked up by Apple-normalized subject, never by key identifiers. System roots are
 * synthetic certificates rebuilt from trust-store facts
 * ({@link io.github.sectrust4j.cert.Certificate#fromAnchorFacts}), indexed once per store.
 *
 * <p>Deliberate differences from Apple:
 * <ul>
 *   <li>Self-signedness of a path top is computed (normalized names + signature with its own key, or
 *       the store's fact for a synthetic root) instead of being marked when the lookup returns the top
 *       itself — the same outcome without depending on lookup order.</li>
 *   <li>Budgets beyond Apple's 100-path cap: signature checks and depth. Hitting any limit before a
 *       path is accepted is reported as {@code PathBudgetExceeded} (never "trusted").</li>
 *   <li>One policy set: pinning-database alternatives (§2.4) are not modelled. The keychain parent
 *       source is the request's cached intermediates. AIA fetches are synchronous through the caller's
 *       fetcher; per-host timeouts and HTTP caching are the fetcher's business.</li>
 *   <li>A synthetic system root's own signature cannot be verified, so it cannot be extended upwards
 *       unless the request supplies its real DER (presented, cached, app anchor, extra root), which is
 *       then used in its place.</li>
 *   <li>EV (§10) comes from the validator: a path is EV when its validation carries the {@code ExtendedValidation}
 *       note (policy.ExtendedValidation + CT); an EV-capable leaf keeps the search going for an EV upgrade.</li>
 * </ul>
 */
package io.github.sectrust4j.path;
