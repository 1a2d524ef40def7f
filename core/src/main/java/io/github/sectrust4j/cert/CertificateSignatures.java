package io.github.sectrust4j.cert;

/**
 * A certificate's signature checked through a {@link SignatureBackend}: the outer signatureAlgorithm
 * (with its parameters) over the TBSCertificate. If the inner (TBS) and outer algorithm OIDs differ the
 * certificate does not verify — conservative: a mismatch must never help a chain build [inferred;
 * RFC 5280 §4.1.1.2]; nor does it with a key iOS cannot import (§4.1: unsupported curves).
 */
final class CertificateSignatures implements SignatureVerifier {
    private final SignatureBackend backend;

    CertificateSignatures(SignatureBackend backend) {
        this.backend = backend;
    }

    @Override
    public boolean verifies(Certificate child, PublicKeyInfo issuerKey) {
        if (!child.tbsSignatureAlgorithm()
                        .oid()
                        .equals(child.signatureAlgorithm().oid())
                || !issuerKey.parseable()) {
            return false;
        }
        return backend.verifies(
                child.signatureAlgorithm(), issuerKey, child.tbsDerInternal(), child.signatureValueInternal());
    }
}
