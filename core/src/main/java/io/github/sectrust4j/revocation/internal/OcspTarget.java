package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.cert.CertificateInput;
import java.io.IOException;
import java.math.BigInteger;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The certificate at one chain position and its issuer (position + 1), as needed to match OCSP
 * CertIDs, verify responder delegation and build requests. Parsed once; immutable.
 */
public final class OcspTarget {
    private final X509CertificateHolder certificate;
    private final X509CertificateHolder issuer;

    private OcspTarget(X509CertificateHolder certificate, X509CertificateHolder issuer) {
        this.certificate = certificate;
        this.issuer = issuer;
    }

    /**
     * @param certificateDer DER of the certificate whose status is asked
     * @param issuerDer      DER of its issuer (the next certificate up the path)
     * @throws IllegalArgumentException if either is not a parseable X.509 certificate
     */
    public static OcspTarget of(byte[] certificateDer, byte[] issuerDer) {
        return new OcspTarget(
                CertificateInput.bouncyCastleHolder(certificateDer, "certificate"),
                CertificateInput.bouncyCastleHolder(issuerDer, "issuer"));
    }

    /**
     * The same from parsed certificates, reusing each one's Bouncy Castle holder (parsed once per
     * certificate, not once per chain position and evaluation).
     *
     * @throws IllegalArgumentException if either is not a parseable X.509 certificate for Bouncy Castle
     */
    public static OcspTarget of(io.github.sectrust4j.Cert certificate, io.github.sectrust4j.Cert issuer) {
        return new OcspTarget(holder(certificate, "certificate"), holder(issuer, "issuer"));
    }

    private static X509CertificateHolder holder(io.github.sectrust4j.Cert cert, String what) {
        requireNonNull(cert, what);
        try {
            return io.github.sectrust4j.cert.CertificateInput.fromCert(cert).bouncyCastleHolder();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a DER X.509 " + what + ": " + e.getMessage(), e);
        }
    }

    public BigInteger serialNumber() {
        return certificate.getSerialNumber();
    }

    X509CertificateHolder certificate() {
        return certificate;
    }

    X509CertificateHolder issuer() {
        return issuer;
    }
}
