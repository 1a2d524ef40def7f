package io.github.sectrust4j.hardening;

import java.math.BigInteger;
import java.util.Random;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Hand-made certificates no CA tool would mint: oversized RSA keys, arbitrary signature bytes. */
final class Crafted {
    private Crafted() {}

    static final AlgorithmIdentifier SHA256_RSA =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);

    /** A v1 self-issued certificate carrying RSA key (n, e); its signature is junk. */
    static byte[] certWithRsaKey(String cn, BigInteger n, BigInteger e) throws Exception {
        SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE), new RSAPublicKey(n, e));
        return cert(cn, cn, spki, new byte[16]);
    }

    /** A certificate issued (by name) by {@code issuerCn}, claiming sha256WithRSA, with random signature bytes. */
    static byte[] childWithRsaSignature(String issuerCn, int signatureBytes) throws Exception {
        byte[] sig = new byte[signatureBytes];
        new Random(7).nextBytes(sig);
        sig[0] = 0x01;
        SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPublicKey(BigInteger.valueOf(3233), BigInteger.valueOf(17)));
        return cert("example.com", issuerCn, spki, sig);
    }

    /** A certificate issued (by name) by {@code issuerCn} and really signed (sha256WithRSA) with {@code key}. */
    static byte[] childSignedBy(String issuerCn, java.security.PrivateKey key) throws Exception {
        SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPublicKey(BigInteger.valueOf(3233), BigInteger.valueOf(17)));
        DERSequence tbs = tbs("example.com", issuerCn, spki);
        java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(tbs.getEncoded("DER"));
        return assemble(tbs, signer.sign());
    }

    static byte[] cert(String subjectCn, String issuerCn, SubjectPublicKeyInfo spki, byte[] signature)
            throws Exception {
        return assemble(tbs(subjectCn, issuerCn, spki), signature);
    }

    /** A certificate issued (by name) by {@code issuerCn} claiming {@code algorithm}, with these signature bytes. */
    static byte[] certWithAlgorithm(String subjectCn, String issuerCn, AlgorithmIdentifier algorithm, byte[] signature)
            throws Exception {
        SubjectPublicKeyInfo spki = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new RSAPublicKey(BigInteger.valueOf(3233), BigInteger.valueOf(17)));
        return assemble(tbs(subjectCn, issuerCn, spki, algorithm), signature, algorithm);
    }

    private static byte[] assemble(DERSequence tbs, byte[] signature) throws Exception {
        return assemble(tbs, signature, SHA256_RSA);
    }

    private static byte[] assemble(DERSequence tbs, byte[] signature, AlgorithmIdentifier algorithm) throws Exception {
        ASN1EncodableVector cert = new ASN1EncodableVector();
        cert.add(tbs);
        cert.add(algorithm);
        cert.add(new DERBitString(signature));
        return new DERSequence(cert).getEncoded("DER");
    }

    private static DERSequence tbs(String subjectCn, String issuerCn, SubjectPublicKeyInfo spki) {
        return tbs(subjectCn, issuerCn, spki, SHA256_RSA);
    }

    private static DERSequence tbs(
            String subjectCn, String issuerCn, SubjectPublicKeyInfo spki, AlgorithmIdentifier algorithm) {
        ASN1EncodableVector tbs = new ASN1EncodableVector();
        tbs.add(new DERTaggedObject(true, 0, new ASN1Integer(2)));
        tbs.add(new ASN1Integer(new BigInteger(64, new Random(subjectCn.hashCode())).add(BigInteger.ONE)));
        tbs.add(algorithm);
        tbs.add(new X500Name("CN=" + issuerCn));
        ASN1EncodableVector validity = new ASN1EncodableVector();
        validity.add(new DERUTCTime("250101000000Z"));
        validity.add(new DERUTCTime("260101000000Z"));
        tbs.add(new DERSequence(validity));
        tbs.add(new X500Name("CN=" + subjectCn));
        tbs.add(spki);
        return new DERSequence(tbs);
    }
}
