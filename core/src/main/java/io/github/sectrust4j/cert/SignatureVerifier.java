package io.github.sectrust4j.cert;

/**
 * Verifies a certificate's signature with a candidate issuer key. Implementations never throw:
 * an unknown algorithm, a key the platform cannot use (§4.1: unsupported curves), a key/algorithm
 * mismatch or a malformed signature all simply mean "does not verify".
 */
public interface SignatureVerifier {

    /** True iff {@code child}'s signature over its TBSCertificate verifies with {@code issuerKey}. */
    boolean verifies(Certificate child, PublicKeyInfo issuerKey);

    /**
     * The same check charged against a per-evaluation budget (see {@link VerificationBudget}).
     * The default implementation charges every call and never caches.
     */
    default SignatureVerdict verify(Certificate child, PublicKeyInfo issuerKey, VerificationBudget budget) {
        if (!budget.tryConsume()) {
            return SignatureVerdict.BUDGET_EXHAUSTED;
        }
        budget.recordCryptoVerification();
        return verifies(child, issuerKey) ? SignatureVerdict.VALID : SignatureVerdict.INVALID;
    }

    /** Self-signed = self-issued (normalized names, §1.3) and verifies with its own key. */
    default boolean isSelfSigned(Certificate certificate) {
        return certificate.isSelfIssued() && verifies(certificate, certificate.publicKey());
    }

    /**
     * A Bouncy Castle based verifier (RSA PKCS#1 v1.5 incl. MD2/MD4/MD5, RSA-PSS, ECDSA,
     * Ed25519/Ed448, DSA), the reference. It caches decoded issuer keys, not verdicts; wrap it in a
     * {@link CachingSignatureVerifier} for verdict caching.
     */
    static SignatureVerifier bouncyCastle() {
        return using(SignatureBackend.bouncyCastle());
    }

    /** A verifier whose cryptography is {@code backend}'s. */
    static SignatureVerifier using(SignatureBackend backend) {
        return new CertificateSignatures(backend);
    }
}
