package io.github.sectrust4j.path;

/** Where a path certificate came from (§1.3 parent sources). */
public enum CertificateOrigin {
    /** Sent by the server. */
    PRESENTED,
    /** Already on the device (keychain, profile-installed intermediate). */
    CACHED_INTERMEDIATE,
    /** Downloaded from an AIA caIssuers URL (opt-in). */
    AIA_FETCHED,
    /** Found in an anchor source (app anchors, user store, system store, Apple roots). */
    ANCHOR_SOURCE
}
