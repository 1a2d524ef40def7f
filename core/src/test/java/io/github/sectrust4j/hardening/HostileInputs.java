package io.github.sectrust4j.hardening;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Hostile inputs shared by the hardening tests and the load harness ({@code cli.HostileBatchHarness}). */
public final class HostileInputs {
    private HostileInputs() {}

    /**
     * A small binary property list ({@code bplist00}) that materialises big: a top-level array holding
     * {@code references} references to one shared object — a data object of {@code dataBytes}, or a
     * one-entry dictionary when {@code dataBytes} is 0. Written by hand (no plist library writes shared
     * references on purpose).
     */
    public static byte[] sharedReferencesPlist(int references, int dataBytes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("bplist00".getBytes(StandardCharsets.US_ASCII));
        int[] offsets = new int[4];
        int refSize = 1;
        // object 0: the array, references all to object 1
        offsets[0] = b.size();
        b.write(0xAF);
        b.write(0x12); // count as a 4-byte integer
        b.writeBytes(ByteBuffer.allocate(4).putInt(references).array());
        for (int i = 0; i < references; i++) {
            b.write(1);
        }
        // object 1: the shared object
        offsets[1] = b.size();
        int objects;
        if (dataBytes > 0) {
            b.write(0x4F);
            b.write(0x12);
            b.writeBytes(ByteBuffer.allocate(4).putInt(dataBytes).array());
            b.writeBytes(new byte[dataBytes]);
            objects = 2;
        } else {
            b.write(0xD1); // one entry: key object 2, value object 3
            b.write(2);
            b.write(3);
            offsets[2] = b.size();
            b.write(0x51);
            b.write('k');
            offsets[3] = b.size();
            b.write(0x09); // true
            objects = 4;
        }
        int table = b.size();
        for (int i = 0; i < objects; i++) {
            b.writeBytes(ByteBuffer.allocate(4).putInt(offsets[i]).array());
        }
        ByteBuffer trailer = ByteBuffer.allocate(32);
        trailer.position(6);
        trailer.put((byte) 4).put((byte) refSize).putLong(objects).putLong(0).putLong(table);
        b.writeBytes(trailer.array());
        return b.toByteArray();
    }

    /**
     * The same RSA key pair with the public exponent raised by a multiple of λ(n) (to about 60,000 bits):
     * every signature of the private key verifies under it, at a huge cost (~30 times a normal
     * 2048-bit verification) — only a key bound can refuse it. The public key carries just its SubjectPublicKeyInfo (the JDK refuses such a key).
     */
    public static KeyPair withHugeEquivalentExponent(KeyPair real) throws java.io.IOException {
        RSAPrivateCrtKey priv = (RSAPrivateCrtKey) real.getPrivate();
        BigInteger p1 = priv.getPrimeP().subtract(BigInteger.ONE);
        BigInteger q1 = priv.getPrimeQ().subtract(BigInteger.ONE);
        BigInteger lambda = p1.multiply(q1).divide(p1.gcd(q1));
        BigInteger hugeE = priv.getPublicExponent().add(lambda.shiftLeft(60_000));
        byte[] spki = new SubjectPublicKeyInfo(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                        new org.bouncycastle.asn1.pkcs.RSAPublicKey(priv.getModulus(), hugeE))
                .getEncoded();
        PublicKey pub = new PublicKey() {
            @Override
            public String getAlgorithm() {
                return "RSA";
            }

            @Override
            public String getFormat() {
                return "X.509";
            }

            @Override
            public byte[] getEncoded() {
                return spki.clone();
            }
        };
        return new KeyPair(pub, priv);
    }
}
