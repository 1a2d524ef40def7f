package io.github.sectrust4j.revocation;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/** Minimal local OCSP response minting (see {@link TestPki}). Defaults: good, fresh at NOW, 7-day nextUpdate. */
final class TestOcsp {
    private TestOcsp() {
    }

    static Builder forCertificate(X509CertificateHolder issuer, BigInteger serial) {
        return new Builder(issuer, serial);
    }

    static final class Builder {
        private final X509CertificateHolder idIssuer;
        private BigInteger serial;
        private AlgorithmIdentifier certIdHash = CertificateID.HASH_SHA1;
        private CertificateStatus status = CertificateStatus.GOOD;
        private Instant producedAt = TestPki.NOW;
        private Instant thisUpdate = TestPki.NOW.minusSeconds(3600);
        private Instant nextUpdate = TestPki.NOW.plusSeconds(7L * 86400);
        private PrivateKey signingKey;
        private X509CertificateHolder responderIdCert;
        private boolean responderIdByKey;
        private final List<X509CertificateHolder> certs = new ArrayList<>();
        private byte[] sctExtension;
        private int responseStatus = OCSPRespBuilder.SUCCESSFUL;

        private Builder(X509CertificateHolder issuer, BigInteger serial) {
            this.idIssuer = issuer;
            this.serial = serial;
        }

        Builder serial(BigInteger s) {
            serial = s;
            return this;
        }

        Builder certIdHash(AlgorithmIdentifier hash) {
            certIdHash = hash;
            return this;
        }

        Builder good() {
            status = CertificateStatus.GOOD;
            return this;
        }

        Builder revoked(Instant when, int reason) {
            status = new RevokedStatus(Date.from(when), reason);
            return this;
        }

        Builder unknown() {
            status = new UnknownStatus();
            return this;
        }

        Builder producedAt(Instant t) {
            producedAt = t;
            return this;
        }

        Builder thisUpdate(Instant t) {
            thisUpdate = t;
            return this;
        }

        /** {@code null}: no nextUpdate. */
        Builder nextUpdate(Instant t) {
            nextUpdate = t;
            return this;
        }

        /** Sign with {@code key}; the ResponderID names {@code responder} by name. */
        Builder signedBy(PrivateKey key, X509CertificateHolder responder) {
            signingKey = key;
            responderIdCert = responder;
            return this;
        }

        Builder responderIdByKey() {
            responderIdByKey = true;
            return this;
        }

        Builder includeCertificate(X509CertificateHolder cert) {
            certs.add(cert);
            return this;
        }

        Builder sctListExtension(byte[] extnValueOctets) {
            sctExtension = extnValueOctets;
            return this;
        }

        Builder responseStatus(int s) {
            responseStatus = s;
            return this;
        }

        byte[] build() {
            try {
                JcaDigestCalculatorProviderBuilder digests = new JcaDigestCalculatorProviderBuilder();
                DigestCalculator idDigest = digests.build().get(certIdHash);
                CertificateID id = new CertificateID(idDigest, idIssuer, serial);
                RespID respId = responderIdByKey
                        ? new RespID(responderIdCert.getSubjectPublicKeyInfo(),
                        digests.build().get(CertificateID.HASH_SHA1))
                        : new RespID(responderIdCert.getSubject());
                BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(respId);
                Extensions single = sctExtension == null ? null
                        : new Extensions(new Extension(OcspResponseValidator.OCSP_SCT_LIST, false,
                        new DEROctetString(sctExtension)));
                builder.addResponse(id, status, Date.from(thisUpdate),
                        nextUpdate == null ? null : Date.from(nextUpdate), single);
                BasicOCSPResp basic = builder.build(TestPki.signer(signingKey),
                        certs.toArray(new X509CertificateHolder[0]), Date.from(producedAt));
                if (responseStatus != OCSPRespBuilder.SUCCESSFUL) {
                    return new OCSPRespBuilder().build(responseStatus, null).getEncoded();
                }
                return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final int KEY_COMPROMISE = CRLReason.keyCompromise;
}
