package io.github.sectrust4j.cert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Bouncy Castle's {@link ContentVerifierProvider} over a {@link SignatureBackend}: lets BC's structure
 * checks (an OCSP response's, a responder certificate's {@code isSignatureValid}: which bytes are signed,
 * that the inner and outer algorithms agree) run unchanged while the cryptography is the process's
 * backend's, as for certificate links and SCTs.
 */
public final class BackendContentVerifierProvider implements ContentVerifierProvider {
    private final SignatureBackend backend;
    private final PublicKeyInfo key;

    private BackendContentVerifierProvider(SignatureBackend backend, PublicKeyInfo key) {
        this.backend = backend;
        this.key = key;
    }

    /**
     * Verifies with the key of {@code spkiDer} through the process's selected backend.
     *
     * @throws IllegalArgumentException if {@code spkiDer} is not a SubjectPublicKeyInfo
     */
    public static ContentVerifierProvider forKey(byte[] spkiDer) {
        return new BackendContentVerifierProvider(SignatureBackends.selected(), PublicKeyInfo.fromDer(spkiDer));
    }

    @Override
    public boolean hasAssociatedCertificate() {
        return false;
    }

    @Override
    public X509CertificateHolder getAssociatedCertificate() {
        return null;
    }

    @Override
    public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
        SignatureAlgorithm signatureAlgorithm;
        try {
            signatureAlgorithm = SignatureAlgorithm.fromDer(algorithm.getEncoded(ASN1Encoding.DER));
        } catch (IOException | IllegalArgumentException e) {
            throw new OperatorCreationException("signature algorithm cannot be encoded", e);
        }
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        return new ContentVerifier() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                return signed;
            }

            @Override
            public boolean verify(byte[] signature) {
                return backend.verifies(signatureAlgorithm, key, signed.toByteArray(), signature);
            }
        };
    }
}
