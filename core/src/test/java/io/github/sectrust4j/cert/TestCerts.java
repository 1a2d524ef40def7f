package io.github.sectrust4j.cert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Builds certificates field by field, so tests can produce exactly the oddities Bouncy Castle's
 * high-level builders refuse (duplicate extensions, odd times, unknown versions). Signed with
 * ECDSA P-256/SHA-256 (or self-signed with its own key).
 */
final class TestCerts {
    static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    static final KeyPair KEY = generate();
    static final AlgorithmIdentifier ECDSA_SHA256 =
            new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.10045.4.3.2"));

    private TestCerts() {}

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mutable description of a TBSCertificate. */
    static final class Tbs {
        Integer version = 2; // v3; null = omit the [0] field
        BigInteger serial = BigInteger.valueOf(4711);
        AlgorithmIdentifier innerAlg = ECDSA_SHA256;
        AlgorithmIdentifier outerAlg = ECDSA_SHA256;
        ASN1Encodable issuer = new X500Name("CN=Test Root,O=Test");
        ASN1Encodable subject = new X500Name("CN=Test Root,O=Test");
        ASN1Primitive notBefore = time(0x17, "250101000000Z");
        ASN1Primitive notAfter = time(0x17, "350101000000Z");
        SubjectPublicKeyInfo spki =
                SubjectPublicKeyInfo.getInstance(KEY.getPublic().getEncoded());
        final List<ASN1Encodable> extensions = new ArrayList<>();

        Tbs ext(String oid, boolean critical, ASN1Encodable value) {
            try {
                return extRaw(oid, critical, value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Tbs extRaw(String oid, boolean critical, byte[] value) {
            ASN1EncodableVector v = new ASN1EncodableVector();
            v.add(new ASN1ObjectIdentifier(oid));
            if (critical) {
                v.add(ASN1Boolean.TRUE);
            }
            v.add(new DEROctetString(value));
            extensions.add(new DERSequence(v));
            return this;
        }

        byte[] tbsDer() {
            ASN1EncodableVector v = new ASN1EncodableVector();
            if (version != null) {
                v.add(new DERTaggedObject(true, 0, new ASN1Integer(version)));
            }
            v.add(new ASN1Integer(serial));
            v.add(innerAlg);
            v.add(issuer);
            v.add(new DERSequence(new ASN1Encodable[] {notBefore, notAfter}));
            v.add(subject);
            v.add(spki);
            if (!extensions.isEmpty()) {
                v.add(new DERTaggedObject(true, 3, new DERSequence(extensions.toArray(new ASN1Encodable[0]))));
            }
            try {
                return new DERSequence(v).getEncoded(ASN1Encoding.DER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        KeyPair signer = KEY;
        String jcaAlgorithm = "SHA256withECDSA";

        /** Signs with another key/algorithm; sets both inner and outer AlgorithmIdentifiers to {@code alg}. */
        Tbs signedWith(KeyPair key, String jcaName, AlgorithmIdentifier alg) {
            this.signer = key;
            this.jcaAlgorithm = jcaName;
            this.innerAlg = alg;
            this.outerAlg = alg;
            return this;
        }

        Tbs subjectKey(java.security.PublicKey key) {
            this.spki = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            return this;
        }

        byte[] der() {
            byte[] tbs = tbsDer();
            try {
                Signature s = Signature.getInstance(jcaAlgorithm, BC);
                if (jcaAlgorithm.contains("PSS")) {
                    s.setParameter(new java.security.spec.PSSParameterSpec(
                            "SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
                }
                s.initSign(signer.getPrivate());
                s.update(tbs);
                byte[] sig = s.sign();
                return new DERSequence(
                                new ASN1Encodable[] {ASN1Primitive.fromByteArray(tbs), outerAlg, new DERBitString(sig)})
                        .getEncoded(ASN1Encoding.DER);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        Certificate parse() {
            return Certificate.parse(der());
        }
    }

    static KeyPair keyPair(String algorithm, java.security.spec.AlgorithmParameterSpec spec, int size) {
        try {
            // the JDK ships precomputed DSA parameters; BC would generate them (seconds)
            KeyPairGenerator g = algorithm.equals("DSA")
                    ? KeyPairGenerator.getInstance(algorithm)
                    : KeyPairGenerator.getInstance(algorithm, BC);
            if (spec != null) {
                g.initialize(spec);
            } else if (size > 0) {
                g.initialize(size);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Tbs tbs() {
        return new Tbs();
    }

    /** A raw UTCTime (0x17) or GeneralizedTime (0x18) with exactly the given characters. */
    static ASN1Primitive time(int tag, String chars) {
        byte[] c = chars.getBytes(StandardCharsets.US_ASCII);
        byte[] enc = new byte[c.length + 2];
        enc[0] = (byte) tag;
        enc[1] = (byte) c.length;
        System.arraycopy(c, 0, enc, 2, c.length);
        try {
            return ASN1Primitive.fromByteArray(enc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
