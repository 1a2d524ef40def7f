/**
 * Apple's RFC 5280 basic certificate processing (spec §2.3) and the CA-position parent checks (§1.6),
 * as pure, thread-safe functions over a {@link io.github.sectrust4j.path.CandidatePath} and an
 * {@link io.github.sectrust4j.request.EvaluationRequest} (verify time) and the release's facts the policy
 * hands down ({@link io.github.sectrust4j.policy.rfc5280.Rfc5280Rules}, never a release number), returning
 * {@link io.github.sectrust4j.check.Failure} values with the check name, chain index and severity iOS
 * records for that release, and evidence for the finding text.
 *
 * <ul>
 *   <li>{@link io.github.sectrust4j.policy.rfc5280.BasicCertificateProcessing#process} — anchor trust
 *       ({@code AnchorTrusted}/{@code MissingIntermediate}), per-certificate validity / weak key / weak
 *       signature, name constraints (via {@link io.github.sectrust4j.policy.names.NameConstraintState}),
 *       the certificate-policy tree ({@code PolicyConstraints}), path length
 *       ({@code BasicConstraintsPathLen}) and unknown critical extensions.</li>
 *   <li>{@link io.github.sectrust4j.policy.rfc5280.ParentChecks#check} — validity, weak key, weak
 *       signature, basicConstraints and keyCertSign on one CA position.</li>
 * </ul>
 *
 * <p>The anchor-trust decision (usage constraints, §7.3) is an input; the two entry points do not
 * overlap, so a full validation runs both (parent checks on every CA position, then processing).
 */
package io.github.sectrust4j.policy.rfc5280;
