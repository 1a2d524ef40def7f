package io.github.sectrust4j.revocation.internal;

import java.io.IOException;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Builds the OCSP request iOS sends (spec §9.4 "Request"): one CertID with SHA-1, no nonce, unsigned. */
public final class OcspRequests {
    private OcspRequests() {}

    /** The DER OCSPRequest for {@code target}. */
    public static byte[] request(OcspTarget target) {
        try {
            CertificateID id = new CertificateID(
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    target.issuer(),
                    target.serialNumber());
            return new OCSPReqBuilder().addRequest(id).build().getEncoded();
        } catch (OCSPException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot build an OCSP request: " + e.getMessage(), e);
        }
    }
}
