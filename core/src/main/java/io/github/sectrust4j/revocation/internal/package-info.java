/**
 * Revocation decisions (spec §9) as a pure component the evaluator calls once per path: which positions are
 * checked ({@link io.github.sectrust4j.revocation.internal.RevocationScope}), OCSP responses parsed and validated
 * ({@link io.github.sectrust4j.revocation.internal.OcspResponseValidator}), when iOS fetches
 * ({@link io.github.sectrust4j.revocation.internal.OcspFetchTrigger}), the Valid database's answer
 * ({@link io.github.sectrust4j.revocation.internal.ValidDecision}), and the outcome per position and path
 * ({@link io.github.sectrust4j.revocation.internal.RevocationResult},
 * {@link io.github.sectrust4j.revocation.internal.RevocationSummary}). Not exported: it reads the caller's
 * {@code OcspFetcher} and {@code RevocationDatabase} from {@code revocation}, never the other way round.
 */
package io.github.sectrust4j.revocation.internal;
