package io.github.sectrust4j.ct;

import io.github.sectrust4j.cert.KeyBounds;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Verifies an SCT signature with the log key: RSA (PKCS #1 v1.5) or ECDSA with SHA-1, SHA-256 or
 * SHA-384 as the SCT declares (spec §8.2 item 7). Bouncy Castle's lightweight verifiers: faster than
 * SunEC on Java 17 and free of provider registration.
 */
final class SctSignatures {
    private SctSignatures() {
    }

    /**
     * True only if the signature verifies; any unsupported algorithm, key mismatch or error is false.
     * Verdicts are remembered by the one SCT verdict cache in front of this ({@link CachingSctVerifier}).
     */
    static boolean verify(SignedCertificateTimestamp sct, byte[] signedData, byte[] logSpki) {
        if (!KeyBounds.within(logSpki)) {
            return false; // a caller-supplied log key whose verification cost is unbounded
        }
        return compute(sct, signedData, logSpki);
    }

    private static boolean compute(SignedCertificateTimestamp sct, byte[] signedData, byte[] logSpki) {
        try {
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(logSpki);
            Digest digest = switch (sct.hashAlgorithm()) {
                case SignedCertificateTimestamp.HASH_SHA1 -> new SHA1Digest();
                case SignedCertificateTimestamp.HASH_SHA256 -> new SHA256Digest();
                case SignedCertificateTimestamp.HASH_SHA384 -> new SHA384Digest();
                default -> null;
            };
            if (digest == null) {
                return false;
            }
            Signer signer;
            if (sct.signatureAlgorithm() == SignedCertificateTimestamp.SIGNATURE_ECDSA
                    && key instanceof ECPublicKeyParameters) {
                signer = new DSADigestSigner(new ECDSASigner(), digest);
            } else if (sct.signatureAlgorithm() == SignedCertificateTimestamp.SIGNATURE_RSA
                    && key instanceof RSAKeyParameters rsa && !rsa.isPrivate()) {
                signer = new RSADigestSigner(digest);
            } else {
                return false;
            }
            signer.init(false, key);
            signer.update(signedData, 0, signedData.length);
            return signer.verifySignature(sct.signatureView());
        } catch (Exception e) {
            return false;
        }
    }
}
