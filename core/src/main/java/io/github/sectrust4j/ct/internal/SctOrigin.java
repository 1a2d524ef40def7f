package io.github.sectrust4j.ct.internal;

/** Where an SCT came from (spec §8.2): the three sources iOS merges. */
public enum SctOrigin {
    /** The leaf's SCT list extension 1.3.6.1.4.1.11129.2.4.2, verified as a precert entry. */
    EMBEDDED,
    /** Delivered in the TLS handshake ({@code SecTrustSetSignedCertificateTimestamps}), verified as an x509 entry. */
    TLS_EXTENSION,
    /** Extension 1.3.6.1.4.1.11129.2.4.5 of a stapled OCSP single response for the leaf, verified as an x509 entry. */
    OCSP_RESPONSE;

    /** TLS and OCSP SCTs are "external": they may not come from retired logs and enable path A (§8.3). */
    public boolean isExternal() {
        return this != EMBEDDED;
    }
}
