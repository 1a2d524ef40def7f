package io.github.sectrust4j.bench;

import io.github.sectrust4j.fixtures.KeyAlgorithm;

/** The key and signature family of every certificate of a corpus chain (root, intermediate, leaf). */
public enum ChainFamily {
    /** ECDSA P-256 keys, ecdsa-with-SHA256 signatures. */
    EC_P256(KeyAlgorithm.ecP256()),
    /** RSA-2048 keys, sha256WithRSAEncryption (PKCS#1 v1.5) signatures. */
    RSA_2048(KeyAlgorithm.rsa(2048));

    private final KeyAlgorithm keyAlgorithm;

    ChainFamily(KeyAlgorithm keyAlgorithm) {
        this.keyAlgorithm = keyAlgorithm;
    }

    KeyAlgorithm keyAlgorithm() {
        return keyAlgorithm;
    }
}
