package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Every native backend present agrees with the Bouncy Castle reference on random and damaged ECDSA and
 * RSA signatures: valid ones, flipped bits, non-canonical DER (long-form lengths, padded or negative
 * integers, trailing bytes, BER), out-of-range r/s, high s, wrong keys and wrong curves, tiny and
 * small-exponent RSA keys, compressed points, signatures under the wrong algorithm. A native verdict of
 * "valid" where BC says "invalid" would be a false "trusted"; it must never happen. The one documented
 * difference: an RSA PKCS #1 v1.5 DigestInfo without its NULL parameters, which BC tolerates, does not
 * verify natively — the stricter verdict stands.
 */
class NativeSignatureAgreementProperties {
    private static final Provider BCP = new BouncyCastleProvider();
    private static final SignatureBackend BC = SignatureBackend.bouncyCastle();
    private static final List<NativeSignatureBackend> NATIVE = Stream.of(
                    SignatureBackends.accp(), SignatureBackends.conscrypt())
            .flatMap(Optional::stream)
            .map(NativeSignatureBackend.class::cast)
            .toList();

    /** A key pair and the public key as the verifier sees it (possibly re-encoded). */
    record Key(String label, PrivateKey signing, PublicKeyInfo verifying, boolean ec, BigInteger order) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static final List<Key> KEYS = keys();

    enum Algorithm {
        ECDSA_SHA1("1.2.840.10045.4.1", "SHA1withECDSA"),
        ECDSA_SHA256("1.2.840.10045.4.3.2", "SHA256withECDSA"),
        ECDSA_SHA384("1.2.840.10045.4.3.3", "SHA384withECDSA"),
        ECDSA_SHA512("1.2.840.10045.4.3.4", "SHA512withECDSA"),
        RSA_SHA1("1.2.840.113549.1.1.5", "SHA1withRSA"),
        RSA_SHA256("1.2.840.113549.1.1.11", "SHA256withRSA"),
        RSA_SHA384("1.2.840.113549.1.1.12", "SHA384withRSA"),
        RSA_SHA512("1.2.840.113549.1.1.13", "SHA512withRSA");

        final String oid;
        final String jca;

        Algorithm(String oid, String jca) {
            this.oid = oid;
            this.jca = jca;
        }

        boolean ec() {
            return name().startsWith("ECDSA");
        }

        SignatureAlgorithm id() {
            AlgorithmIdentifier id = ec()
                    ? new AlgorithmIdentifier(new ASN1ObjectIdentifier(oid))
                    : new AlgorithmIdentifier(new ASN1ObjectIdentifier(oid), DERNull.INSTANCE);
            try {
                return SignatureAlgorithm.of(oid, id.getEncoded());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    enum Damage {
        NONE,
        FLIP_SIGNATURE_BIT,
        FLIP_MESSAGE_BIT,
        TRUNCATE,
        APPEND_BYTE,
        RANDOM_SIGNATURE,
        OTHER_KEY,
        // ECDSA encodings
        LONG_FORM_LENGTH,
        PADDED_R,
        NEGATIVE_S,
        HIGH_S,
        ZERO_R,
        S_IS_ORDER,
        BER_INDEFINITE,
        // RSA encodings
        DIGEST_INFO_WITHOUT_NULL,
        WRONG_DIGEST_OID,
        LEADING_ZERO_STRIPPED
    }

    record Case(int signer, int verifier, Algorithm algorithm, Damage damage, byte[] message, int position) {
        @Override
        public String toString() {
            return KEYS.get(signer) + " -> " + KEYS.get(verifier) + " " + algorithm + " " + damage + " @" + position;
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> key = Arbitraries.integers().between(0, KEYS.size() - 1);
        return Combinators.combine(
                        key,
                        key.injectDuplicates(0.7),
                        Arbitraries.of(Algorithm.class),
                        Arbitraries.of(Damage.class),
                        Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(200),
                        Arbitraries.integers().between(0, 10_000))
                .as((s, v, a, d, m, p) ->
                        new Case(s, d == Damage.OTHER_KEY ? v : s, p % 5 == 0 ? a : matching(a, KEYS.get(s)), d, m, p));
    }

    /** Four in five cases use an algorithm of the signing key's type: the same digest, ECDSA or RSA. */
    private static Algorithm matching(Algorithm a, Key key) {
        return a.ec() == key.ec() ? a : Algorithm.values()[(a.ordinal() + 4) % 8];
    }

    @Property(tries = 600)
    void nativeBackendsAgreeWithBouncyCastle(@ForAll("cases") Case c) throws Exception {
        requireNativeBackends();
        Outcome o = agree(c);
        boolean reference = o.reference();
        boolean taken = o.taken();
        Statistics.label("damage").collect(c.damage());
        Statistics.label("verdict").collect(reference ? "valid" : "invalid");
        Statistics.label("route").collect(taken ? "native" : "bouncy castle");
        Statistics.label("verdict").coverage(k -> {
            k.check("valid").percentage(p -> p > 10);
            k.check("invalid").percentage(p -> p > 30);
        });
        Statistics.label("route").coverage(k -> {
            k.check("native").percentage(p -> p > 30);
            k.check("bouncy castle").percentage(p -> p > 5);
        });
        Statistics.label("damage").coverage(k -> {
            for (Damage d : Damage.values()) {
                // ~35 expected each; > 10 failed once in a session (jqwik then replays the failing seed), and every
                // damage reached at all is what the check is for
                k.check(d).count(n -> n > 3);
            }
        });
    }

    /** Bouncy Castle's verdict on {@code c}, and whether a native provider took it. */
    record Outcome(boolean reference, boolean taken) {}

    /** Verifies {@code c} with Bouncy Castle and every native backend, asserting that they agree. */
    private static Outcome agree(Case c) throws Exception {
        Key signer = KEYS.get(c.signer());
        Key verifier = KEYS.get(c.verifier());
        byte[] message = c.message();
        if (!signer.ec() && !c.algorithm().ec() && c.damage() == Damage.LEADING_ZERO_STRIPPED) {
            message = messageWithLeadingZeroSignature(signer, c);
        }
        byte[] signature = sign(signer, c, message);
        if (c.damage() == Damage.FLIP_MESSAGE_BIT && message.length > 0) {
            message = message.clone();
            message[c.position() % message.length] ^= (byte) (1 << (c.position() % 8));
        }
        SignatureAlgorithm algorithm = c.algorithm().id();
        boolean reference = BC.verifies(algorithm, verifier.verifying(), message, signature);
        boolean taken = false;
        for (NativeSignatureBackend backend : NATIVE) {
            boolean takes = backend.takes(algorithm, verifier.verifying(), signature);
            taken |= takes;
            boolean verdict = backend.verifies(algorithm, verifier.verifying(), message, signature);
            assertThat(!verdict || reference)
                    .as("%s accepts what Bouncy Castle rejects: %s", backend.name(), c)
                    .isTrue();
            if (c.damage() == Damage.DIGEST_INFO_WITHOUT_NULL
                    && !signer.ec()
                    && !c.algorithm().ec()
                    && takes
                    && reference) {
                assertThat(verdict)
                        .as("%s: the stricter verdict stands: %s", backend.name(), c)
                        .isFalse();
            } else {
                assertThat(verdict)
                        .as("%s vs Bouncy Castle: %s", backend.name(), c)
                        .isEqualTo(reference);
            }
        }
        return new Outcome(reference, taken);
    }

    /**
     * A thread reuses its provider verifier of an algorithm (the same key without a new initVerify): a
     * verification after a damaged, invalid or throwing one — with the same key, then another key or
     * algorithm, then the first key again — answers as Bouncy Castle does, as a fresh verifier would.
     */
    // 600 tries: each of the 17 damages is then expected ~35 times, so "more than 2" cannot fail by chance (at 200
    // it did, about once in a hundred runs: a CI run saw S_IS_ORDER once)
    @Property(tries = 600)
    void aReusedVerifierAnswersAsAFreshOne(@ForAll("cases") Case damaged, @ForAll("cases") Case other)
            throws Exception {
        requireNativeBackends();
        Case clean = new Case(
                damaged.signer(),
                damaged.signer(),
                matching(damaged.algorithm(), KEYS.get(damaged.signer())),
                Damage.NONE,
                damaged.message(),
                damaged.position());
        long reusedBefore = NATIVE.stream()
                .mapToLong(NativeSignatureBackend::reusedVerifications)
                .sum();
        for (Case c : List.of(damaged, clean, other, clean, damaged, clean)) {
            agree(c);
        }
        long reused = NATIVE.stream()
                        .mapToLong(NativeSignatureBackend::reusedVerifications)
                        .sum()
                - reusedBefore;
        assertThat(agree(clean).reference()).as("the clean case verifies").isTrue();
        Statistics.label("reused").collect(reused > 0 ? "reused verifier" : "none reused");
        Statistics.label("damage").collect(damaged.damage());
        Statistics.label("reused").coverage(k -> k.check("reused verifier").percentage(p -> p > 50));
        Statistics.label("damage").coverage(k -> {
            for (Damage d : Damage.values()) {
                k.check(d).count(n -> n > 2);
            }
        });
    }

    /**
     * A thread keeps a verifier for each of its recent keys of an algorithm: cycling through the RSA keys the
     * providers take (as a stream of lines cycles through a few logs and CAs), every round after the first
     * verifies without a new initVerify, invalid verdicts included, and each verdict is still Bouncy Castle's.
     */
    @Example
    void aThreadKeepsAVerifierForEachRecentKey() throws Exception {
        requireNativeBackends();
        List<Integer> rsa = new ArrayList<>();
        for (int i = 0; i < KEYS.size(); i++) {
            if (!KEYS.get(i).ec() && !KEYS.get(i).label().startsWith("rsa768")) {
                rsa.add(i);
            }
        }
        assertThat(rsa).hasSizeBetween(2, NativeSignatureBackend.KEPT_PER_ALGORITHM);
        long[] before = NATIVE.stream()
                .mapToLong(NativeSignatureBackend::reusedVerifications)
                .toArray();
        byte[] message = "tbs".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int round = 0; round < 3; round++) {
            for (int k : rsa) {
                Damage damage = round == 1 ? Damage.FLIP_MESSAGE_BIT : Damage.NONE;
                Outcome o = agree(new Case(k, k, Algorithm.RSA_SHA256, damage, message, round));
                assertThat(o.taken()).as("%s is the providers'", KEYS.get(k)).isTrue();
                assertThat(o.reference()).isEqualTo(damage == Damage.NONE);
            }
        }
        for (int b = 0; b < NATIVE.size(); b++) {
            assertThat(NATIVE.get(b).reusedVerifications() - before[b])
                    .as(
                            "%s: verifications without a new initVerify",
                            NATIVE.get(b).name())
                    .isGreaterThanOrEqualTo(2L * rsa.size());
        }
    }

    /**
     * A thread's kept verifiers are held softly (pooled threads and a container's class loader are not pinned): when
     * they are gone, as the collector may drop them, the next verification makes a new one, answers as Bouncy Castle
     * does, and the thread reuses verifiers again.
     */
    @Example
    void keptVerifiersDropped_theNextVerificationStartsAfresh() throws Exception {
        requireNativeBackends();
        byte[] message = "tbs".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int k = 0;
        while (KEYS.get(k).ec() || KEYS.get(k).label().startsWith("rsa768")) {
            k++;
        }
        Case c = new Case(k, k, Algorithm.RSA_SHA256, Damage.NONE, message, 0);
        agree(c); // a verifier kept for this key
        long[] before = NATIVE.stream()
                .mapToLong(NativeSignatureBackend::reusedVerifications)
                .toArray();
        NATIVE.forEach(NativeSignatureBackend::forgetKeptVerifiers);
        assertThat(agree(c).reference()).isTrue();
        for (int b = 0; b < NATIVE.size(); b++) {
            assertThat(NATIVE.get(b).reusedVerifications()).as("a new verifier").isEqualTo(before[b]);
        }
        assertThat(agree(new Case(k, k, Algorithm.RSA_SHA256, Damage.FLIP_MESSAGE_BIT, message, 1))
                        .reference())
                .isFalse();
        for (int b = 0; b < NATIVE.size(); b++) {
            assertThat(NATIVE.get(b).reusedVerifications()).as("kept again").isGreaterThan(before[b]);
        }
    }

    @Example
    void aDigestInfoWithoutNullParametersVerifiesWithBouncyCastleOnly() throws Exception {
        requireNativeBackends();
        Key rsa = KEYS.stream()
                .filter(k -> k.label().equals("rsa2048e65537"))
                .findFirst()
                .orElseThrow();
        byte[] message = "tbs".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Case c = new Case(0, 0, Algorithm.RSA_SHA256, Damage.DIGEST_INFO_WITHOUT_NULL, message, 0);
        byte[] signature = rsaWithDigestInfo(rsa, c, message);
        SignatureAlgorithm algorithm = Algorithm.RSA_SHA256.id();
        assertThat(BC.verifies(algorithm, rsa.verifying(), message, signature))
                .as("BC tolerates the absent NULL")
                .isTrue();
        for (NativeSignatureBackend backend : NATIVE) {
            assertThat(backend.takes(algorithm, rsa.verifying(), signature)).isTrue();
            assertThat(backend.verifies(algorithm, rsa.verifying(), message, signature))
                    .as(backend.name())
                    .isFalse();
        }
    }

    /** The backends {@link NativeVerifications#providers()} names must all have loaded, and there must be one. */
    private static void requireNativeBackends() {
        assertThat(NATIVE).extracting(SignatureBackend::name).containsAll(NativeVerifications.providers());
        Assume.that(!NATIVE.isEmpty());
    }

    /** A signature by {@code key} as {@code c} describes, damaged as it says. */
    private static byte[] sign(Key key, Case c, byte[] message) throws Exception {
        if (key.ec() != c.algorithm().ec() || c.damage() == Damage.RANDOM_SIGNATURE) {
            // no such signature can be made: bytes of a plausible length
            byte[] random = new byte[c.algorithm().ec() ? 70 + c.position() % 70 : 64 + c.position() % 200];
            new java.util.Random(c.position()).nextBytes(random);
            return random;
        }
        if (!key.ec() && (c.damage() == Damage.DIGEST_INFO_WITHOUT_NULL || c.damage() == Damage.WRONG_DIGEST_OID)) {
            return rsaWithDigestInfo(key, c, message);
        }
        Signature s = Signature.getInstance(c.algorithm().jca, BCP);
        s.initSign(key.signing());
        s.update(message);
        byte[] sig = s.sign();
        int at = c.position() % sig.length;
        return switch (c.damage()) {
            case FLIP_SIGNATURE_BIT -> {
                sig[at] ^= (byte) (1 << (c.position() % 8));
                yield sig;
            }
            case TRUNCATE -> Arrays.copyOf(sig, at);
            case LEADING_ZERO_STRIPPED -> !key.ec() && sig[0] == 0 ? Arrays.copyOfRange(sig, 1, sig.length) : sig;
            case APPEND_BYTE -> Arrays.copyOf(sig, sig.length + 1);
            case LONG_FORM_LENGTH, PADDED_R, NEGATIVE_S, HIGH_S, ZERO_R, S_IS_ORDER, BER_INDEFINITE ->
                key.ec() ? reencode(sig, key.order(), c.damage()) : sig;
            default -> sig;
        };
    }

    /** An ECDSA signature re-encoded or altered in its r/s values. */
    private static byte[] reencode(byte[] der, BigInteger n, Damage damage) throws Exception {
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        BigInteger r = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
        byte[] rBytes = r.toByteArray();
        byte[] sBytes = s.toByteArray();
        return switch (damage) {
            case LONG_FORM_LENGTH ->
                sequence(
                        new byte[] {(byte) 0x81, (byte) (2 + rBytes.length + 2 + sBytes.length)},
                        integer(rBytes),
                        integer(sBytes));
            case PADDED_R -> sequence(null, integer(concat(new byte[] {0}, rBytes)), integer(sBytes));
            case NEGATIVE_S ->
                sequence(
                        null,
                        integer(rBytes),
                        integer(
                                sBytes[0] == 0
                                        ? Arrays.copyOfRange(sBytes, 1, sBytes.length)
                                        : concat(new byte[] {(byte) 0xff}, sBytes)));
            case HIGH_S ->
                new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(n.subtract(s))}).getEncoded();
            case ZERO_R ->
                new DERSequence(new ASN1Integer[] {new ASN1Integer(BigInteger.ZERO), new ASN1Integer(s)}).getEncoded();
            case S_IS_ORDER -> new DERSequence(new ASN1Integer[] {new ASN1Integer(r), new ASN1Integer(n)}).getEncoded();
            case BER_INDEFINITE ->
                concat(new byte[] {0x30, (byte) 0x80}, integer(rBytes), integer(sBytes), new byte[] {0, 0});
            default -> der;
        };
    }

    /** PKCS #1 v1.5 over a hand-made DigestInfo: without the NULL parameters, or naming another digest. */
    private static byte[] rsaWithDigestInfo(Key key, Case c, byte[] message) throws Exception {
        String digest = c.algorithm()
                .jca
                .substring(0, c.algorithm().jca.indexOf("with"))
                .replace("SHA", "SHA-");
        byte[] hash = java.security.MessageDigest.getInstance(digest).digest(message);
        ASN1ObjectIdentifier oid = new org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder()
                .find(digest)
                .getAlgorithm();
        AlgorithmIdentifier id = c.damage() == Damage.DIGEST_INFO_WITHOUT_NULL
                ? new AlgorithmIdentifier(oid)
                : new AlgorithmIdentifier(
                        new ASN1ObjectIdentifier("1.2.840.113549.2.5"), DERNull.INSTANCE); // MD5's OID
        Signature raw = Signature.getInstance("NONEwithRSA", BCP);
        raw.initSign(key.signing());
        raw.update(new DigestInfo(id, hash).getEncoded());
        return raw.sign();
    }

    /** A message whose RSA signature by {@code key} starts with a zero octet (one in 256 do). */
    private static byte[] messageWithLeadingZeroSignature(Key key, Case c) throws Exception {
        Signature s = Signature.getInstance(c.algorithm().jca, BCP);
        byte[] message = Arrays.copyOf(c.message(), c.message().length + 2);
        for (int i = 0; i < 5_000; i++) {
            message[message.length - 2] = (byte) (i >> 8);
            message[message.length - 1] = (byte) i;
            s.initSign(key.signing());
            s.update(message);
            if (s.sign()[0] == 0) {
                return message;
            }
        }
        return message;
    }

    private static byte[] integer(byte[] value) {
        return concat(new byte[] {0x02, (byte) value.length}, value);
    }

    private static byte[] sequence(byte[] longLength, byte[]... parts) {
        byte[] body = concat(parts);
        return concat(new byte[] {0x30}, longLength != null ? longLength : new byte[] {(byte) body.length}, body);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static List<Key> keys() {
        try {
            List<Key> keys = new ArrayList<>();
            for (String curve : List.of("secp256r1", "secp384r1", "secp521r1", "secp224r1")) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BCP);
                g.initialize(new ECGenParameterSpec(curve));
                KeyPair kp = g.generateKeyPair();
                BigInteger n = ((org.bouncycastle.jce.interfaces.ECPublicKey) kp.getPublic())
                        .getParameters()
                        .getN();
                keys.add(new Key(
                        curve,
                        kp.getPrivate(),
                        PublicKeyInfo.fromDer(kp.getPublic().getEncoded()),
                        true,
                        n));
                if (curve.equals("secp256r1")) {
                    // the same key with its point compressed (Bouncy Castle decodes it; left to BC)
                    SubjectPublicKeyInfo spki =
                            SubjectPublicKeyInfo.getInstance(kp.getPublic().getEncoded());
                    byte[] compressed = ((org.bouncycastle.jce.interfaces.ECPublicKey) kp.getPublic())
                            .getQ()
                            .getEncoded(true);
                    keys.add(new Key(
                            "secp256r1 compressed",
                            kp.getPrivate(),
                            PublicKeyInfo.fromDer(
                                    new SubjectPublicKeyInfo(spki.getAlgorithm(), compressed).getEncoded()),
                            true,
                            n));
                }
            }
            for (int[] rsa : new int[][] {{2048, 65537}, {1024, 65537}, {768, 65537}, {2048, 3}, {3072, 65537}}) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", BCP);
                g.initialize(new RSAKeyGenParameterSpec(rsa[0], BigInteger.valueOf(rsa[1])));
                KeyPair kp = g.generateKeyPair();
                keys.add(new Key(
                        "rsa" + rsa[0] + "e" + rsa[1],
                        kp.getPrivate(),
                        PublicKeyInfo.fromDer(kp.getPublic().getEncoded()),
                        false,
                        null));
            }
            return List.copyOf(keys);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
