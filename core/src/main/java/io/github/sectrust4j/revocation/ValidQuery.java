package io.github.sectrust4j.revocation;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.cert.Fingerprint;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What the Valid database is asked for one chain position (spec §9.2): the SHA-256 of the issuer
 * certificate DER, and the certificate's serial number and SHA-256. Immutable.
 *
 * <p>Serial numbers are the DER INTEGER content octets with leading zero octets removed (the
 * unsigned magnitude): the 2023 snapshot stores 1,496 serials whose first octet is ≥ 0x80 and none
 * with a leading 0x00, so the sign-padding octet of DER is not part of the stored value.
 */
public final class ValidQuery {
    private final byte[] issuerSha256;
    private final byte[] serial;
    private final Optional<byte[]> certificateSha256;

    private ValidQuery(byte[] issuerSha256, byte[] serial, Optional<byte[]> certificateSha256) {
        this.issuerSha256 = issuerSha256;
        this.serial = serial;
        this.certificateSha256 = certificateSha256;
    }

    /** The query for {@code certificateDer} issued by {@code issuerDer}. */
    public static ValidQuery of(byte[] certificateDer, byte[] issuerDer) {
        X509CertificateHolder cert = CertificateInput.bouncyCastleHolder(certificateDer, "certificate");
        CertificateInput.bouncyCastleHolder(issuerDer, "issuer");
        return new ValidQuery(
                Fingerprint.sha256Of(issuerDer).bytes(),
                withoutLeadingZeros(serialContent(cert)),
                Optional.of(Fingerprint.sha256Of(certificateDer).bytes()));
    }

    /**
     * A query from parts, when only the issuer hash and serial are known (leading zero octets of
     * {@code serial} are removed). Without a certificate
     * hash, groups of format {@link ValidFormat#SHA256} cannot be answered (no information).
     */
    public static ValidQuery of(byte[] issuerSha256, byte[] serial, Optional<byte[]> certificateSha256) {
        requireNonNull(issuerSha256, "issuerSha256");
        requireNonNull(serial, "serial");
        requireNonNull(certificateSha256, "certificateSha256");
        if (issuerSha256.length != 32
                || certificateSha256.map(h -> h.length != 32).orElse(false)) {
            throw new IllegalArgumentException("SHA-256 values must be 32 bytes");
        }
        return new ValidQuery(issuerSha256.clone(), withoutLeadingZeros(serial), certificateSha256.map(byte[]::clone));
    }

    /** The serial number as the DER INTEGER content octets, exactly as encoded in the certificate. */
    static byte[] serialContent(X509CertificateHolder cert) {
        ASN1Integer serial = cert.toASN1Structure().getSerialNumber();
        try {
            byte[] der = serial.getEncoded();
            int lengthOctet = der[1] & 0xFF;
            int header = 2 + (lengthOctet >= 0x80 ? lengthOctet & 0x7F : 0);
            return Arrays.copyOfRange(der, header, der.length);
        } catch (IOException e) {
            throw new IllegalArgumentException("unencodable serial number", e);
        }
    }

    static byte[] withoutLeadingZeros(byte[] serial) {
        int start = 0;
        while (start < serial.length - 1 && serial[start] == 0) {
            start++;
        }
        return Arrays.copyOfRange(serial, start, serial.length);
    }

    public byte[] issuerSha256() {
        return issuerSha256.clone();
    }

    public byte[] serial() {
        return serial.clone();
    }

    public Optional<byte[]> certificateSha256() {
        return certificateSha256.map(byte[]::clone);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "ValidQuery[issuer=" + hex.formatHex(issuerSha256) + ", serial=" + hex.formatHex(serial) + "]";
    }
}
