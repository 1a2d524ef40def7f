package io.github.sectrust4j.revocation.internal;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.cert.BackendContentVerifierProvider;
import io.github.sectrust4j.cert.KeyBounds;
import io.github.sectrust4j.cert.Oids;
import io.github.sectrust4j.cert.SignatureBackends;
import io.github.sectrust4j.cert.TotalVerificationBudget;
import io.github.sectrust4j.cert.VerifiedSignatures;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ocsp.ResponderID;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;

/**
 * iOS's OCSP response acceptance (spec §9.4 "Response acceptance", items 1, 3 and 4; item 2,
 * "fresher than a response already held", is {@link OcspPosition}). Stateless and thread-safe.
 *
 * <p>Time: only the evaluation's current clock is used (§1.1, §14.3) — never the verify date.
 */
public final class OcspResponseValidator {
    /** The trust time leeway, 4500 s (§1.1). */
    public static final Duration LEEWAY = Duration.ofSeconds(4500);

    /** id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1): certificates carrying it are not checked (§9.1). */
    static final ASN1ObjectIdentifier OCSP_NO_CHECK = new ASN1ObjectIdentifier(Oids.OCSP_NO_CHECK);
    /** The SCT list extension of an OCSP SingleResponse (RFC 6962 §3.3). */
    static final ASN1ObjectIdentifier OCSP_SCT_LIST = new ASN1ObjectIdentifier(Oids.OCSP_SCT_LIST);

    // CertID hash algorithms iOS recomputes (§9.4 item 1).
    private static final Map<String, String> CERT_ID_DIGESTS = Map.of(
            Oids.SHA1, "SHA-1",
            Oids.SHA224, "SHA-224",
            Oids.SHA256, "SHA-256",
            Oids.SHA384, "SHA-384",
            Oids.SHA512, "SHA-512");

    private OcspResponseValidator() {}

    /**
     * Checks one OCSP response (stapled, cached or fetched) for {@code target}.
     *
     * @param responseDer the DER OCSPResponse; any bytes (garbage gives {@link OcspVerdict#MALFORMED})
     * @param now         the evaluation's current clock (not the verify date)
     * @return the verdict with what the response says; never throws for bad response bytes
     */
    public static OcspResponseCheck check(OcspTarget target, byte[] responseDer, Instant now) {
        requireNonNull(target, "target");
        requireNonNull(responseDer, "responseDer");
        requireNonNull(now, "now");
        return check(target, OcspResponse.parse(responseDer), now);
    }

    /**
     * As {@link #check(OcspTarget, byte[], Instant)} for a response parsed once with
     * {@link OcspResponse#parse}: the same check, without parsing again for every position.
     */
    public static OcspResponseCheck check(OcspTarget target, OcspResponse response, Instant now) {
        requireNonNull(target, "target");
        requireNonNull(response, "response");
        requireNonNull(now, "now");
        SignatureBackends.current(); // a wrong -Dsectrust4j.verifier throws here, never reads as a bad signature
        if (response.ignoredForEveryTarget().isPresent()) {
            return response.ignoredForEveryTarget().get();
        }
        try {
            return checkBasic(target, response.basic().orElseThrow(), now);
        } catch (RuntimeException | java.io.IOException e) {
            // BC throws a mix of checked and unchecked exceptions on malformed ASN.1.
            return malformed(e);
        }
    }

    static OcspResponseCheck malformed(Exception e) {
        return OcspResponseCheck.ignored(OcspVerdict.MALFORMED, "unparseable OCSP response: " + e);
    }

    private static OcspResponseCheck checkBasic(OcspTarget target, BasicOCSPResp basic, Instant now)
            throws java.io.IOException {
        Optional<SingleResp> single = matchingSingleResponse(basic, target);
        if (single.isEmpty()) {
            return OcspResponseCheck.ignored(
                    OcspVerdict.WRONG_CERT_ID,
                    "no SingleResponse for serial " + target.serialNumber().toString(16) + " under this issuer");
        }
        SingleResp sr = single.get();
        OcspResponseCheck found = describe(basic, sr);
        OcspStatus status = found.status().orElseThrow();

        // §9.4 item 3: the delegated signer is validated at producedAt for revoked, the current clock otherwise.
        Instant signerTime = status == OcspStatus.REVOKED ? found.producedAt().orElseThrow() : now;
        Optional<X509CertificateHolder> signer = signer(basic, target.issuer());
        if (signer.isEmpty()) {
            return found.withVerdict(
                    OcspVerdict.UNAUTHORIZED_SIGNER,
                    "no certificate in the response matches the ResponderID, and it is not the issuer");
        }
        X509CertificateHolder signerCert = signer.get();
        boolean signerIsIssuer =
                Arrays.equals(signerCert.getEncoded(), target.issuer().getEncoded());
        if (!signerIsIssuer) {
            Optional<String> problem = delegatedResponderProblem(signerCert, target.issuer(), signerTime);
            if (problem.isPresent()) {
                return found.withVerdict(OcspVerdict.UNAUTHORIZED_SIGNER, problem.get());
            }
        }
        if (!signatureValid(basic, signerCert)) {
            return found.withVerdict(
                    OcspVerdict.BAD_SIGNATURE,
                    "response signature does not verify with the "
                            + (signerIsIssuer ? "issuer's" : "delegated responder's") + " key");
        }

        // §9.4 item 4: dates against the current clock with 4500 s leeway.
        Instant latestAcceptable = now.plus(LEEWAY);
        if (found.producedAt().orElseThrow().isAfter(latestAcceptable)) {
            return found.withVerdict(OcspVerdict.NOT_YET_VALID, "producedAt is more than 4500 s in the future");
        }
        if (status != OcspStatus.REVOKED) {
            // A revoked status is honoured even when stale (it stays cached until the certificate's notAfter).
            if (found.thisUpdate().orElseThrow().isAfter(latestAcceptable)) {
                return found.withVerdict(OcspVerdict.NOT_YET_VALID, "thisUpdate is more than 4500 s in the future");
            }
            Instant expiry = found.effectiveNextUpdate().orElseThrow();
            if (expiry.isBefore(now.minus(LEEWAY))) {
                return found.withVerdict(
                        OcspVerdict.STALE,
                        (found.nextUpdate().isPresent() ? "nextUpdate " : "thisUpdate + 24 h (no nextUpdate) ") + expiry
                                + " is more than 4500 s before the current clock " + now);
            }
        }
        return found;
    }

    /**
     * The raw value of the SCT-list extension (1.3.6.1.4.1.11129.2.4.5) of the SingleResponse for
     * {@code target}: the extnValue octets (an OCTET STRING wrapping the TLS-encoded
     * SignedCertificateTimestampList, as in certificates). Only for responses with a successful
     * status; the signature is deliberately not verified for this purpose (§8.2).
     */
    public static Optional<byte[]> sctListExtension(OcspTarget target, byte[] responseDer) {
        requireNonNull(target, "target");
        requireNonNull(responseDer, "responseDer");
        try {
            Optional<BasicOCSPResp> basic = successfulBasicResponse(responseDer);
            if (basic.isEmpty()) {
                return Optional.empty();
            }
            return matchingSingleResponse(basic.get(), target)
                    .map(sr -> sr.getExtension(OCSP_SCT_LIST))
                    .map(ext -> ext.getExtnValue().getOctets());
        } catch (RuntimeException | java.io.IOException | org.bouncycastle.cert.ocsp.OCSPException e) {
            return Optional.empty();
        }
    }

    private static Optional<BasicOCSPResp> successfulBasicResponse(byte[] der)
            throws java.io.IOException, org.bouncycastle.cert.ocsp.OCSPException {
        OCSPResp resp = new OCSPResp(der);
        if (resp.getStatus() != OCSPResp.SUCCESSFUL) {
            return Optional.empty();
        }
        Object object = resp.getResponseObject();
        return object instanceof BasicOCSPResp ? Optional.of((BasicOCSPResp) object) : Optional.empty();
    }

    private static Optional<SingleResp> matchingSingleResponse(BasicOCSPResp basic, OcspTarget target) {
        for (SingleResp sr : basic.getResponses()) {
            if (certIdMatches(sr.getCertID(), target)) {
                return Optional.of(sr);
            }
        }
        return Optional.empty();
    }

    static boolean certIdMatches(CertificateID id, OcspTarget target) {
        if (!target.serialNumber().equals(id.getSerialNumber())) {
            return false;
        }
        String digest = CERT_ID_DIGESTS.get(id.getHashAlgOID().getId());
        if (digest == null) {
            return false;
        }
        X509CertificateHolder issuer = target.issuer();
        byte[] nameHash = hash(digest, encoded(issuer.getSubject().toASN1Primitive()));
        byte[] keyHash =
                hash(digest, issuer.getSubjectPublicKeyInfo().getPublicKeyData().getBytes());
        return Arrays.equals(nameHash, id.getIssuerNameHash()) && Arrays.equals(keyHash, id.getIssuerKeyHash());
    }

    private static OcspResponseCheck describe(BasicOCSPResp basic, SingleResp sr) {
        CertificateStatus cs = sr.getCertStatus();
        OcspStatus status;
        Optional<Instant> revocationTime = Optional.empty();
        OptionalInt reason = OptionalInt.empty();
        String detail;
        if (cs == CertificateStatus.GOOD) {
            status = OcspStatus.GOOD;
            detail = "good";
        } else if (cs instanceof RevokedStatus) {
            RevokedStatus revoked = (RevokedStatus) cs;
            status = OcspStatus.REVOKED;
            revocationTime = Optional.of(revoked.getRevocationTime().toInstant());
            reason =
                    revoked.hasRevocationReason() ? OptionalInt.of(revoked.getRevocationReason()) : OptionalInt.empty();
            detail = "revoked at " + revocationTime.get() + (reason.isPresent() ? ", reason " + reason.getAsInt() : "");
        } else {
            status = OcspStatus.UNKNOWN;
            detail = cs instanceof UnknownStatus ? "unknown" : "unrecognised certStatus";
        }
        return new OcspResponseCheck(
                OcspVerdict.ACCEPTED,
                Optional.of(status),
                Optional.of(basic.getProducedAt().toInstant()),
                Optional.of(sr.getThisUpdate().toInstant()),
                Optional.ofNullable(sr.getNextUpdate()).map(Date::toInstant),
                revocationTime,
                reason,
                detail);
    }

    /** §9.4 item 3: a response certificate matching the ResponderID, else the issuer if it matches. */
    private static Optional<X509CertificateHolder> signer(BasicOCSPResp basic, X509CertificateHolder issuer) {
        ResponderID rid = basic.getResponderId().toASN1Primitive();
        for (X509CertificateHolder cert : basic.getCerts()) {
            if (responderIdMatches(rid, cert)) {
                return Optional.of(cert);
            }
        }
        return responderIdMatches(rid, issuer) ? Optional.of(issuer) : Optional.empty();
    }

    private static boolean responderIdMatches(ResponderID rid, X509CertificateHolder cert) {
        if (rid.getName() != null) {
            return rid.getName().equals(cert.getSubject());
        }
        byte[] keyHash = rid.getKeyHash();
        return keyHash != null
                && Arrays.equals(
                        keyHash,
                        hash(
                                "SHA-1",
                                cert.getSubjectPublicKeyInfo()
                                        .getPublicKeyData()
                                        .getBytes()));
    }

    /** Why {@code signer} is not a valid delegated responder of {@code issuer} at {@code at}, if it is not. */
    static Optional<String> delegatedResponderProblem(
            X509CertificateHolder signer, X509CertificateHolder issuer, Instant at) {
        if (!signer.getIssuer().equals(issuer.getSubject()) || !signedBy(signer, issuer.getSubjectPublicKeyInfo())) {
            return Optional.of("delegated responder is not directly signed by the issuer's key");
        }
        if (!signer.isValidOn(Date.from(at))) {
            return Optional.of("delegated responder certificate is not valid at " + at);
        }
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(signer.getExtensions());
        if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
            return Optional.of("delegated responder lacks EKU id-kp-OCSPSigning (1.3.6.1.5.5.7.3.9)");
        }
        KeyUsage ku = KeyUsage.fromExtensions(signer.getExtensions());
        if (ku != null && !ku.hasUsages(KeyUsage.digitalSignature)) {
            return Optional.of("delegated responder keyUsage lacks digitalSignature");
        }
        BasicConstraints bc = BasicConstraints.fromExtensions(signer.getExtensions());
        if (bc != null && bc.isCA()) {
            return Optional.of("delegated responder is a CA");
        }
        return Optional.empty();
    }

    private static boolean signedBy(X509CertificateHolder cert, SubjectPublicKeyInfo key) {
        if (!KeyBounds.within(key)) {
            return false; // verification cost unbounded: such a key verifies nothing
        }
        try {
            return VerifiedSignatures.verify(
                    TotalVerificationBudget.Kind.OCSP,
                    key.getEncoded(),
                    cert.getSignatureAlgorithm().getEncoded(),
                    cert.toASN1Structure().getTBSCertificate().getEncoded(),
                    cert.getSignature(),
                    () -> {
                        try {
                            return cert.isSignatureValid(BackendContentVerifierProvider.forKey(key.getEncoded()));
                        } catch (Exception e) {
                            return false;
                        }
                    });
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean signatureValid(BasicOCSPResp basic, X509CertificateHolder signer) {
        if (!KeyBounds.within(signer.getSubjectPublicKeyInfo())) {
            return false; // a responder key beyond the bounds verifies nothing
        }
        try {
            // the same response is checked at every position of every candidate path: verify it once
            return VerifiedSignatures.verify(
                    TotalVerificationBudget.Kind.OCSP,
                    signer.getSubjectPublicKeyInfo().getEncoded(),
                    basic.getSignatureAlgorithmID().getEncoded(),
                    basic.getTBSResponseData(),
                    basic.getSignature(),
                    () -> {
                        try {
                            return basic.isSignatureValid(BackendContentVerifierProvider.forKey(
                                    signer.getSubjectPublicKeyInfo().getEncoded()));
                        } catch (Exception e) {
                            return false;
                        }
                    });
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** True if the certificate carries id-pkix-ocsp-nocheck, which exempts it from revocation checks (§9.1). */
    static boolean hasOcspNoCheck(X509CertificateHolder cert) {
        Extension ext = cert.getExtension(OCSP_NO_CHECK);
        return ext != null;
    }

    static byte[] hash(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + algorithm, e);
        }
    }

    private static byte[] encoded(org.bouncycastle.asn1.ASN1Primitive primitive) {
        try {
            return primitive.getEncoded("DER");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
