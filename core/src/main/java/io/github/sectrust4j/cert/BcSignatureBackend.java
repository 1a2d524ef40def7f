package io.github.sectrust4j.cert;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.io.OutputStream;
import java.security.Provider;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD2Digest;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * The reference {@link SignatureBackend}, Bouncy Castle: RSA PKCS#1 v1.5 through BC's lightweight API (the
 * bulk of real chains; skips BC's costly probable-prime validation of public moduli, which iOS
 * does not do either and which buys nothing for verification), everything else (RSA-PSS, ECDSA,
 * Ed25519/Ed448, DSA) through a private BC provider instance, never registered globally. BC's EC
 * verifier is several times faster than SunEC on Java 17. The algorithm's parameters are used (they
 * matter for RSA-PSS).
 */
final class BcSignatureBackend implements SignatureBackend {
    static final BcSignatureBackend INSTANCE = new BcSignatureBackend();

    /** BC's JCA provider, built on the first RSA-PSS/Ed25519/DSA check: building it costs a tenth of a CLI start. */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }

    // SHA-1/SHA-2 from the JDK (intrinsified); BC's own names, which its RSA signer maps to DigestInfo OIDs
    private static final Supplier<Digest> SHA1 = JdkDigest.of("SHA-1", new SHA1Digest().getAlgorithmName());
    private static final Supplier<Digest> SHA224 = JdkDigest.of("SHA-224", new SHA224Digest().getAlgorithmName());
    private static final Supplier<Digest> SHA256 = JdkDigest.of("SHA-256", new SHA256Digest().getAlgorithmName());
    private static final Supplier<Digest> SHA384 = JdkDigest.of("SHA-384", new SHA384Digest().getAlgorithmName());
    private static final Supplier<Digest> SHA512 = JdkDigest.of("SHA-512", new SHA512Digest().getAlgorithmName());

    /** RSA PKCS#1 v1.5 signature OIDs and their digests. */
    private static final Map<String, Supplier<Digest>> PKCS1 = Map.ofEntries(
            Map.entry(Oids.MD2_WITH_RSA, MD2Digest::new),
            Map.entry(Oids.MD4_WITH_RSA, MD4Digest::new),
            Map.entry(Oids.MD5_WITH_RSA, MD5Digest::new),
            Map.entry(Oids.OIW_MD5_WITH_RSA, MD5Digest::new),
            Map.entry(Oids.SHA1_WITH_RSA, SHA1),
            Map.entry(Oids.OIW_SHA1_WITH_RSA, SHA1),
            Map.entry(Oids.SHA224_WITH_RSA, SHA224),
            Map.entry(Oids.SHA256_WITH_RSA, SHA256),
            Map.entry(Oids.SHA384_WITH_RSA, SHA384),
            Map.entry(Oids.SHA512_WITH_RSA, SHA512));

    /** ECDSA signature OIDs (X9.62 / RFC 5758) and their digests. */
    private static final Map<String, Supplier<Digest>> ECDSA = Map.of(
            Oids.ECDSA_WITH_SHA1, SHA1,
            Oids.ECDSA_WITH_SHA224, SHA224,
            Oids.ECDSA_WITH_SHA256, SHA256,
            Oids.ECDSA_WITH_SHA384, SHA384,
            Oids.ECDSA_WITH_SHA512, SHA512);

    /** A decoded issuer key: the RSA or EC parameters if RSA or EC, and lazily a JCA verifier provider. */
    private static final class DecodedKey {
        final RSAKeyParameters rsa;
        final ECPublicKeyParameters ec;
        final byte[] spki;
        /** False for a key whose verification work is unbounded (oversized RSA or DSA): nothing verifies with it. */
        final boolean usable;

        private volatile Optional<ContentVerifierProvider> jca;

        DecodedKey(RSAKeyParameters rsa, ECPublicKeyParameters ec, byte[] spki, boolean usable) {
            this.rsa = rsa;
            this.ec = ec;
            this.spki = spki;
            this.usable = usable;
        }

        Optional<ContentVerifierProvider> jca() {
            Optional<ContentVerifierProvider> p = jca;
            if (p == null) {
                try {
                    p = Optional.of(new JcaContentVerifierProviderBuilder()
                            .setProvider(Bc.PROVIDER)
                            .build(SubjectPublicKeyInfo.getInstance(spki)));
                } catch (org.bouncycastle.operator.OperatorCreationException | RuntimeException e) {
                    p = Optional.empty();
                }
                jca = p;
            }
            return p;
        }
    }

    /** Decoded issuer keys, keyed by key (equal SPKI DER; no hex fingerprint per check). */
    private final Cache<PublicKeyInfo, DecodedKey> keys =
            CacheBuilder.newBuilder().maximumSize(2_048).build();

    private BcSignatureBackend() {}

    @Override
    public String name() {
        return "bc";
    }

    @Override
    public boolean verifies(SignatureAlgorithm algorithm, PublicKeyInfo issuerKey, byte[] signed, byte[] signature) {
        try {
            DecodedKey key = keys.get(issuerKey, () -> decode(issuerKey));
            if (!key.usable) {
                return false;
            }
            Supplier<Digest> pkcs1 = PKCS1.get(algorithm.oid());
            if (pkcs1 != null) {
                if (key.rsa == null) {
                    return false;
                }
                RSADigestSigner signer = new RSADigestSigner(pkcs1.get());
                signer.init(false, key.rsa);
                signer.update(signed, 0, signed.length);
                return signer.verifySignature(signature);
            }
            Supplier<Digest> ecdsa = ECDSA.get(algorithm.oid());
            if (ecdsa != null && key.ec != null) {
                // BC's lightweight ECDSA on its custom curve implementations: the JCA route rebuilds the
                // curve's generator per key, losing BC's cached precomputation (about 2x slower per check)
                DSADigestSigner signer =
                        new DSADigestSigner(new ECDSASigner(), ecdsa.get(), StandardDSAEncoding.INSTANCE);
                signer.init(false, key.ec);
                signer.update(signed, 0, signed.length);
                return signer.verifySignature(signature);
            }
            Optional<ContentVerifierProvider> provider = key.jca();
            if (provider.isEmpty()) {
                return false;
            }
            ContentVerifier v = provider.get().get(AlgorithmIdentifier.getInstance(algorithm.derInternal()));
            try (OutputStream out = v.getOutputStream()) {
                out.write(signed);
            }
            return v.verify(signature);
        } catch (ExecutionException
                | RuntimeException
                | java.io.IOException
                | org.bouncycastle.operator.OperatorCreationException e) {
            return false; // unknown algorithm, key/algorithm mismatch, malformed signature
        }
    }

    private static DecodedKey decode(PublicKeyInfo key) {
        byte[] spki = key.spkiDer();
        RSAKeyParameters rsa = null;
        boolean usable = true;
        if (key.algorithm() == KeyAlgorithm.RSA) {
            try {
                // RSA and RSA-PSS keys both carry an RSAPublicKey
                RSAPublicKey k = key.rsaKeyInternal() != null
                        ? key.rsaKeyInternal()
                        : RSAPublicKey.getInstance(Asn1.parse(SubjectPublicKeyInfo.getInstance(Asn1.parse(spki))
                                .getPublicKeyData()
                                .getOctets()));
                usable = KeyBounds.rsaWithin(
                        k.getModulus(), k.getPublicExponent()); // the path budget allows 1,000 checks
                if (usable && key.algorithmOid().equals(Oids.RSA_ENCRYPTION)) {
                    // isInternal=true: skip BC's modulus primality/small-factor validation (see class comment)
                    rsa = new RSAKeyParameters(false, k.getModulus(), k.getPublicExponent(), true);
                }
            } catch (java.io.IOException | RuntimeException e) {
                rsa = null;
            }
        }
        if (key.algorithm() == KeyAlgorithm.DSA) {
            try {
                org.bouncycastle.asn1.x509.DSAParameter d = org.bouncycastle.asn1.x509.DSAParameter.getInstance(
                        SubjectPublicKeyInfo.getInstance(spki).getAlgorithm().getParameters());
                usable = d != null && KeyBounds.dsaWithin(d.getP(), d.getQ());
            } catch (RuntimeException e) {
                usable = false; // no or malformed domain parameters: nothing to verify with
            }
        }
        ECPublicKeyParameters ec = null;
        if (key.algorithm() == KeyAlgorithm.EC && key.parseable()) {
            try {
                // named curves resolve to BC's custom curve implementations (CustomNamedCurves) first
                AsymmetricKeyParameter p = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(spki));
                ec = p instanceof ECPublicKeyParameters e ? e : null;
            } catch (java.io.IOException | RuntimeException e) {
                ec = null; // the JCA route decides
            }
        }
        return new DecodedKey(rsa, ec, spki, usable);
    }
}
