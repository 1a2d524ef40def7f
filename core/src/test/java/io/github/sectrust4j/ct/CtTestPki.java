package io.github.sectrust4j.ct;

import com.google.common.hash.Hashing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Minimal CT test PKI: an issuer, test logs that sign SCTs, and leaves minted the way a CA does it
 * (precertificate with the poison extension, SCTs over the precert TBS without the poison, then the
 * final certificate with the SCT list at the poison's position). Built with Bouncy Castle's TBS
 * generator, independently of the evaluator's byte-level TBS reconstruction.
 */
final class CtTestPki {
    private static final AlgorithmIdentifier ECDSA_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    private static final AtomicLong SERIAL = new AtomicLong(1000);

    private CtTestPki() {
    }

    static KeyPair ecKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsaKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sign(String alg, PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CA that issues leaves. */
    record Issuer(KeyPair key, X500Name name) {
        static Issuer create(String cn) {
            return new Issuer(ecKey(), new X500Name("CN=" + cn + ",O=CT Test"));
        }

        byte[] spki() {
            return key.getPublic().getEncoded();
        }
    }

    /** A test CT log with its own key. */
    record TestLog(KeyPair key, String operator, String description, boolean rsa) {
        static TestLog ec(String operator, String description) {
            return new TestLog(ecKey(), operator, description, false);
        }

        static TestLog rsa(String operator, String description) {
            return new TestLog(rsaKey(), operator, description, true);
        }

        byte[] spki() {
            return key.getPublic().getEncoded();
        }

        LogId id() {
            return LogId.ofSpki(spki());
        }

        CtLog usable() {
            return CtLog.usable(spki(), operator, description);
        }

        CtLog in(CtLogState state, Instant at) {
            return CtLog.of(spki(), operator, description, state, at);
        }

        /** A v1 SCT over a signed entry (entry_type + entry body), SHA-256. */
        byte[] sct(long timestampMillis, byte[] entry) {
            return sct(timestampMillis, entry, new byte[0]);
        }

        byte[] sct(long timestampMillis, byte[] entry, byte[] extensions) {
            byte[] logId = id().bytes();
            ByteArrayOutputStream tbs = new ByteArrayOutputStream();
            tbs.write(0);
            tbs.write(0);
            writeLong(tbs, timestampMillis);
            tbs.writeBytes(entry);
            writeU16(tbs, extensions.length);
            tbs.writeBytes(extensions);
            byte[] sig = sign(rsa ? "SHA256withRSA" : "SHA256withECDSA", key.getPrivate(), tbs.toByteArray());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0);
            out.writeBytes(logId);
            writeLong(out, timestampMillis);
            writeU16(out, extensions.length);
            out.writeBytes(extensions);
            out.write(4); // sha256
            out.write(rsa ? 1 : 3);
            writeU16(out, sig.length);
            out.writeBytes(sig);
            return out.toByteArray();
        }

        /** An SCT for the precert entry of this issuer key and precert TBS. */
        byte[] precertSct(long timestampMillis, byte[] issuerSpki, byte[] precertTbs) {
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            writeU16(e, 1);
            e.writeBytes(Hashing.sha256().hashBytes(issuerSpki).asBytes());
            writeU24(e, precertTbs.length);
            e.writeBytes(precertTbs);
            return sct(timestampMillis, e.toByteArray());
        }

        /** An SCT for the x509 entry of this certificate. */
        byte[] x509Sct(long timestampMillis, byte[] certDer) {
            ByteArrayOutputStream e = new ByteArrayOutputStream();
            writeU16(e, 0);
            writeU24(e, certDer.length);
            e.writeBytes(certDer);
            return sct(timestampMillis, e.toByteArray());
        }
    }

    /** One SCT to embed: which log signs it and when. */
    record EmbeddedSct(TestLog log, Instant timestamp) {
    }

    /**
     * A minted leaf: the final certificate, the precertificate (with the poison), the TBS the logs
     * signed, and the SCTs embedded in the final certificate.
     */
    record Minted(byte[] der, byte[] precertDer, byte[] loggedTbs, List<byte[]> scts) {
    }

    /** A TLS-encoded SignedCertificateTimestampList. */
    static byte[] tlsList(List<byte[]> scts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] s : scts) {
            writeU16(body, s.length);
            body.writeBytes(s);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeU16(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** A self-signed certificate for the issuer (its key is what matters to CT). */
    static byte[] issuerCertificate(Issuer issuer, Instant notBefore, Instant notAfter) {
        V3TBSCertificateGenerator g = new V3TBSCertificateGenerator();
        g.setSerialNumber(new ASN1Integer(SERIAL.incrementAndGet()));
        g.setSignature(ECDSA_SHA256);
        g.setIssuer(issuer.name());
        g.setStartDate(new Time(Date.from(notBefore)));
        g.setEndDate(new Time(Date.from(notAfter)));
        g.setSubject(issuer.name());
        g.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(issuer.spki()));
        g.setExtensions(new Extensions(ext(Extension.basicConstraints, true, new BasicConstraints(true))));
        return signed(issuer, g.generateTBSCertificate());
    }

    /** A leaf without embedded SCTs. */
    static byte[] plainLeaf(Issuer issuer, Instant notBefore, Instant notAfter) {
        return mint(issuer, notBefore, notAfter, List.of()).der();
    }

    /**
     * Mints a leaf the way a CA issues a CT certificate: the listed logs sign the precertificate TBS
     * (extensions subjectAltName, basicConstraints, [SCT position], extKeyUsage-free), then the final
     * certificate carries the SCT list at the poison's position (between the two).
     */
    static Minted mint(Issuer issuer, Instant notBefore, Instant notAfter, List<EmbeddedSct> scts) {
        KeyPair leafKey = ecKey();
        BigInteger serial = BigInteger.valueOf(SERIAL.incrementAndGet());
        Extension san = ext(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "ct.example.test")));
        Extension bc = ext(Extension.basicConstraints, true, new BasicConstraints(false));
        Extension ku = ext(Extension.keyUsage, true, new org.bouncycastle.asn1.x509.KeyUsage(
                org.bouncycastle.asn1.x509.KeyUsage.digitalSignature));
        // The precertificate carries the poison (1.3.6.1.4.1.11129.2.4.3, critical NULL) between SAN and
        // basicConstraints; logs sign its TBS with the poison removed (RFC 6962 §3.2): the same fields and
        // the other extensions in order, which is what the generator builds here.
        Extension poison = ext(SctLists.PRECERT_POISON, true, DERNull.INSTANCE);
        byte[] precertDer = signed(issuer, tbs(issuer, leafKey, serial, notBefore, notAfter, san, poison, bc, ku));
        TBSCertificate loggedTbs = tbs(issuer, leafKey, serial, notBefore, notAfter, san, bc, ku);
        byte[] logged = encode(loggedTbs);
        List<byte[]> sctBytes = new ArrayList<>();
        for (EmbeddedSct s : scts) {
            sctBytes.add(s.log().precertSct(s.timestamp().toEpochMilli(), issuer.spki(), logged));
        }
        List<Extension> finalExts = new ArrayList<>(List.of(san));
        if (!scts.isEmpty()) {
            finalExts.add(new Extension(SctLists.EMBEDDED_SCT_LIST, false,
                    new DEROctetString(encode(new DEROctetString(tlsList(sctBytes))))));
        }
        finalExts.add(bc);
        finalExts.add(ku);
        TBSCertificate finalTbs = tbs(issuer, leafKey, serial, notBefore, notAfter, finalExts.toArray(new Extension[0]));
        return new Minted(signed(issuer, finalTbs), precertDer, logged, sctBytes);
    }

    /** Mints a leaf whose embedded SCT extension holds these exact extension-value bytes. */
    static byte[] leafWithSctExtensionValue(Issuer issuer, Instant notBefore, Instant notAfter, byte[] extnValue) {
        KeyPair leafKey = ecKey();
        Extension sctExt = new Extension(SctLists.EMBEDDED_SCT_LIST, false, new DEROctetString(extnValue));
        return signed(issuer, tbs(issuer, leafKey, BigInteger.valueOf(SERIAL.incrementAndGet()), notBefore, notAfter,
                ext(Extension.basicConstraints, true, new BasicConstraints(false)), sctExt));
    }

    private static TBSCertificate tbs(Issuer issuer, KeyPair leafKey, BigInteger serial, Instant nb, Instant na,
                                      Extension... exts) {
        V3TBSCertificateGenerator g = new V3TBSCertificateGenerator();
        g.setSerialNumber(new ASN1Integer(serial));
        g.setSignature(ECDSA_SHA256);
        g.setIssuer(issuer.name());
        g.setStartDate(new Time(Date.from(nb)));
        g.setEndDate(new Time(Date.from(na)));
        g.setSubject(new X500Name("CN=ct.example.test"));
        g.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(leafKey.getPublic().getEncoded()));
        g.setExtensions(new Extensions(exts));
        return g.generateTBSCertificate();
    }

    private static byte[] signed(Issuer issuer, TBSCertificate tbs) {
        byte[] t = encode(tbs);
        byte[] sig = sign("SHA256withECDSA", issuer.key().getPrivate(), t);
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(tbs);
        v.add(ECDSA_SHA256);
        v.add(new DERBitString(sig));
        return encode(new DERSequence(v));
    }

    static Extension ext(org.bouncycastle.asn1.ASN1ObjectIdentifier oid, boolean critical,
                         org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            return new Extension(oid, critical, new DEROctetString(value.toASN1Primitive().getEncoded("DER")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(org.bouncycastle.asn1.ASN1Encodable o) {
        try {
            return o.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeU16(ByteArrayOutputStream o, int v) {
        o.write((v >>> 8) & 0xff);
        o.write(v & 0xff);
    }

    static void writeU24(ByteArrayOutputStream o, int v) {
        o.write((v >>> 16) & 0xff);
        writeU16(o, v & 0xffff);
    }

    static void writeLong(ByteArrayOutputStream o, long v) {
        for (int s = 56; s >= 0; s -= 8) {
            o.write((int) (v >>> s) & 0xff);
        }
    }
}
