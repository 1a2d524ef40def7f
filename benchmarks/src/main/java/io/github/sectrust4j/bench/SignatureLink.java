package io.github.sectrust4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * One signature check of a chain (child ← issuer), split at setup into the bytes a verifier needs:
 * the child's TBSCertificate, its signature value, and the issuer's SubjectPublicKeyInfo. The raw
 * baseline: what a verifier must do per link however clever the rest of the evaluator is — decode the
 * issuer key, hash the TBS, verify. Certificate parsing is not part of it.
 */
final class SignatureLink {
    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String RSA_SHA256 = "1.2.840.113549.1.1.11";

    private final byte[] tbs;
    private final byte[] signature;
    private final byte[] issuerSpki;
    private final String algorithmOid;
    private final byte[] algorithmDer;
    /** The issuer key as sectrust4j's backends take it (decoded once: the backends cache decoded keys). */
    private io.github.sectrust4j.cert.PublicKeyInfo issuerKey;

    private io.github.sectrust4j.cert.SignatureAlgorithm algorithm;

    SignatureLink(byte[] childDer, byte[] issuerDer) {
        try {
            Certificate child = Certificate.getInstance(childDer);
            Certificate issuer = Certificate.getInstance(issuerDer);
            this.tbs = child.getTBSCertificate().getEncoded(ASN1Encoding.DER);
            this.signature = child.getSignature().getOctets();
            this.issuerSpki = issuer.getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER);
            this.algorithmOid = child.getSignatureAlgorithm().getAlgorithm().getId();
            this.algorithmDer = child.getSignatureAlgorithm().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!algorithmOid.equals(ECDSA_SHA256) && !algorithmOid.equals(RSA_SHA256)) {
            throw new IllegalArgumentException("unexpected signature algorithm " + algorithmOid);
        }
    }

    /**
     * Bouncy Castle's lightweight API: ECDSASigner / RSADigestSigner. The RSA key is built without
     * BC's probable-prime check of the modulus (as sectrust4j's verifier does; it buys nothing for
     * verification), so this is the fastest pure-Java verification available.
     */
    boolean verifyBcLightweight() {
        return verifyBcLightweight(false);
    }

    /**
     * As {@link #verifyBcLightweight()}, hashing with the JDK's intrinsified SHA-256 when
     * {@code jdkDigest} (what sectrust4j's verifier does): the fastest verification available on Java 17
     * for both key types.
     */
    boolean verifyBcLightweight(boolean jdkDigest) {
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(issuerSpki);
            if (algorithmOid.equals(RSA_SHA256)) {
                RSAPublicKey k = RSAPublicKey.getInstance(spki.parsePublicKey());
                RSADigestSigner signer = new RSADigestSigner(jdkDigest ? new JdkSha256() : new SHA256Digest());
                signer.init(false, new RSAKeyParameters(false, k.getModulus(), k.getPublicExponent(), true));
                signer.update(tbs, 0, tbs.length);
                return signer.verifySignature(signature);
            }
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(spki);
            DSADigestSigner signer =
                    new DSADigestSigner(new ECDSASigner(), jdkDigest ? new JdkSha256() : new SHA256Digest());
            signer.init(false, key);
            signer.update(tbs, 0, tbs.length);
            return signer.verifySignature(signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDK's default providers through JCA (SunEC for ECDSA, SunRsaSign for RSA), for reference. */
    boolean verifyJca() {
        return verifyJca(null);
    }

    /** Through JCA with {@code provider} (a native one: ACCP, Conscrypt), or the JDK's defaults if null. */
    boolean verifyJca(java.security.Provider provider) {
        try {
            boolean rsa = algorithmOid.equals(RSA_SHA256);
            String keyType = rsa ? "RSA" : "EC";
            String algorithm = rsa ? "SHA256withRSA" : "SHA256withECDSA";
            PublicKey key = (provider == null
                            ? KeyFactory.getInstance(keyType)
                            : KeyFactory.getInstance(keyType, provider))
                    .generatePublic(new X509EncodedKeySpec(issuerSpki));
            Signature s =
                    provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
            s.initVerify(key);
            s.update(tbs);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Through one of sectrust4j's signature backends ({@code cert.SignatureBackend}), as an evaluation
     * verifies a link: the backend keeps the decoded issuer key, so this is the verification alone.
     */
    boolean verifyWith(io.github.sectrust4j.cert.SignatureBackend backend) {
        if (issuerKey == null) {
            issuerKey = io.github.sectrust4j.cert.PublicKeyInfo.fromDer(issuerSpki);
            algorithm = io.github.sectrust4j.cert.SignatureAlgorithm.fromDer(algorithmDer);
        }
        return backend.verifies(algorithm, issuerKey, tbs, signature);
    }
}
