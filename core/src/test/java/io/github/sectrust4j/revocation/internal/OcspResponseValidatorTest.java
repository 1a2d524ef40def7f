package io.github.sectrust4j.revocation.internal;

import static io.github.sectrust4j.revocation.internal.OcspScene.NOW;
import static io.github.sectrust4j.revocation.internal.OcspScene.PKI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.ocsp.OcspResponseBuilder;
import io.github.sectrust4j.fixtures.ocsp.OcspResponseBuilder.CertIdHash;
import io.github.sectrust4j.fixtures.ocsp.OcspResponseBuilder.ErrorStatus;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** §9.4 "Response acceptance" items 1, 3, 4 and the Outcomes. */
class OcspResponseValidatorTest {
    private static final OcspScene SCENE = new OcspScene();
    private static final OcspTarget TARGET = SCENE.target();

    private static OcspResponseCheck check(OcspResponseBuilder response) {
        return OcspResponseValidator.check(TARGET, response.build(), NOW);
    }

    @Test
    void goodResponseSignedByIssuer_isAcceptedWithNextUpdateAsValidUntil() {
        Instant next = NOW.plus(Duration.ofDays(3));
        OcspResponseCheck result = check(SCENE.response().good().nextUpdate(next));
        assertThat(result.verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        assertThat(result.status()).contains(OcspStatus.GOOD);
        assertThat(result.isDecisive()).isTrue();
        assertThat(result.effectiveNextUpdate()).contains(next);
    }

    @Test
    void revokedResponse_carriesReasonCodeAndRevocationTime() {
        Instant when = NOW.minus(Duration.ofDays(10));
        OcspResponseCheck result = check(SCENE.response().revoked(when, RevocationReason.KEY_COMPROMISE));
        assertThat(result.verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        assertThat(result.status()).contains(OcspStatus.REVOKED);
        assertThat(result.reason()).hasValue(1);
        assertThat(result.revocationTime()).contains(when);
        assertThat(result.isDecisive()).isTrue();
    }

    @Test
    void revokedWithoutReasonCode_hasNoReasonInTheCheck_butTheResultReportsZero() {
        OcspResponseCheck result = check(SCENE.response().revoked(NOW.minus(Duration.ofDays(1)), null));
        assertThat(result.reason()).isEmpty();
        OcspPosition position = OcspPosition.of(TARGET).consider(result);
        assertThat(RevocationResult.fromOcsp(0, position).reason()).hasValue(0);
    }

    @Test
    void unknownStatus_isAcceptedButNotDecisive_softFail() {
        OcspResponseCheck result = check(SCENE.response().unknown());
        assertThat(result.status()).contains(OcspStatus.UNKNOWN);
        assertThat(result.isDecisive()).isFalse();
    }

    @Test
    void goodWithNextUpdateMoreThan4500sPast_isStale() {
        OcspResponseCheck result = check(SCENE.response()
                .producedAt(NOW.minus(Duration.ofDays(8)))
                .thisUpdate(NOW.minus(Duration.ofDays(8)))
                .nextUpdate(NOW.minusSeconds(4501)));
        assertThat(result.verdict()).isEqualTo(OcspVerdict.STALE);
        assertThat(result.isDecisive()).isFalse();
    }

    @Test
    void goodWithNextUpdateExactly4500sPast_isStillAccepted() {
        OcspResponseCheck result = check(SCENE.response()
                .producedAt(NOW.minus(Duration.ofDays(8)))
                .thisUpdate(NOW.minus(Duration.ofDays(8)))
                .nextUpdate(NOW.minusSeconds(4500)));
        assertThat(result.verdict()).isEqualTo(OcspVerdict.ACCEPTED);
    }

    @Test
    void absentNextUpdate_meansThisUpdatePlus24h() {
        Instant staleStart = NOW.minus(Duration.ofHours(24)).minusSeconds(4501);
        OcspResponseCheck stale = check(
                SCENE.response().producedAt(staleStart).thisUpdate(staleStart).noNextUpdate());
        assertThat(stale.verdict()).isEqualTo(OcspVerdict.STALE);

        Instant fresh = NOW.minus(Duration.ofHours(24)).minusSeconds(4500);
        OcspResponseCheck ok =
                check(SCENE.response().producedAt(fresh).thisUpdate(fresh).noNextUpdate());
        assertThat(ok.verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        assertThat(ok.nextUpdate()).isEmpty();
        assertThat(ok.effectiveNextUpdate()).contains(fresh.plus(Duration.ofHours(24)));
    }

    @Test
    void staleRevokedResponse_isStillHonoured() {
        OcspResponseCheck result = check(SCENE.response()
                .revoked(NOW.minus(Duration.ofDays(100)), null)
                .producedAt(NOW.minus(Duration.ofDays(60)))
                .thisUpdate(NOW.minus(Duration.ofDays(60)))
                .nextUpdate(NOW.minus(Duration.ofDays(53))));
        assertThat(result.verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        assertThat(result.status()).contains(OcspStatus.REVOKED);
    }

    @Test
    void producedAtMoreThan4500sInTheFuture_isNotYetValid_evenWhenRevoked() {
        assertThat(check(SCENE.response().producedAt(NOW.plusSeconds(4501))).verdict())
                .isEqualTo(OcspVerdict.NOT_YET_VALID);
        assertThat(check(SCENE.response().revoked(NOW.minusSeconds(10), null).producedAt(NOW.plusSeconds(4501)))
                        .verdict())
                .isEqualTo(OcspVerdict.NOT_YET_VALID);
        assertThat(check(SCENE.response().producedAt(NOW.plusSeconds(4500))).verdict())
                .isEqualTo(OcspVerdict.ACCEPTED);
    }

    @Test
    void goodWithThisUpdateMoreThan4500sInTheFuture_isNotYetValid() {
        assertThat(check(SCENE.response().thisUpdate(NOW.plusSeconds(4501))).verdict())
                .isEqualTo(OcspVerdict.NOT_YET_VALID);
    }

    @Test
    void freshnessUsesTheCurrentClockArgument_notTheCertificateDates() {
        byte[] response = SCENE.response()
                .thisUpdate(NOW.minusSeconds(3600))
                .nextUpdate(NOW.plusSeconds(3600))
                .build();
        assertThat(OcspResponseValidator.check(TARGET, response, NOW).verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        Instant muchLater = NOW.plus(Duration.ofDays(2));
        assertThat(OcspResponseValidator.check(TARGET, response, muchLater).verdict())
                .isEqualTo(OcspVerdict.STALE);
    }

    @Test
    void brokenSignature_isBadSignature() {
        assertThat(check(SCENE.response().brokenSignature()).verdict()).isEqualTo(OcspVerdict.BAD_SIGNATURE);
        assertThat(check(SCENE.response().signedBy(SCENE.responder).brokenSignature())
                        .verdict())
                .isEqualTo(OcspVerdict.BAD_SIGNATURE);
    }

    @Test
    void responseSignedWithAnotherKeyUnderTheIssuersName_isBadSignature() {
        HeldCertificate impostor =
                PKI.root("Impostor").subject(SCENE.issuer.subject().getName()).build();
        byte[] response = PKI.ocsp(SCENE.leaf, impostor).build();
        // CertID key hash differs too, so the certificate is not even matched
        assertThat(OcspResponseValidator.check(TARGET, response, NOW).verdict()).isEqualTo(OcspVerdict.WRONG_CERT_ID);
        byte[] sameIdOtherSigner = SCENE.response()
                .signedBy(PKI.ocspResponder("Stranger", impostor).build())
                .build();
        assertThat(OcspResponseValidator.check(TARGET, sameIdOtherSigner, NOW).verdict())
                .isEqualTo(OcspVerdict.UNAUTHORIZED_SIGNER);
    }

    @Test
    void responseForAnotherSerial_isWrongCertId() {
        assertThat(check(SCENE.response().wrongCertId()).verdict()).isEqualTo(OcspVerdict.WRONG_CERT_ID);
    }

    @Test
    void responseForSameSerialUnderAnotherIssuer_isWrongCertId() {
        HeldCertificate otherIssuer = PKI.root("Other CA").build();
        byte[] response = PKI.ocsp(SCENE.leaf, otherIssuer).build();
        assertThat(OcspResponseValidator.check(TARGET, response, NOW).verdict()).isEqualTo(OcspVerdict.WRONG_CERT_ID);
    }

    @Test
    void certIdWithSha256_isRecomputedAndMatches() {
        assertThat(check(SCENE.response().certIdHash(CertIdHash.SHA256)).verdict())
                .isEqualTo(OcspVerdict.ACCEPTED);
    }

    /** SHA-224/384/512 CertIDs (the fixtures builder offers SHA-1 and SHA-256 only): built inline with BC. */
    @ParameterizedTest
    @ValueSource(strings = {"sha224", "sha384", "sha512"})
    void certIdWithOtherHashAlgorithms_isRecomputedAndMatches(String name) throws Exception {
        AlgorithmIdentifier hash = new AlgorithmIdentifier(
                switch (name) {
                    case "sha224" -> NISTObjectIdentifiers.id_sha224;
                    case "sha384" -> NISTObjectIdentifiers.id_sha384;
                    default -> NISTObjectIdentifiers.id_sha512;
                });
        X509CertificateHolder issuer = new X509CertificateHolder(SCENE.issuer.der());
        CertificateID id = new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(hash),
                issuer,
                new X509CertificateHolder(SCENE.leaf.der()).getSerialNumber());
        BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(new RespID(issuer.getSubject()));
        builder.addResponse(
                id, CertificateStatus.GOOD, Date.from(NOW.minusSeconds(60)), Date.from(NOW.plusSeconds(86400)), null);
        byte[] response = new OCSPRespBuilder()
                .build(
                        OCSPRespBuilder.SUCCESSFUL,
                        builder.build(
                                new JcaContentSignerBuilder("SHA256withECDSA")
                                        .build(SCENE.issuer.keyPair().getPrivate()),
                                null,
                                Date.from(NOW)))
                .getEncoded();
        assertThat(OcspResponseValidator.check(TARGET, response, NOW).verdict()).isEqualTo(OcspVerdict.ACCEPTED);
    }

    @Test
    void delegatedResponderWithOcspSigningEku_isAccepted_byNameAndByKey() {
        assertThat(check(SCENE.response().signedBy(SCENE.responder)).verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        assertThat(check(SCENE.response().signedBy(SCENE.responder).responderIdByKey())
                        .verdict())
                .isEqualTo(OcspVerdict.ACCEPTED);
    }

    @Test
    void issuerSignedResponse_withResponderIdByKey_isAccepted() {
        assertThat(check(SCENE.response().responderIdByKey()).verdict()).isEqualTo(OcspVerdict.ACCEPTED);
    }

    @Test
    void delegatedResponderWithoutOcspSigningEku_isUnauthorized() {
        HeldCertificate noEku = PKI.ocspResponder("No EKU Responder", SCENE.issuer)
                .extendedKeyUsage(CertificateBuilder.EKU_SERVER_AUTH)
                .build();
        assertThat(verdictWithResponder(noEku)).isEqualTo(OcspVerdict.UNAUTHORIZED_SIGNER);
    }

    @Test
    void delegatedResponderThatIsACa_isUnauthorized() {
        HeldCertificate ca =
                PKI.ocspResponder("CA Responder", SCENE.issuer).ca(null).build();
        assertThat(verdictWithResponder(ca)).isEqualTo(OcspVerdict.UNAUTHORIZED_SIGNER);
    }

    @Test
    void delegatedResponderWithKeyUsageLackingDigitalSignature_isUnauthorized() {
        HeldCertificate responder = PKI.ocspResponder("KU Responder", SCENE.issuer)
                .keyUsage(CertificateBuilder.KU_KEY_ENCIPHERMENT)
                .build();
        assertThat(verdictWithResponder(responder)).isEqualTo(OcspVerdict.UNAUTHORIZED_SIGNER);
    }

    @Test
    void delegatedResponderWithoutKeyUsageExtension_isAccepted() {
        HeldCertificate responder = PKI.certificate()
                .commonName("No KU Responder")
                .issuedBy(SCENE.issuer)
                .notCa()
                .extendedKeyUsage(CertificateBuilder.EKU_OCSP_SIGNING)
                .validForDays(30)
                .build();
        assertThat(verdictWithResponder(responder)).isEqualTo(OcspVerdict.ACCEPTED);
    }

    @Test
    void responderSignedByAnotherCa_isUnauthorized_evenWithTheIssuersNameAsIssuer() {
        HeldCertificate otherCa = PKI.root("Another CA").build();
        HeldCertificate responder = PKI.ocspResponder("Impostor Responder", otherCa)
                .issuerName(SCENE.issuer.subject().getName())
                .build();
        assertThat(verdictWithResponder(responder)).isEqualTo(OcspVerdict.UNAUTHORIZED_SIGNER);
    }

    @Test
    void responderNamedButNotIncluded_andNotTheIssuer_isUnauthorized() {
        assertThat(check(SCENE.response().signedBy(SCENE.responder).omitResponderCertificate())
                        .verdict())
                .isEqualTo(OcspVerdict.UNAUTHORIZED_SIGNER);
    }

    @Test
    void expiredResponder_isUnauthorizedForGood_butValidAtProducedAtForRevoked() {
        HeldCertificate expired = PKI.ocspResponder("Old Responder", SCENE.issuer)
                .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(30)))
                .build();
        assertThat(verdictWithResponder(expired)).isEqualTo(OcspVerdict.UNAUTHORIZED_SIGNER);

        Instant producedAt = NOW.minus(Duration.ofDays(60));
        OcspResponseCheck result = check(SCENE.response()
                .revoked(NOW.minus(Duration.ofDays(90)), null)
                .producedAt(producedAt)
                .thisUpdate(producedAt)
                .nextUpdate(producedAt.plus(Duration.ofDays(7)))
                .signedBy(expired));
        assertThat(result.verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        assertThat(result.status()).contains(OcspStatus.REVOKED);
    }

    @Test
    void unsuccessfulResponseStatus_isIgnored() {
        assertThat(check(SCENE.response().errorStatus(ErrorStatus.TRY_LATER)).verdict())
                .isEqualTo(OcspVerdict.UNSUCCESSFUL_STATUS);
    }

    @Test
    void garbage_isMalformed() {
        assertThat(OcspResponseValidator.check(TARGET, new byte[] {0x30, 0x03, 0x0a, 0x01}, NOW)
                        .verdict())
                .isEqualTo(OcspVerdict.MALFORMED);
        assertThat(OcspResponseValidator.check(TARGET, new byte[0], NOW).verdict())
                .isEqualTo(OcspVerdict.MALFORMED);
    }

    @Test
    void sctListExtension_isTheExtensionValue_fromSuccessfulResponses_evenWhenWronglySigned() throws Exception {
        byte[] sctList = {0x00, 0x05, 0x00, 0x03, 1, 2, 3};
        byte[] extensionValue = new DEROctetString(sctList).getEncoded();
        byte[] badlySigned = SCENE.response().sctList(sctList).brokenSignature().build();
        assertThat(OcspResponseValidator.sctListExtension(TARGET, badlySigned))
                .hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(extensionValue));
        assertThat(OcspResponseValidator.sctListExtension(
                        TARGET, SCENE.response().build()))
                .isEmpty();
        assertThat(OcspResponseValidator.sctListExtension(
                        TARGET, SCENE.response().wrongCertId().sctList(sctList).build()))
                .isEmpty();
        assertThat(OcspResponseValidator.sctListExtension(
                        TARGET,
                        SCENE.response()
                                .sctList(sctList)
                                .errorStatus(ErrorStatus.INTERNAL_ERROR)
                                .build()))
                .isEmpty();
        assertThat(OcspResponseValidator.sctListExtension(TARGET, new byte[] {1, 2, 3}))
                .isEmpty();
    }

    @Test
    void malformedTargetCertificates_areRejectedWithAClearError() {
        assertThatThrownBy(() -> OcspTarget.of(new byte[] {1, 2}, SCENE.issuer.der()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("certificate");
    }

    private static OcspVerdict verdictWithResponder(HeldCertificate responder) {
        return check(SCENE.response().signedBy(responder)).verdict();
    }
}
