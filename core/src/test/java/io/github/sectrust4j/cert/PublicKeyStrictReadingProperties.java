package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;

/**
 * {@link PublicKeyInfo#fromStrictDer} (the SPKI read straight from the bytes) answers exactly as
 * {@link PublicKeyInfo#from(SubjectPublicKeyInfo)} of the same bytes parsed by Bouncy Castle, in every field, or
 * leaves the key to that reading (null): over the keys of real and minted certificates, RSA keys of every size and
 * EC points on the five curves (and off them), and the same keys damaged.
 */
class PublicKeyStrictReadingProperties {
    private static final List<String> CURVES =
            List.of(Oids.SECP192R1, Oids.SECP224R1, Oids.SECP256R1, Oids.SECP384R1, Oids.SECP521R1);

    /** The keys of the scenario catalogue's and the robustness seeds' certificates (real Apple roots among them). */
    static final List<byte[]> CERTIFICATE_KEYS = certificateKeys();

    private static List<byte[]> certificateKeys() {
        List<byte[]> out = new ArrayList<>();
        for (byte[] der : StrictTbsReaderProperties.SEEDS) {
            try {
                out.add(org.bouncycastle.asn1.x509.Certificate.getInstance(Asn1.parse(der))
                        .getSubjectPublicKeyInfo()
                        .getEncoded(ASN1Encoding.DER));
            } catch (Exception e) {
                // a seed Bouncy Castle does not parse has no key to compare
            }
        }
        return List.copyOf(out);
    }

    @Provide
    Arbitrary<byte[]> spki() {
        return Arbitraries.oneOf(
                Arbitraries.of(CERTIFICATE_KEYS),
                Arbitraries.longs().map(PublicKeyStrictReadingProperties::rsaKey),
                Arbitraries.longs().map(PublicKeyStrictReadingProperties::ecKey));
    }

    @Property(tries = 1_500)
    void keys_readStrictly_answerAsBouncyCastlesReading(@ForAll("spki") byte[] spki) {
        Statistics.label("reading").collect(assertSameKey(spki, new Random(spki.length)));
        Statistics.label("reading").coverage(c -> {
            c.check("strict RSA").percentage(p -> p > 20);
            c.check("strict EC").percentage(p -> p > 20);
        });
    }

    /** Damage that keeps the lengths consistent reaches every rule of the reading (lengths, INTEGERs, unused bits). */
    @Property(tries = 3_000)
    void damagedKeys_sameKeyOrLeftToBouncyCastle(@ForAll("spki") byte[] spki, @ForAll long randomSeed) {
        Random random = new Random(randomSeed);
        byte[] d = DerTreeMutation.mutate(spki, random);
        Statistics.label("reading").collect(d == null || d.length == 0 ? "not mutated" : assertSameKey(d, random));
        Statistics.label("reading").coverage(c -> {
            c.check("strict RSA").count(n -> n > 20);
            c.check("strict EC").count(n -> n > 20);
            c.check("bouncy castle").percentage(p -> p > 10);
            c.check("refused").percentage(p -> p > 5);
            c.check("not mutated").percentage(p -> p < 10);
        });
    }

    @Property(tries = 1_000)
    void flippedBytes_sameKeyOrLeftToBouncyCastle(
            @ForAll("spki") byte[] spki,
            @ForAll @IntRange(min = 0, max = 100_000) int pos,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] d = spki.clone();
        d[pos % d.length] ^= (byte) xor;
        Statistics.collect(assertSameKey(d, new Random(pos)));
        Statistics.coverage(c -> {
            c.check("strict RSA").count(n -> n > 0);
            c.check("bouncy castle").count(n -> n > 0);
        });
    }

    /** Each shape the strict reading does not take is left to Bouncy Castle, which classifies it as before. */
    @Example
    void otherShapes_leftToBouncyCastle() throws Exception {
        BigInteger n = BigInteger.ONE.shiftLeft(2047).setBit(0);
        ASN1ObjectIdentifier rsa = new ASN1ObjectIdentifier(Oids.RSA_ENCRYPTION);
        X9ECParameters p256 = CustomNamedCurves.getByOID(new ASN1ObjectIdentifier(Oids.SECP256R1));
        byte[] point = p256.getG().getEncoded(false);
        List<byte[]> others = List.of(
                // rsaEncryption without the NULL parameters
                spki(new AlgorithmIdentifier(rsa), new RSAPublicKey(n, BigInteger.valueOf(65537))),
                // a negative modulus (Bouncy Castle reads its magnitude)
                spki(new AlgorithmIdentifier(rsa, DERNull.INSTANCE), new RSAPublicKey(n.negate(), BigInteger.TEN)),
                // secp256k1: a curve Apple does not support
                new SubjectPublicKeyInfo(
                                new AlgorithmIdentifier(
                                        new ASN1ObjectIdentifier(Oids.EC_PUBLIC_KEY),
                                        new ASN1ObjectIdentifier("1.3.132.0.10")),
                                point)
                        .getEncoded(ASN1Encoding.DER),
                // explicit curve parameters
                new SubjectPublicKeyInfo(
                                new AlgorithmIdentifier(new ASN1ObjectIdentifier(Oids.EC_PUBLIC_KEY), p256), point)
                        .getEncoded(ASN1Encoding.DER),
                // Ed25519
                new SubjectPublicKeyInfo(new AlgorithmIdentifier(new ASN1ObjectIdentifier(Oids.ED25519)), new byte[32])
                        .getEncoded(ASN1Encoding.DER));
        for (byte[] d : others) {
            assertThat(PublicKeyInfo.fromStrictDer(d, 0, d.length))
                    .as(HexFormat.of().formatHex(d))
                    .isNull();
            assertThat(assertSameKey(d, new Random(1))).isEqualTo("bouncy castle");
        }
    }

    /** The RSA key verifiers use is decoded on first use, to the key the eager reading decoded. */
    @Example
    void rsaKey_decodedOnFirstUse_isTheEagerOne() {
        for (long seed = 0; seed < 50; seed++) {
            byte[] d = rsaKey(seed);
            PublicKeyInfo strict = PublicKeyInfo.fromStrictDer(d, 0, d.length);
            PublicKeyInfo eager = PublicKeyInfo.fromDer(d);
            assertThat(strict).isNotNull();
            assertThat(strict.rsaKeyInternal())
                    .isEqualTo(eager.rsaKeyInternal())
                    .isNotNull();
            assertThat(strict.rsaKeyInternal()).isSameAs(strict.rsaKeyInternal());
        }
    }

    /**
     * Compares the two readings of {@code spki} (placed inside other bytes, so the reading keeps to its bounds); which
     * reading answered.
     */
    private static String assertSameKey(byte[] spki, Random random) {
        byte[] buffer = new byte[spki.length + random.nextInt(4) + random.nextInt(4)];
        random.nextBytes(buffer);
        int at = random.nextInt(buffer.length - spki.length + 1);
        System.arraycopy(spki, 0, buffer, at, spki.length);
        byte[] before = buffer.clone();
        PublicKeyInfo strict = PublicKeyInfo.fromStrictDer(buffer, at, at + spki.length);
        assertThat(buffer).isEqualTo(before);
        PublicKeyInfo bc;
        try {
            bc = PublicKeyInfo.from(SubjectPublicKeyInfo.getInstance(Asn1.parse(spki)));
        } catch (Exception e) {
            assertThat(strict)
                    .as("Bouncy Castle refuses " + HexFormat.of().formatHex(spki))
                    .isNull();
            return "refused";
        }
        if (strict == null) {
            return "bouncy castle";
        }
        assertThat(describe(strict)).as(HexFormat.of().formatHex(spki)).isEqualTo(describe(bc));
        assertThat(strict).isEqualTo(bc).hasSameHashCodeAs(bc);
        assertThat(bc).isEqualTo(strict);
        return strict.algorithm() == KeyAlgorithm.RSA ? "strict RSA" : "strict EC";
    }

    private static List<Object> describe(PublicKeyInfo k) {
        RSAPublicKey rsa = k.rsaKeyInternal();
        return List.of(
                k.algorithm(),
                k.algorithmOid(),
                k.parseable(),
                k.sizeBytes(),
                k.bits(),
                k.curveOid(),
                k.curveName(),
                HexFormat.of().formatHex(k.spkiDer()),
                k.spkiSha256Hex(),
                k.subjectPublicKeySha1Hex(),
                k.isWeak(),
                k.isStrong(),
                k.meetsSslMinimum(),
                k.rsaOrEcAtLeast(2048, 256),
                k.toString(),
                rsa == null ? "no RSA key" : rsa.getModulus() + " " + rsa.getPublicExponent());
    }

    /** An rsaEncryption SPKI: a modulus of any size 0..4200 bits (some with the top bit of a byte set), any exponent. */
    static byte[] rsaKey(long seed) {
        Random r = new Random(seed);
        int bits = switch (r.nextInt(4)) {
            case 0 -> r.nextInt(4200);
            case 1 -> r.nextInt(17);
            default -> new int[] {512, 1023, 1024, 2047, 2048, 3072, 4096}[r.nextInt(7)];
        };
        BigInteger n = bits == 0 ? BigInteger.ZERO : new BigInteger(bits, r).setBit(bits - 1);
        BigInteger e = r.nextBoolean() ? BigInteger.valueOf(65537) : new BigInteger(1 + r.nextInt(40), r);
        return spki(
                new AlgorithmIdentifier(new ASN1ObjectIdentifier(Oids.RSA_ENCRYPTION), DERNull.INSTANCE),
                new RSAPublicKey(n, e));
    }

    /** An id-ecPublicKey SPKI on one of the five curves: a point on it (either form), or bytes that may not be one. */
    static byte[] ecKey(long seed) {
        Random r = new Random(seed);
        String curve = CURVES.get(r.nextInt(CURVES.size()));
        X9ECParameters params = CustomNamedCurves.getByOID(new ASN1ObjectIdentifier(curve));
        byte[] point;
        switch (r.nextInt(4)) {
            case 0, 1 ->
                point = params.getG()
                        .multiply(new BigInteger(params.getN().bitLength() - 1, r).add(BigInteger.ONE))
                        .normalize()
                        .getEncoded(r.nextInt(3) == 0);
            case 2 -> {
                point = params.getG().getEncoded(false);
                point[1 + r.nextInt(point.length - 1)] ^= (byte) (1 + r.nextInt(255));
            }
            default -> {
                point = new byte[r.nextInt(140)];
                r.nextBytes(point);
            }
        }
        try {
            return new SubjectPublicKeyInfo(
                            new AlgorithmIdentifier(
                                    new ASN1ObjectIdentifier(Oids.EC_PUBLIC_KEY), new ASN1ObjectIdentifier(curve)),
                            point)
                    .getEncoded(ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] spki(AlgorithmIdentifier algorithm, ASN1Encodable key) {
        try {
            return new SubjectPublicKeyInfo(algorithm, key).getEncoded(ASN1Encoding.DER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
