package io.github.sectrust4j.cert;

/** Public-key algorithm families as Apple's key classification distinguishes them (§4.1). */
public enum KeyAlgorithm {
    RSA,
    EC,
    ED25519,
    ED448,
    DSA,
    OTHER
}
