package io.github.sectrust4j.profile;

import io.github.sectrust4j.Cert;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.text.ExceptionText;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.util.CollectionStore;
import org.bouncycastle.util.Selector;

/** CMS SignedData around a profile (RFC 5652): opening and checking a signed profile, and signing one. */
final class ProfileCms {
    /** Only signing and signature checks need the provider; looksLikeProfile on every input file does not. */
    private static final class Bc {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
    /** {@code SEQUENCE { OBJECT IDENTIFIER 1.2.840.113549.1.7.x}}: the start of every CMS ContentInfo. */
    private static final byte[] PKCS7_OID_PREFIX = {
        0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07
    };

    private ProfileCms() {}

    /** The signed content and its signature. */
    record Opened(byte[] content, ProfileSignature signature) {}

    /** Whether the bytes start like a CMS ContentInfo (a SEQUENCE whose first element is a PKCS #7 content type). */
    static boolean looksLikeCms(byte[] b) {
        if (b.length < 2 || (b[0] & 0xff) != 0x30) {
            return false;
        }
        int lengthByte = b[1] & 0xff;
        int at = 2 + (lengthByte > 0x80 ? lengthByte & 0x7f : 0);
        if (at + PKCS7_OID_PREFIX.length > b.length) {
            return false;
        }
        for (int i = 0; i < PKCS7_OID_PREFIX.length; i++) {
            if (b[at + i] != PKCS7_OID_PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the bytes are CMS that may hold a profile: SignedData with encapsulated content, EnvelopedData, or
     * damaged (the reader then says why); not a certificates-only PKCS #7 bundle (.p7b).
     */
    static boolean mayHoldProfile(byte[] b) {
        if (!looksLikeCms(b)) {
            return false;
        }
        try {
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(b));
            return !CMSObjectIdentifiers.signedData.equals(info.getContentType())
                    || SignedData.getInstance(info.getContent())
                                    .getEncapContentInfo()
                                    .getContent()
                            != null;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return true;
        }
    }

    /** The profile inside a CMS-signed profile, with the first signer's signature checked. */
    static Opened open(byte[] bytes) {
        ContentInfo info;
        try {
            // fromByteArray bounds every length by the bytes present and refuses trailing data
            info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(bytes));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw problem("damaged CMS structure (" + message(e) + ")");
        }
        if (CMSObjectIdentifiers.envelopedData.equals(info.getContentType())) {
            throw problem("the profile is encrypted (CMS EnvelopedData) to one device's key and cannot be read; "
                    + "give the unencrypted profile");
        }
        if (!CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
            throw problem("CMS content type " + info.getContentType() + " is not SignedData");
        }
        CMSSignedData signed;
        Object content;
        try {
            signed = new CMSSignedData(info);
            content = signed.getSignedContent() == null
                    ? null
                    : signed.getSignedContent().getContent();
        } catch (CMSException | RuntimeException | StackOverflowError e) {
            throw problem("damaged CMS SignedData (" + message(e) + ")");
        }
        Collection<SignerInformation> signers;
        try {
            // Bouncy Castle parses the SignerInfos only now, and a damaged signer identifier throws from hashCode
            signers = signed.getSignerInfos().getSigners();
        } catch (RuntimeException | StackOverflowError e) {
            throw problem("damaged CMS SignerInfo (" + message(e) + ")");
        }
        if (!(content instanceof byte[] profile)) {
            throw problem(
                    signers.isEmpty()
                            ? "a certificates-only PKCS #7 bundle (.p7b), not a signed profile"
                            : "the CMS SignedData does not contain the profile (a detached signature)");
        }
        if (signers.isEmpty()) {
            throw problem("the CMS SignedData has no signer");
        }
        ProfileSignature signature;
        try {
            signature = check(signed, signers.iterator().next());
        } catch (RuntimeException | StackOverflowError e) {
            // Bouncy Castle decodes names lazily: a damaged signer identifier or certificate name throws when read
            signature = new ProfileSignature(
                    ProfileSignature.Status.UNVERIFIABLE, "(unreadable signer)", Optional.empty(), message(e));
        }
        return new Opened(profile, signature);
    }

    @SuppressWarnings("unchecked") // BC's SignerId selects X509CertificateHolders
    private static ProfileSignature check(CMSSignedData signed, SignerInformation signer) {
        SignerId sid = signer.getSID();
        Collection<X509CertificateHolder> matches;
        try {
            matches = signed.getCertificates().getMatches((Selector<X509CertificateHolder>) (Selector<?>) sid);
        } catch (RuntimeException e) {
            return new ProfileSignature(ProfileSignature.Status.UNVERIFIABLE, named(sid), Optional.empty(), message(e));
        }
        if (matches.isEmpty()) {
            return new ProfileSignature(
                    ProfileSignature.Status.SIGNER_CERTIFICATE_MISSING,
                    named(sid),
                    Optional.empty(),
                    "no certificate for the signer");
        }
        X509CertificateHolder holder = matches.iterator().next();
        Optional<Cert> certificate = Optional.empty();
        String subject = holder.getSubject().toString();
        try {
            Certificate parsed = Certificate.parse(holder.getEncoded());
            certificate = Optional.of(parsed);
            subject = parsed.subject().toString();
        } catch (IOException | RuntimeException e) {
            // the subject from Bouncy Castle's reading is good enough to name the signer
        }
        try {
            PublicKey key = BouncyCastleProvider.getPublicKey(holder.getSubjectPublicKeyInfo());
            if (key == null) {
                return new ProfileSignature(
                        ProfileSignature.Status.UNVERIFIABLE,
                        subject,
                        certificate,
                        "unsupported signer key algorithm "
                                + holder.getSubjectPublicKeyInfo()
                                        .getAlgorithm()
                                        .getAlgorithm());
            }
            // the key, not the certificate: the signature is checked, the certificate's validity is not (as reported)
            boolean ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(Bc.PROVIDER)
                    .build(key));
            return ok
                    ? new ProfileSignature(ProfileSignature.Status.VALID, subject, certificate, "")
                    : new ProfileSignature(
                            ProfileSignature.Status.INVALID,
                            subject,
                            certificate,
                            "the signature value does not match");
        } catch (CMSSignerDigestMismatchException e) {
            return new ProfileSignature(
                    ProfileSignature.Status.INVALID,
                    subject,
                    certificate,
                    "the profile's digest differs from the signed digest");
        } catch (CMSException e) {
            return new ProfileSignature(ProfileSignature.Status.INVALID, subject, certificate, message(e));
        } catch (IOException | OperatorCreationException | RuntimeException e) {
            return new ProfileSignature(ProfileSignature.Status.UNVERIFIABLE, subject, certificate, message(e));
        }
    }

    private static String named(SignerId sid) {
        return sid.getIssuer() == null
                ? "an unnamed signer (subject key identifier only)"
                : "the holder of serial " + sid.getSerialNumber() + " from " + sid.getIssuer();
    }

    /** DER CMS SignedData with {@code content} encapsulated, signed by {@code key}, with the signer's chain. */
    static byte[] sign(
            byte[] content, PrivateKey key, Certificate signer, List<Certificate> chain, Instant signingTime) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            default ->
                throw new IllegalArgumentException("cannot sign a profile with a " + key.getAlgorithm()
                        + " key: iOS verifies RSA and ECDSA signatures");
        };
        try {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                            .setProvider(Bc.PROVIDER)
                            .build())
                    .setSignedAttributeGenerator(
                            new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
                    .build(
                            new JcaContentSignerBuilder(algorithm)
                                    .setProvider(Bc.PROVIDER)
                                    .build(key),
                            new X509CertificateHolder(signer.der())));
            List<X509CertificateHolder> certificates = new ArrayList<>();
            certificates.add(new X509CertificateHolder(signer.der()));
            for (Certificate c : chain) {
                if (!c.equals(signer)) {
                    certificates.add(new X509CertificateHolder(c.der()));
                }
            }
            generator.addCertificates(new CollectionStore<>(certificates));
            return generator
                    .generate(new CMSProcessableByteArray(content), true)
                    .toASN1Structure()
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException | CMSException | OperatorCreationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot sign the profile: " + message(e), e);
        }
    }

    private static String message(Throwable e) {
        return ExceptionText.why(e);
    }

    private static ConfigurationProfileException problem(String why) {
        return new ConfigurationProfileException(why);
    }
}
