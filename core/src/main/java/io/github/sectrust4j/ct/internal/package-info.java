/**
 * Apple's Certificate Transparency evaluation (spec §8), as a pure component the evaluator calls once per path.
 * Not exported: the types a caller hands in ({@code CtLogList}, {@code CtExceptions}) are in {@code ct}, which this
 * package reads and never the other way round.
 *
 * <pre>{@code
 * CtReleaseRules rules = RuleSet.forRelease(release).ctRules();  // the release's CT facts, decided by policy
 * CtEvaluation ct = CtEvaluator.evaluate(
 *         CtRequest.builder(leaf, verifyTime).issuer(chain.get(1))      // no issuer: embedded SCTs cannot verify
 *                 .tlsSct(sctFromHandshake).stapledOcspResponse(ocspDer).build(),
 *         CtLogList.of(appleTrustStore),                               // or CtLogList.fromRequestJson(ctLogs)
 *         rules);
 * SystemTrustedCtRequirement.Decision d = SystemTrustedCtRequirement.decide(
 *         SystemTrustedCtRequirement.Inputs.builder(rules, leaf.notBefore(), leaf.notAfter(), verifyTime)
 *                 .systemAnchored(topIsSystemRoot, topIsAppleRoot).ctQualified(ct.qualified())
 *                 .hostname(host).logList(LogListProvenance.RELEASE_LIST_FRESH).build());
 * if (d.fails()) { ... FindingCode.SYSTEM_TRUSTED_CT_REQUIRED with ct.evidence() and d.evidence() ... }
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.github.sectrust4j.ct.internal.SignedCertificateTimestamp},
 *       {@link io.github.sectrust4j.ct.internal.SctLists}: exact RFC 6962 parsing; malformed input yields a
 *       {@link io.github.sectrust4j.ct.internal.Parsed} reason, never an exception.</li>
 *   <li>{@link io.github.sectrust4j.ct.internal.CtEvaluator}: per-SCT checks of §8.2 (verdicts
 *       {@link io.github.sectrust4j.ct.internal.SctVerdict}) and the qualification decision of §8.3 (paths A/B,
 *       v1/v2 lifetime tables, iOS 9 operator counting).</li>
 *   <li>{@link io.github.sectrust4j.ct.internal.SystemTrustedCtRequirement}: the §8.1 requirement with MDM
 *       exceptions (§8.6), and the CT condition of EV (§10).</li>
 * </ul>
 */
package io.github.sectrust4j.ct.internal;
