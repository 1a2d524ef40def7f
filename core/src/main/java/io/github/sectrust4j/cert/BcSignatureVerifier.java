package io.github.sectrust4j.cert;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.io.OutputStream;
import java.security.Provider;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Signature verification through a private Bouncy Castle provider instance (never registered
 * globally): BC's EC verifier is several times faster than SunEC on Java 17.
 *
 * <p>The signature is checked with the outer signatureAlgorithm (with its parameters, which
 * matter for RSA-PSS). If the inner (TBS) and outer algorithm OIDs differ the certificate does not
 * verify — conservative: a mismatch must never help a chain build [inferred; RFC 5280 §4.1.1.2].
 */
final class BcSignatureVerifier implements SignatureVerifier {
    private static final Provider BC = new BouncyCastleProvider();

    /** Decoded issuer keys, keyed by SPKI SHA-256; an empty Optional marks an unusable key. */
    private final Cache<String, Optional<ContentVerifierProvider>> keys =
            CacheBuilder.newBuilder().maximumSize(2_048).build();

    BcSignatureVerifier() {
    }

    @Override
    public boolean verifies(Certificate child, PublicKeyInfo issuerKey) {
        try {
            if (!child.tbsSignatureAlgorithm().oid().equals(child.signatureAlgorithm().oid())) {
                return false;
            }
            if (!issuerKey.parseable()) {
                return false; // e.g. an EC key on a curve iOS does not support (§4.1)
            }
            Optional<ContentVerifierProvider> provider = keys.get(issuerKey.spkiSha256Hex(), () -> decode(issuerKey));
            if (provider.isEmpty()) {
                return false;
            }
            ContentVerifier v = provider.get().get(AlgorithmIdentifier.getInstance(child.signatureAlgorithm().der()));
            try (OutputStream out = v.getOutputStream()) {
                out.write(child.tbsDerInternal());
            }
            return v.verify(child.signatureValueInternal());
        } catch (ExecutionException | RuntimeException | java.io.IOException | org.bouncycastle.operator.OperatorCreationException e) {
            return false; // unknown algorithm, key/algorithm mismatch, malformed signature
        }
    }

    private static Optional<ContentVerifierProvider> decode(PublicKeyInfo key) {
        try {
            return Optional.of(new JcaContentVerifierProviderBuilder().setProvider(BC)
                    .build(SubjectPublicKeyInfo.getInstance(key.spkiDer())));
        } catch (org.bouncycastle.operator.OperatorCreationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
