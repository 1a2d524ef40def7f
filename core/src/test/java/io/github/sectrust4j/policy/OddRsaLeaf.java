package io.github.sectrust4j.policy;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.bc.BouncyCastle;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A leaf with an RSA key of any bit size (e.g. 2047), issued by an EC fixture CA. Deterministic (seeded SHA1PRNG). */
final class OddRsaLeaf {
    private OddRsaLeaf() {}

    static Certificate issue(int bits, HeldCertificate issuer) throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(bits);
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits, random);
        KeyPair kp = g.generateKeyPair();
        Instant nb = Instant.parse("2025-05-31T00:00:00Z");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                BouncyCastle.subject(issuer),
                BigInteger.valueOf(bits),
                Date.from(nb),
                Date.from(nb.plusSeconds(3 * 86_400L)),
                new X500Name("CN=k.example.org"),
                kp.getPublic());
        b.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, "k.example.org")));
        b.addExtension(
                Extension.extendedKeyUsage,
                false,
                new org.bouncycastle.asn1.x509.ExtendedKeyUsage(
                        org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_serverAuth));
        byte[] der = b.build(new JcaContentSignerBuilder("SHA256withECDSA")
                        .build(issuer.keyPair().getPrivate()))
                .getEncoded();
        Certificate c = Certificate.parse(der);
        if (c.publicKey().bits() != bits) {
            throw new IllegalStateException(
                    "expected a " + bits + "-bit modulus, got " + c.publicKey().bits());
        }
        return c;
    }
}
