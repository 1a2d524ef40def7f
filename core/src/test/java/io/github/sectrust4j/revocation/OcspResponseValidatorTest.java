package io.github.sectrust4j.revocation;

import static io.github.sectrust4j.revocation.TestPki.NOW;
import static io.github.sectrust4j.revocation.TestPki.cert;
import static io.github.sectrust4j.revocation.TestPki.der;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** §9.4 "Response acceptance" items 1, 3, 4 and the Outcomes. */
class OcspResponseValidatorTest {
    private static final TestPki.Chain CHAIN = new TestPki.Chain();
    private static final OcspTarget TARGET = CHAIN.target();

    private static OcspResponseCheck check(byte[] response) {
        return OcspResponseValidator.check(TARGET, response, NOW);
    }

    @Test
    void goodResponseSignedByIssuer_isAcceptedWithNextUpdateAsValidUntil() {
        Instant next = NOW.plus(Duration.ofDays(3));
        OcspResponseCheck result = check(CHAIN.response().good().nextUpdate(next).build());
        assertThat(result.verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        assertThat(result.status()).contains(OcspStatus.GOOD);
        assertThat(result.isDecisive()).isTrue();
        assertThat(result.effectiveNextUpdate()).contains(next);
    }

    @Test
    void revokedResponse_carriesReasonCodeAndRevocationTime() {
        Instant when = NOW.minus(Duration.ofDays(10));
        OcspResponseCheck result = check(CHAIN.response().revoked(when, TestOcsp.KEY_COMPROMISE).build());
        assertThat(result.verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        assertThat(result.status()).contains(OcspStatus.REVOKED);
        assertThat(result.reason()).hasValue(1);
        assertThat(result.revocationTime()).contains(when);
        assertThat(result.isDecisive()).isTrue();
    }

    @Test
    void unknownStatus_isAcceptedButNotDecisive_softFail() {
        OcspResponseCheck result = check(CHAIN.response().unknown().build());
        assertThat(result.status()).contains(OcspStatus.UNKNOWN);
        assertThat(result.isDecisive()).isFalse();
    }

    @Test
    void goodWithNextUpdateMoreThan4500sPast_isStale() {
        OcspResponseCheck result = check(CHAIN.response().thisUpdate(NOW.minus(Duration.ofDays(8)))
                .nextUpdate(NOW.minusSeconds(4501)).build());
        assertThat(result.verdict()).isEqualTo(OcspVerdict.STALE);
        assertThat(result.isDecisive()).isFalse();
    }

    @Test
    void goodWithNextUpdateExactly4500sPast_isStillAccepted() {
        OcspResponseCheck result = check(CHAIN.response().thisUpdate(NOW.minus(Duration.ofDays(8)))
                .nextUpdate(NOW.minusSeconds(4500)).build());
        assertThat(result.verdict()).isEqualTo(OcspVerdict.ACCEPTED);
    }

    @Test
    void absentNextUpdate_meansThisUpdatePlus24h() {
        Instant thisUpdate = NOW.minus(Duration.ofHours(24)).minusSeconds(4501);
        OcspResponseCheck stale = check(CHAIN.response().thisUpdate(thisUpdate).nextUpdate(null).build());
        assertThat(stale.verdict()).isEqualTo(OcspVerdict.STALE);

        Instant fresh = NOW.minus(Duration.ofHours(24)).minusSeconds(4500);
        OcspResponseCheck ok = check(CHAIN.response().thisUpdate(fresh).nextUpdate(null).build());
        assertThat(ok.verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        assertThat(ok.nextUpdate()).isEmpty();
        assertThat(ok.effectiveNextUpdate()).contains(fresh.plus(Duration.ofHours(24)));
    }

    @Test
    void staleRevokedResponse_isStillHonoured() {
        OcspResponseCheck result = check(CHAIN.response().revoked(NOW.minus(Duration.ofDays(100)), 0)
                .producedAt(NOW.minus(Duration.ofDays(60))).thisUpdate(NOW.minus(Duration.ofDays(60)))
                .nextUpdate(NOW.minus(Duration.ofDays(53))).build());
        assertThat(result.verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        assertThat(result.status()).contains(OcspStatus.REVOKED);
    }

    @Test
    void producedAtMoreThan4500sInTheFuture_isNotYetValid_evenWhenRevoked() {
        OcspResponseCheck good = check(CHAIN.response().producedAt(NOW.plusSeconds(4501)).build());
        assertThat(good.verdict()).isEqualTo(OcspVerdict.NOT_YET_VALID);
        OcspResponseCheck revoked = check(CHAIN.response().revoked(NOW.minusSeconds(10), 0)
                .producedAt(NOW.plusSeconds(4501)).build());
        assertThat(revoked.verdict()).isEqualTo(OcspVerdict.NOT_YET_VALID);
        assertThat(check(CHAIN.response().producedAt(NOW.plusSeconds(4500)).build()).verdict())
                .isEqualTo(OcspVerdict.ACCEPTED);
    }

    @Test
    void goodWithThisUpdateMoreThan4500sInTheFuture_isNotYetValid() {
        OcspResponseCheck result = check(CHAIN.response().thisUpdate(NOW.plusSeconds(4501)).build());
        assertThat(result.verdict()).isEqualTo(OcspVerdict.NOT_YET_VALID);
    }

    @Test
    void freshnessUsesTheCurrentClockArgument_notTheCertificateDates() {
        byte[] response = CHAIN.response().thisUpdate(NOW.minusSeconds(3600)).nextUpdate(NOW.plusSeconds(3600)).build();
        assertThat(OcspResponseValidator.check(TARGET, response, NOW).verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        Instant muchLater = NOW.plus(Duration.ofDays(2));
        assertThat(OcspResponseValidator.check(TARGET, response, muchLater).verdict()).isEqualTo(OcspVerdict.STALE);
    }

    @Test
    void responseSignedWithAnotherKey_hasBadSignature() {
        KeyPair other = TestPki.key();
        OcspResponseCheck result = check(CHAIN.response().signedBy(other.getPrivate(), CHAIN.issuer).build());
        assertThat(result.verdict()).isEqualTo(OcspVerdict.BAD_SIGNATURE);
    }

    @Test
    void responseForAnotherSerial_isWrongCertId() {
        OcspResponseCheck result = check(CHAIN.response().serial(BigInteger.valueOf(424242)).build());
        assertThat(result.verdict()).isEqualTo(OcspVerdict.WRONG_CERT_ID);
    }

    @Test
    void responseForSameSerialUnderAnotherIssuer_isWrongCertId() {
        TestPki.Chain other = new TestPki.Chain();
        byte[] response = TestOcsp.forCertificate(other.issuer, CHAIN.leaf.getSerialNumber())
                .signedBy(other.issuerKey.getPrivate(), other.issuer).build();
        assertThat(check(response).verdict()).isEqualTo(OcspVerdict.WRONG_CERT_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha224", "sha256", "sha384", "sha512"})
    void certIdWithOtherHashAlgorithms_isRecomputedAndMatches(String name) {
        AlgorithmIdentifier hash = new AlgorithmIdentifier(switch (name) {
            case "sha224" -> NISTObjectIdentifiers.id_sha224;
            case "sha256" -> NISTObjectIdentifiers.id_sha256;
            case "sha384" -> NISTObjectIdentifiers.id_sha384;
            default -> NISTObjectIdentifiers.id_sha512;
        });
        assertThat(check(CHAIN.response().certIdHash(hash).build()).verdict()).isEqualTo(OcspVerdict.ACCEPTED);
    }

    @Test
    void delegatedResponderWithOcspSigningEku_isAccepted_byNameAndByKey() {
        byte[] byName = CHAIN.response().signedBy(CHAIN.responderKey.getPrivate(), CHAIN.responder)
                .includeCertificate(CHAIN.responder).build();
        assertThat(check(byName).verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        byte[] byKey = CHAIN.response().signedBy(CHAIN.responderKey.getPrivate(), CHAIN.responder)
                .responderIdByKey().includeCertificate(CHAIN.responder).build();
        assertThat(check(byKey).verdict()).isEqualTo(OcspVerdict.ACCEPTED);
    }

    @Test
    void delegatedResponderWithoutOcspSigningEku_isUnauthorized() {
        X509CertificateHolder noEku = cert().subject("CN=No EKU Responder").key(CHAIN.responderKey.getPublic())
                .issuedBy(CHAIN.issuer, CHAIN.issuerKey.getPrivate()).ca(false)
                .keyUsage(KeyUsage.digitalSignature).eku(KeyPurposeId.id_kp_serverAuth).build();
        assertThat(verdictWithResponder(noEku)).isEqualTo(OcspVerdict.UNAUTHORIZED_SIGNER);
    }

    @Test
    void delegatedResponderThatIsACa_isUnauthorized() {
        X509CertificateHolder ca = cert().subject("CN=CA Responder").key(CHAIN.responderKey.getPublic())
                .issuedBy(CHAIN.issuer, CHAIN.issuerKey.getPrivate()).ca(true)
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign).eku(KeyPurposeId.id_kp_OCSPSigning).build();
        assertThat(verdictWithResponder(ca)).isEqualTo(OcspVerdict.UNAUTHORIZED_SIGNER);
    }

    @Test
    void delegatedResponderWithKeyUsageLackingDigitalSignature_isUnauthorized() {
        X509CertificateHolder responder = cert().subject("CN=KU Responder").key(CHAIN.responderKey.getPublic())
                .issuedBy(CHAIN.issuer, CHAIN.issuerKey.getPrivate()).ca(false)
                .keyUsage(KeyUsage.keyEncipherment).eku(KeyPurposeId.id_kp_OCSPSigning).build();
        assertThat(verdictWithResponder(responder)).isEqualTo(OcspVerdict.UNAUTHORIZED_SIGNER);
    }

    @Test
    void delegatedResponderWithoutKeyUsageExtension_isAccepted() {
        X509CertificateHolder responder = cert().subject("CN=No KU Responder").key(CHAIN.responderKey.getPublic())
                .issuedBy(CHAIN.issuer, CHAIN.issuerKey.getPrivate()).ca(false)
                .eku(KeyPurposeId.id_kp_OCSPSigning).build();
        assertThat(verdictWithResponder(responder)).isEqualTo(OcspVerdict.ACCEPTED);
    }

    @Test
    void responderSignedByAnotherCa_isUnauthorized_evenWithTheSameIssuerName() {
        KeyPair impostorCaKey = TestPki.key();
        X509CertificateHolder responder = cert().subject("CN=Impostor Responder").key(CHAIN.responderKey.getPublic())
                .issuedBy(CHAIN.issuer, impostorCaKey.getPrivate()).ca(false)
                .keyUsage(KeyUsage.digitalSignature).eku(KeyPurposeId.id_kp_OCSPSigning).build();
        assertThat(verdictWithResponder(responder)).isEqualTo(OcspVerdict.UNAUTHORIZED_SIGNER);
    }

    @Test
    void responderNamedButNotIncluded_andNotTheIssuer_isUnauthorized() {
        byte[] response = CHAIN.response().signedBy(CHAIN.responderKey.getPrivate(), CHAIN.responder).build();
        assertThat(check(response).verdict()).isEqualTo(OcspVerdict.UNAUTHORIZED_SIGNER);
    }

    @Test
    void expiredResponder_isUnauthorizedForGood_butValidAtProducedAtForRevoked() {
        X509CertificateHolder expired = cert().subject("CN=Old Responder").key(CHAIN.responderKey.getPublic())
                .issuedBy(CHAIN.issuer, CHAIN.issuerKey.getPrivate()).ca(false)
                .validity(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(30)))
                .keyUsage(KeyUsage.digitalSignature).eku(KeyPurposeId.id_kp_OCSPSigning).build();
        assertThat(verdictWithResponder(expired)).isEqualTo(OcspVerdict.UNAUTHORIZED_SIGNER);

        Instant producedAt = NOW.minus(Duration.ofDays(60));
        byte[] revoked = CHAIN.response().revoked(NOW.minus(Duration.ofDays(90)), 0).producedAt(producedAt)
                .thisUpdate(producedAt).nextUpdate(producedAt.plus(Duration.ofDays(7)))
                .signedBy(CHAIN.responderKey.getPrivate(), expired).includeCertificate(expired).build();
        OcspResponseCheck result = check(revoked);
        assertThat(result.verdict()).isEqualTo(OcspVerdict.ACCEPTED);
        assertThat(result.status()).contains(OcspStatus.REVOKED);
    }

    @Test
    void unsuccessfulResponseStatus_isIgnored() {
        byte[] tryLater = CHAIN.response().responseStatus(OCSPRespBuilder.TRY_LATER).build();
        assertThat(check(tryLater).verdict()).isEqualTo(OcspVerdict.UNSUCCESSFUL_STATUS);
    }

    @Test
    void garbage_isMalformed() {
        assertThat(check(new byte[] {0x30, 0x03, 0x0a, 0x01}).verdict()).isEqualTo(OcspVerdict.MALFORMED);
        assertThat(check(new byte[0]).verdict()).isEqualTo(OcspVerdict.MALFORMED);
    }

    @Test
    void sctListExtension_isExtractedFromSuccessfulResponses_evenWhenWronglySigned() {
        byte[] sct = {0x04, 0x05, 0x00, 0x03, 1, 2, 3};
        KeyPair other = TestPki.key();
        byte[] badlySigned = CHAIN.response().sctListExtension(sct).signedBy(other.getPrivate(), CHAIN.issuer).build();
        assertThat(OcspResponseValidator.sctListExtension(TARGET, badlySigned)).hasValueSatisfying(
                bytes -> assertThat(bytes).containsExactly(sct));
        assertThat(OcspResponseValidator.sctListExtension(TARGET, CHAIN.response().build())).isEmpty();
        byte[] otherSerial = CHAIN.response().serial(BigInteger.TEN).sctListExtension(sct).build();
        assertThat(OcspResponseValidator.sctListExtension(TARGET, otherSerial)).isEmpty();
        byte[] unsuccessful = CHAIN.response().sctListExtension(sct).responseStatus(OCSPRespBuilder.INTERNAL_ERROR)
                .build();
        assertThat(OcspResponseValidator.sctListExtension(TARGET, unsuccessful)).isEmpty();
        assertThat(OcspResponseValidator.sctListExtension(TARGET, new byte[] {1, 2, 3})).isEmpty();
    }

    @Test
    void malformedTargetCertificates_areRejectedWithAClearError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OcspTarget.of(new byte[] {1, 2}, der(CHAIN.issuer)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("certificate");
    }

    private static OcspVerdict verdictWithResponder(X509CertificateHolder responder) {
        byte[] response = CHAIN.response().signedBy(CHAIN.responderKey.getPrivate(), responder)
                .includeCertificate(responder).build();
        return check(response).verdict();
    }
}
