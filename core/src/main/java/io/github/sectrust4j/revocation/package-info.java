/**
 * What a caller hands in for revocation checking (spec §9): an {@link io.github.sectrust4j.revocation.OcspFetcher}
 * (network OCSP, off unless given) and a {@link io.github.sectrust4j.revocation.RevocationDatabase} — Apple's Valid
 * SQLite snapshot ({@link io.github.sectrust4j.revocation.ValidDatabase}) or one built in memory
 * ({@link io.github.sectrust4j.revocation.InMemoryRevocationDatabase}) — with the Valid values an implementation
 * answers in ({@code ValidGroup}, {@code ValidInfo}, {@code ValidQuery}, {@code ValidFlag}, {@code ValidFormat},
 * {@code ValidPolicy}, {@code ValidFilter}). Exported; the OCSP and Valid decisions are {@code revocation.internal}.
 *
 * <pre>{@code
 * SecTrust trust = SecTrust.ios("17.4")
 *         .allowNetwork(myFetcher)                             // network OCSP only when asked
 *         .withRevocationDatabase(ValidDatabase.open(path));   // needs sqlite-jdbc on the class path
 * }</pre>
 */
package io.github.sectrust4j.revocation;
