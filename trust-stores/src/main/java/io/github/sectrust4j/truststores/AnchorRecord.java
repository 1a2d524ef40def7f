package io.github.sectrust4j.truststores;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * The facts of one trust-store certificate (RFC 5914 TrustAnchorInfo style, plus what a path
 * validator needs about a root). The certificate bytes themselves are not shipped: core builds
 * its path anchors from these records. Byte arrays are copied in and out; the record is immutable.
 *
 * @param sha256                    SHA-256 of the certificate DER (Apple's file name)
 * @param sha1                      SHA-1 of the certificate DER (EV map, §10)
 * @param subject                   exact DER of the subject Name
 * @param issuer                    exact DER of the issuer Name
 * @param serialNumber              serial number INTEGER content octets (two's complement)
 * @param subjectPublicKeyInfo      DER of subjectPublicKeyInfo
 * @param subjectKeyIdentifier      SKI extension value, or null
 * @param authorityKeyIdentifier    AKI keyIdentifier, or null
 * @param notBefore                 validity start
 * @param notAfter                  validity end
 * @param certificateVersion        1, 2 or 3
 * @param basicConstraints          the extension, or null when absent
 * @param keyUsage                  RFC 5280 KeyUsage bits (bit i = {@code 1 << i}), or -1 when absent
 * @param signatureAlgorithm        signature algorithm OID (from TBSCertificate)
 * @param selfSigned                subject equals issuer and the signature verifies with its own key
 * @param nameConstraints           DER of the NameConstraints extension value, or null
 * @param certificatePolicies       certificatePolicies OIDs in certificate order (empty if none)
 * @param subjectPublicKeySha1      SHA-1 of the subjectPublicKey BIT STRING contents (Apple's key lists, §2.2)
 * @param subjectPublicKeyInfoSha256 SHA-256 of the SPKI DER (pinning)
 * @param appleFileSha256           SHA-256 under which Apple's data names this certificate when that
 *                                  differs from {@code sha256} (Apple's DigiNotar root file carries
 *                                  trailing text), else null; lookups accept both
 */
public record AnchorRecord(
        byte[] sha256,
        byte[] sha1,
        byte[] subject,
        byte[] issuer,
        byte[] serialNumber,
        byte[] subjectPublicKeyInfo,
        byte[] subjectKeyIdentifier,
        byte[] authorityKeyIdentifier,
        Instant notBefore,
        Instant notAfter,
        int certificateVersion,
        BasicConstraints basicConstraints,
        int keyUsage,
        String signatureAlgorithm,
        boolean selfSigned,
        byte[] nameConstraints,
        List<String> certificatePolicies,
        byte[] subjectPublicKeySha1,
        byte[] subjectPublicKeyInfoSha256,
        byte[] appleFileSha256) {

    /** RFC 5280 KeyUsage bit numbers. */
    public static final int KU_DIGITAL_SIGNATURE = 0;

    public static final int KU_KEY_CERT_SIGN = 5;
    public static final int KU_CRL_SIGN = 6;

    /**
     * basicConstraints of the anchor.
     *
     * @param ca                the cA flag
     * @param pathLenConstraint pathLenConstraint, or -1 when absent
     */
    public record BasicConstraints(boolean ca, int pathLenConstraint) {
        /** Whether a pathLenConstraint is present. */
        public boolean hasPathLenConstraint() {
            return pathLenConstraint >= 0;
        }
    }

    public AnchorRecord {
        sha256 = Objects.requireNonNull(sha256, "sha256").clone();
        sha1 = Objects.requireNonNull(sha1, "sha1").clone();
        subject = Objects.requireNonNull(subject, "subject").clone();
        issuer = Objects.requireNonNull(issuer, "issuer").clone();
        serialNumber = Objects.requireNonNull(serialNumber, "serialNumber").clone();
        subjectPublicKeyInfo = Objects.requireNonNull(subjectPublicKeyInfo, "subjectPublicKeyInfo")
                .clone();
        subjectKeyIdentifier = subjectKeyIdentifier == null ? null : subjectKeyIdentifier.clone();
        authorityKeyIdentifier = authorityKeyIdentifier == null ? null : authorityKeyIdentifier.clone();
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        nameConstraints = nameConstraints == null ? null : nameConstraints.clone();
        certificatePolicies = List.copyOf(certificatePolicies);
        subjectPublicKeySha1 = Objects.requireNonNull(subjectPublicKeySha1, "subjectPublicKeySha1")
                .clone();
        subjectPublicKeyInfoSha256 = Objects.requireNonNull(subjectPublicKeyInfoSha256, "subjectPublicKeyInfoSha256")
                .clone();
        appleFileSha256 = appleFileSha256 == null ? null : appleFileSha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public byte[] sha1() {
        return sha1.clone();
    }

    @Override
    public byte[] subject() {
        return subject.clone();
    }

    @Override
    public byte[] issuer() {
        return issuer.clone();
    }

    @Override
    public byte[] serialNumber() {
        return serialNumber.clone();
    }

    @Override
    public byte[] subjectPublicKeyInfo() {
        return subjectPublicKeyInfo.clone();
    }

    @Override
    public byte[] subjectKeyIdentifier() {
        return subjectKeyIdentifier == null ? null : subjectKeyIdentifier.clone();
    }

    @Override
    public byte[] authorityKeyIdentifier() {
        return authorityKeyIdentifier == null ? null : authorityKeyIdentifier.clone();
    }

    @Override
    public byte[] nameConstraints() {
        return nameConstraints == null ? null : nameConstraints.clone();
    }

    @Override
    public byte[] subjectPublicKeySha1() {
        return subjectPublicKeySha1.clone();
    }

    @Override
    public byte[] subjectPublicKeyInfoSha256() {
        return subjectPublicKeyInfoSha256.clone();
    }

    @Override
    public byte[] appleFileSha256() {
        return appleFileSha256 == null ? null : appleFileSha256.clone();
    }

    /** The SHA-256 Apple's manifests use for this certificate (upper-case hex). */
    public String appleId() {
        return Hex.encode(appleFileSha256 != null ? appleFileSha256 : sha256);
    }

    /** SHA-256 fingerprint, upper-case hex (Apple's file name without {@code .cer}). */
    public String sha256Hex() {
        return Hex.encode(sha256);
    }

    /** Serial number, upper-case hex. */
    public String serialNumberHex() {
        return Hex.encode(serialNumber);
    }

    /** Whether KeyUsage is present and has bit {@code bit} (e.g. {@link #KU_KEY_CERT_SIGN}). */
    public boolean hasKeyUsage(int bit) {
        return keyUsage >= 0 && (keyUsage & (1 << bit)) != 0;
    }

    /** The subject in RFC 2253 form (readable listing; for matching use {@link #subject()} DER). */
    public String subjectString() {
        return name(subject);
    }

    /** The issuer in RFC 2253 form. */
    public String issuerString() {
        return name(issuer);
    }

    /** Whether {@code instant} lies in [notBefore, notAfter], both inclusive (§5.1). */
    public boolean isValidAt(Instant instant) {
        return !instant.isBefore(notBefore) && !instant.isAfter(notAfter);
    }

    private static String name(byte[] der) {
        try {
            return new X500Principal(der).getName(X500Principal.RFC2253);
        } catch (IllegalArgumentException e) {
            return "#" + Hex.encode(der);
        }
    }

    // package-private raw access for indexes (no copy)
    byte[] rawSha256() {
        return sha256;
    }

    byte[] rawSubject() {
        return subject;
    }

    byte[] rawSubjectKeyIdentifier() {
        return subjectKeyIdentifier;
    }

    byte[] rawKeySha1() {
        return subjectPublicKeySha1;
    }

    byte[] rawAppleFileSha256() {
        return appleFileSha256;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnchorRecord && Arrays.equals(((AnchorRecord) o).sha256, sha256);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return "AnchorRecord[" + subjectString() + ", sha256=" + sha256Hex() + "]";
    }
}
