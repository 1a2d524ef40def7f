/**
 * What a caller hands in for Apple's Certificate Transparency evaluation (spec §8): the log list and the MDM
 * exceptions. Exported; the evaluation itself is {@code ct.internal}.
 *
 * <pre>{@code
 * SecTrust trust = SecTrust.ios("17.4")
 *         .withCtLogs(CtLogCache.load().orElseThrow())            // or CtLogList.of(store), PublishedLogLists.fromJson(json)
 *         .withCtExceptions(CtExceptions.of(List.of(".corp.example"), List.of()));
 * }</pre>
 *
 * <ul>
 *   <li>{@link io.github.sectrust4j.ct.CtLogList} of {@link io.github.sectrust4j.ct.CtLog}s (id
 *       {@link io.github.sectrust4j.ct.LogId}, state {@link io.github.sectrust4j.ct.CtLogState}): from an Apple
 *       trust store, the batch request's {@code ctLogs} JSON, or Apple's published list
 *       ({@link io.github.sectrust4j.ct.PublishedLogLists}, kept current by {@link io.github.sectrust4j.ct.CtLogCache}).</li>
 *   <li>{@link io.github.sectrust4j.ct.CtExceptions}: an MDM payload's domains and key hashes (§8.6).</li>
 * </ul>
 */
package io.github.sectrust4j.ct;
