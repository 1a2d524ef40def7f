package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.text.ExceptionText;
import java.math.BigInteger;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The certificate at one chain position and its issuer (position + 1), as needed to match OCSP
 * CertIDs, verify responder delegation and build requests. Parsed once; immutable.
 */
public final class OcspTarget {
    /** Each an {@link X509CertificateHolder}, or the {@link Certificate} whose (kept) holder is asked when needed. */
    private final Object certificate;

    private final Object issuer;

    private OcspTarget(Object certificate, Object issuer) {
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
     * certificate, not once per chain position and evaluation), and only when a response is checked or a
     * request built: most positions of a stream of fresh leaves have neither.
     *
     * @throws IllegalArgumentException if either is not a parseable X.509 certificate for Bouncy Castle
     */
    public static OcspTarget of(io.github.sectrust4j.Cert certificate, io.github.sectrust4j.Cert issuer) {
        return new OcspTarget(parsing(certificate, "certificate"), parsing(issuer, "issuer"));
    }

    private static Certificate parsing(io.github.sectrust4j.Cert cert, String what) {
        requireNonNull(cert, what);
        Certificate c;
        try {
            c = CertificateInput.fromCert(cert);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a DER X.509 " + what + ": " + ExceptionText.why(e), e);
        }
        if (!c.bouncyCastleHolderParses()) {
            throw new IllegalArgumentException("Not a DER X.509 " + what + " for Bouncy Castle");
        }
        return c;
    }

    private static X509CertificateHolder holder(Object held) {
        return held instanceof X509CertificateHolder h ? h : ((Certificate) held).bouncyCastleHolderKnownToParse();
    }

    public BigInteger serialNumber() {
        return certificate().getSerialNumber();
    }

    X509CertificateHolder certificate() {
        return holder(certificate);
    }

    X509CertificateHolder issuer() {
        return holder(issuer);
    }
}
