package io.github.sectrust4j.revocation;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Minimal local test-PKI minting with Bouncy Castle (the shared fixtures module's OCSP builder is
 * not on main yet). EC P-256 keys, deterministic serials.
 */
final class TestPki {
    static final Instant NOW = Instant.parse("2024-05-01T00:00:00Z");
    static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final AtomicLong SERIALS = new AtomicLong(0x1000);

    private TestPki() {
    }

    static KeyPair key() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate builder with sensible defaults: valid NOW − 30 d to NOW + 365 d. */
    static final class Cert {
        private String subject = "CN=Test " + SERIALS.get();
        private X500Name issuerName;
        private PrivateKey issuerKey;
        private PublicKey publicKey;
        private Instant notBefore = NOW.minusSeconds(30L * 86400);
        private Instant notAfter = NOW.plusSeconds(365L * 86400);
        private Boolean ca;
        private Integer keyUsage;
        private KeyPurposeId eku;
        private boolean ocspNoCheck;
        private BigInteger serial = BigInteger.valueOf(SERIALS.incrementAndGet());

        Cert subject(String s) {
            subject = s;
            return this;
        }

        Cert key(PublicKey k) {
            publicKey = k;
            return this;
        }

        Cert issuedBy(X509CertificateHolder issuer, PrivateKey key) {
            issuerName = issuer.getSubject();
            issuerKey = key;
            return this;
        }

        Cert selfSigned(KeyPair pair) {
            publicKey = pair.getPublic();
            issuerKey = pair.getPrivate();
            issuerName = null;
            return this;
        }

        Cert validity(Instant from, Instant to) {
            notBefore = from;
            notAfter = to;
            return this;
        }

        Cert ca(boolean isCa) {
            ca = isCa;
            return this;
        }

        Cert keyUsage(int usage) {
            keyUsage = usage;
            return this;
        }

        Cert eku(KeyPurposeId purpose) {
            eku = purpose;
            return this;
        }

        Cert ocspNoCheck() {
            ocspNoCheck = true;
            return this;
        }

        Cert serial(BigInteger s) {
            serial = s;
            return this;
        }

        X509CertificateHolder build() {
            try {
                X500Name subjectName = new X500Name(subject);
                X500Name issuer = issuerName == null ? subjectName : issuerName;
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
                        Date.from(notBefore), Date.from(notAfter), subjectName, publicKey);
                if (ca != null) {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
                }
                if (keyUsage != null) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                if (eku != null) {
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(eku));
                }
                if (ocspNoCheck) {
                    builder.addExtension(OcspResponseValidator.OCSP_NO_CHECK, false, DERNull.INSTANCE);
                }
                return builder.build(signer(issuerKey));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Cert cert() {
        return new Cert();
    }

    /** An issuing CA, its leaf and a proper delegated responder, all fresh keys. */
    static final class Chain {
        final KeyPair issuerKey = key();
        final X509CertificateHolder issuer = cert().subject("CN=Test Issuing CA").selfSigned(issuerKey).ca(true)
                .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign).build();
        final KeyPair leafKey = key();
        final X509CertificateHolder leaf = cert().subject("CN=leaf.example").key(leafKey.getPublic())
                .issuedBy(issuer, issuerKey.getPrivate()).ca(false).build();
        final KeyPair responderKey = key();
        final X509CertificateHolder responder = cert().subject("CN=Test OCSP Responder")
                .key(responderKey.getPublic()).issuedBy(issuer, issuerKey.getPrivate()).ca(false)
                .keyUsage(KeyUsage.digitalSignature).eku(KeyPurposeId.id_kp_OCSPSigning).ocspNoCheck().build();

        OcspTarget target() {
            return OcspTarget.of(der(leaf), der(issuer));
        }

        TestOcsp.Builder response() {
            return TestOcsp.forCertificate(issuer, leaf.getSerialNumber()).signedBy(issuerKey.getPrivate(), issuer);
        }
    }

    static byte[] der(X509CertificateHolder holder) {
        try {
            return holder.getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
