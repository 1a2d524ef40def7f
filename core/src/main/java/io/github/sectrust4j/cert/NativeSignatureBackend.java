package io.github.sectrust4j.cert;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.lang.ref.SoftReference;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * A {@link SignatureBackend} on a native JCA provider (ACCP/AWS-LC or Conscrypt/BoringSSL) for the bulk
 * of real signatures: ECDSA with SHA-1/SHA-2 on P-256, P-384 and P-521, and RSA PKCS#1 v1.5 with
 * SHA-1/SHA-2. It takes only inputs on which the provider and Bouncy Castle are known to agree (see
 * {@code NativeSignatureAgreementProperties}): an uncompressed point on one of the three curves, a
 * strictly DER-encoded ECDSA signature, an RSA key of 1,024 to 8,192 bits with an odd modulus and an odd
 * exponent below 2^32, an RSA signature exactly as long as the modulus. Everything else — other
 * algorithms (RSA-PSS, MD2/MD4/MD5, Ed25519, DSA), other curves, other encodings, a key or algorithm the
 * provider refuses — goes to the Bouncy Castle reference, so no input reaches the provider where its
 * lenience could differ from BC's. On a taken input the provider's "no" is final: where the two
 * differ, the stricter wins (a PKCS #1 DigestInfo without its NULL parameters, which BC tolerates,
 * does not verify here).
 */
final class NativeSignatureBackend implements SignatureBackend {
    private static final String RSA_KEY_OID = "1.2.840.113549.1.1.1";
    private static final Map<String, Integer> CURVE_BITS =
            Map.of("1.2.840.10045.3.1.7", 256, "1.3.132.0.34", 384, "1.3.132.0.35", 521);
    private static final Map<String, String> RSA = Map.of(
            "1.2.840.113549.1.1.5", "SHA1withRSA",
            "1.3.14.3.2.29", "SHA1withRSA",
            "1.2.840.113549.1.1.14", "SHA224withRSA",
            "1.2.840.113549.1.1.11", "SHA256withRSA",
            "1.2.840.113549.1.1.12", "SHA384withRSA",
            "1.2.840.113549.1.1.13", "SHA512withRSA");
    private static final Map<String, String> ECDSA = Map.of(
            "1.2.840.10045.4.1", "SHA1withECDSA",
            "1.2.840.10045.4.3.1", "SHA224withECDSA",
            "1.2.840.10045.4.3.2", "SHA256withECDSA",
            "1.2.840.10045.4.3.3", "SHA384withECDSA",
            "1.2.840.10045.4.3.4", "SHA512withECDSA");
    static final int MIN_RSA_BITS = 1_024;
    /**
     * Verifiers a thread keeps per algorithm, each initialised with its last key: a line's SCTs come from a
     * few logs (and its links from a few CAs) whose keys recur line after line.
     */
    static final int KEPT_PER_ALGORITHM = 4;

    static final int MAX_RSA_BITS = 8_192;

    private final String name;
    private final Provider provider;
    /** Signature OID → the provider's algorithm, for the algorithms the provider offers. */
    private final Map<String, Jca> algorithms = new HashMap<>();
    /**
     * Each thread's verifiers per algorithm ({@link Jca#slot()}), at most {@link #KEPT_PER_ALGORITHM}, the most
     * recently used first: a provider's {@code Signature} is stateful and not thread-safe, so it is reused only
     * on the thread that made it (see {@link Reused}).
     */
    private final ThreadLocal<SoftReference<Reused[][]>> reused = new ThreadLocal<>();
    /** Algorithms with a slot of their own in {@link #reused}. */
    private final int algorithmSlots;
    /** The provider's form of each key it may take; empty for a key left to Bouncy Castle. */
    private final Cache<PublicKeyInfo, Optional<PublicKey>> keys =
            CacheBuilder.newBuilder().maximumSize(2_048).build();
    /** Verifications the provider made (not handed to Bouncy Castle). */
    private final java.util.concurrent.atomic.LongAdder verified = new java.util.concurrent.atomic.LongAdder();
    /** Of those, the ones made by a thread's kept verifier with the key it last had (no new initVerify). */
    private final java.util.concurrent.atomic.LongAdder reusedVerified = new java.util.concurrent.atomic.LongAdder();

    NativeSignatureBackend(String name, Provider provider) {
        this.name = name;
        this.provider = provider;
        Map<String, Integer> slots = new HashMap<>();
        RSA.forEach((oid, jca) -> offer(oid, jca, "RSA", slots));
        ECDSA.forEach((oid, jca) -> offer(oid, jca, "EC", slots));
        this.algorithmSlots = slots.size();
    }

    private void offer(String oid, String jca, String keyType, Map<String, Integer> slots) {
        if (provider.getService("Signature", jca) != null && provider.getService("KeyFactory", keyType) != null) {
            algorithms.put(oid, new Jca(jca, slots.computeIfAbsent(jca, n -> slots.size())));
        }
    }

    /** The provider's name of a signature algorithm, and its slot among a thread's {@link Reused} verifiers. */
    private record Jca(String name, int slot) {}

    /**
     * A provider verifier kept by one thread for a later verification of its algorithm, and the key it was
     * last initialised with. A {@code Signature} whose {@code verify} returned is back in that state
     * ({@link Signature#verify(byte[])}: "reset and available to verify another signature from the identity
     * whose public key was specified in the call to initVerify"; Conscrypt and ACCP reset their native context
     * after every verify), so the same key needs no new {@code initVerify}. Making one per verification cost a
     * provider lookup and, in Conscrypt, two native digest contexts left to a finalizer.
     */
    private record Reused(Signature verifier, PublicKey key) {}

    @Override
    public String name() {
        return name;
    }

    /** The provider behind this backend. */
    Provider provider() {
        return provider;
    }

    @Override
    public boolean verifies(SignatureAlgorithm algorithm, PublicKeyInfo key, byte[] signed, byte[] signature) {
        Optional<PublicKey> nativeKey = takenKey(algorithm, key, signature);
        if (nativeKey.isEmpty()) {
            return BcSignatureBackend.INSTANCE.verifies(algorithm, key, signed, signature);
        }
        Jca jca = algorithms.get(algorithm.oid());
        PublicKey publicKey = nativeKey.get();
        Reused[] kept = keptVerifiers()[jca.slot()];
        // taken out while in use: a verifier that threw is never used again, whatever state it was left in
        Reused last = take(kept, publicKey);
        Signature verifier;
        try {
            if (last != null && last.key() == publicKey) {
                verifier = last.verifier();
                reusedVerified.increment();
            } else {
                verifier = last != null ? last.verifier() : Signature.getInstance(jca.name(), provider);
                verifier.initVerify(publicKey);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // the provider cannot do this at all (not a verdict on the signature): the reference decides
            return BcSignatureBackend.INSTANCE.verifies(algorithm, key, signed, signature);
        }
        verified.increment();
        boolean valid;
        try {
            verifier.update(signed);
            valid = verifier.verify(signature);
        } catch (SignatureException | RuntimeException e) {
            return false; // malformed signature
        }
        keepFirst(kept, last != null && last.key() == publicKey ? last : new Reused(verifier, publicKey));
        return valid;
    }

    /**
     * This thread's kept verifiers. Held softly: the backend is a static singleton, so a strong per-thread value would
     * keep every pooled thread's verifiers (native contexts, callers' keys) and, in a container, the class loader that
     * loaded sectrust4j, for as long as the thread lives; softly held, memory pressure or an undeployment frees them
     * and the next verification starts afresh (only speed depends on them).
     */
    private Reused[][] keptVerifiers() {
        SoftReference<Reused[][]> ref = reused.get();
        Reused[][] kept = ref == null ? null : ref.get();
        if (kept == null) {
            kept = new Reused[algorithmSlots][KEPT_PER_ALGORITHM];
            reused.set(new SoftReference<>(kept));
        }
        return kept;
    }

    /** Drops this thread's kept verifiers, as the collector may (tests). */
    void forgetKeptVerifiers() {
        SoftReference<Reused[][]> ref = reused.get();
        if (ref != null) {
            ref.clear();
        }
    }

    /**
     * Takes out of {@code kept} the verifier last initialised with {@code key}, else the least recently used
     * one when all places are taken (to be initialised again), else none: a new one is made.
     */
    private static Reused take(Reused[] kept, PublicKey key) {
        int at = kept.length - 1;
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] == null) {
                return null;
            }
            if (kept[i].key() == key) {
                at = i;
                break;
            }
        }
        Reused taken = kept[at];
        System.arraycopy(kept, at + 1, kept, at, kept.length - 1 - at);
        kept[kept.length - 1] = null;
        return taken;
    }

    /** Puts {@code r} first in {@code kept} (which has a free place: its verifier was taken out). */
    private static void keepFirst(Reused[] kept, Reused r) {
        System.arraycopy(kept, 0, kept, 1, kept.length - 1);
        kept[0] = r;
    }

    /** Verifications the provider made since this backend was loaded. */
    long nativeVerifications() {
        return verified.sum();
    }

    /** Verifications a thread's kept verifier made with the key it last had (for tests' coverage statistics). */
    long reusedVerifications() {
        return reusedVerified.sum();
    }

    /** Whether the provider, not Bouncy Castle, verifies this (for tests' coverage statistics). */
    boolean takes(SignatureAlgorithm algorithm, PublicKeyInfo key, byte[] signature) {
        return takenKey(algorithm, key, signature).isPresent();
    }

    /** The provider's key if the provider verifies this input; empty if Bouncy Castle does. */
    private Optional<PublicKey> takenKey(SignatureAlgorithm algorithm, PublicKeyInfo key, byte[] signature) {
        Jca jca = algorithms.get(algorithm.oid());
        if (jca == null) {
            return Optional.empty();
        }
        Optional<PublicKey> nativeKey = nativeKey(key, ECDSA.containsKey(algorithm.oid()));
        return nativeKey.isPresent() && takesSignature(key, jca.name(), signature) ? nativeKey : Optional.empty();
    }

    /** The provider's key for {@code key} if this backend takes it for ECDSA ({@code ec}) or RSA. */
    private Optional<PublicKey> nativeKey(PublicKeyInfo key, boolean ec) {
        Optional<PublicKey> k;
        if (key.backendKey() instanceof Decoded d && d.backend() == this) {
            k = d.key(); // the key object seen before (an issuer's, a log's): no cache lookup per verification
        } else {
            k = keys.getIfPresent(key); // an equal key in another object; no loader lambda per verification
            if (k == null) {
                try {
                    k = decode(key);
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
                keys.put(key, k);
            }
            key.backendKey(new Decoded(this, k));
        }
        return k.isPresent() && ec == k.get().getAlgorithm().equals("EC") ? k : Optional.empty();
    }

    /** {@link #decode}'s answer for a key, memoized on the key object by the backend that made it. */
    private record Decoded(NativeSignatureBackend backend, Optional<PublicKey> key) {}

    private Optional<PublicKey> decode(PublicKeyInfo key) {
        String type;
        if (key.algorithm() == KeyAlgorithm.EC
                && key.parseable()
                && key.curveOid().map(CURVE_BITS::containsKey).orElse(false)
                && uncompressedPoint(key)) {
            type = "EC";
        } else if (key.algorithmOid().equals(RSA_KEY_OID)
                && key.rsaKeyInternal() != null
                && rsaTaken(key.rsaKeyInternal())) {
            type = "RSA";
        } else {
            return Optional.empty();
        }
        try {
            PublicKey k = KeyFactory.getInstance(type, provider).generatePublic(new X509EncodedKeySpec(key.spkiDer()));
            return k.getAlgorithm().equals(type) ? Optional.of(k) : Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty(); // the provider refuses the key: Bouncy Castle decides
        }
    }

    private static boolean uncompressedPoint(PublicKeyInfo key) {
        try {
            byte[] point = SubjectPublicKeyInfo.getInstance(key.spkiDer())
                    .getPublicKeyData()
                    .getOctets();
            int fieldBytes = (CURVE_BITS.get(key.curveOid().orElseThrow()) + 7) / 8;
            return point.length == 1 + 2 * fieldBytes && point[0] == 0x04;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean rsaTaken(RSAPublicKey k) {
        BigInteger n = k.getModulus();
        BigInteger e = k.getPublicExponent();
        return n.signum() > 0
                && n.testBit(0)
                && n.bitLength() >= MIN_RSA_BITS
                && n.bitLength() <= MAX_RSA_BITS
                && e.testBit(0)
                && e.compareTo(BigInteger.valueOf(3)) >= 0
                && e.bitLength() <= 32;
    }

    private static boolean takesSignature(PublicKeyInfo key, String jca, byte[] signature) {
        if (jca.endsWith("withRSA")) {
            return signature.length == (key.rsaKeyInternal().getModulus().bitLength() + 7) / 8;
        }
        return strictEcdsaDer(signature);
    }

    /** SEQUENCE { INTEGER r, INTEGER s } in DER: minimal lengths, minimal non-negative integers, nothing after. */
    static boolean strictEcdsaDer(byte[] signature) {
        try {
            Der.Tlv seq = Der.read(signature, 0, signature.length);
            if (seq.tag() != 0x30 || seq.end() != signature.length || !minimalHeader(seq)) {
                return false;
            }
            java.util.List<Der.Tlv> values = Der.children(signature, seq.contentStart(), seq.end());
            if (values.size() != 2) {
                return false;
            }
            for (Der.Tlv v : values) {
                int length = v.end() - v.contentStart();
                if (v.tag() != 0x02 || !minimalHeader(v) || length == 0 || signature[v.contentStart()] < 0) {
                    return false;
                }
                if (length > 1 && signature[v.contentStart()] == 0 && signature[v.contentStart() + 1] >= 0) {
                    return false; // a leading zero octet that is not needed
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean minimalHeader(Der.Tlv t) {
        int length = t.end() - t.contentStart();
        int expected = length < 0x80 ? 2 : length < 0x100 ? 3 : length < 0x10000 ? 4 : length < 0x1000000 ? 5 : 6;
        return t.contentStart() - t.start() == expected;
    }
}
