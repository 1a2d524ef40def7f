package io.github.sectrust4j.revocation.internal;

import static io.github.sectrust4j.revocation.internal.OcspScene.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import io.github.sectrust4j.revocation.ValidFlag;
import io.github.sectrust4j.revocation.ValidFormat;
import io.github.sectrust4j.revocation.ValidGroup;
import io.github.sectrust4j.revocation.ValidInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Combining OCSP and Valid per position (§9.2 "Determined error" and "Consequence", §9.4 Outcomes). */
class RevocationResultTest {
    private static final OcspScene CHAIN = new OcspScene();
    private static final Instant ISSUED = NOW.minus(Duration.ofDays(30));

    private static Optional<ValidDecision> valid(ValidGroup group, boolean onList) {
        return Optional.of(ValidDecision.decide(0, new ValidInfo(group, onList), ISSUED, ValidContext.sslServer(NOW)));
    }

    private static ValidGroup group(EnumSet<ValidFlag> flags, Instant notAfter) {
        return new ValidGroup(
                1,
                flags,
                ValidFormat.SERIAL,
                Optional.empty(),
                Optional.ofNullable(notAfter),
                Optional.empty(),
                Optional.empty());
    }

    private static OcspPosition ocsp(byte[]... responses) {
        OcspPosition position = OcspPosition.of(CHAIN.target());
        for (byte[] response : responses) {
            position = position.consider(response, NOW);
        }
        return position;
    }

    @Test
    void freshGoodOcsp_overridesADefinitiveValidRevoked() {
        Optional<ValidDecision> revoked = valid(group(EnumSet.of(ValidFlag.COMPLETE), null), true);
        RevocationResult result = RevocationResult.of(0, ocsp(CHAIN.response().build()), revoked);
        assertThat(result.state()).isEqualTo(RevocationResult.State.GOOD);
        assertThat(result.source()).contains(RevocationSource.OCSP);
    }

    @Test
    void definitiveValidRevoked_withoutUsableOcsp_isRevokedByValidReasonZero() {
        Optional<ValidDecision> revoked = valid(group(EnumSet.of(ValidFlag.COMPLETE), null), true);
        RevocationResult result =
                RevocationResult.of(0, ocsp(CHAIN.response().unknown().build()), revoked);
        assertThat(result.state()).isEqualTo(RevocationResult.State.REVOKED);
        assertThat(result.source()).contains(RevocationSource.VALID);
        assertThat(result.reason()).hasValue(0);
        assertThat(result.ignored()).hasSize(1);
    }

    @Test
    void validDateConstraintRevocation_isNotLiftedByAGoodOcspResponse() {
        Optional<ValidDecision> dated =
                valid(group(EnumSet.of(ValidFlag.COMPLETE, ValidFlag.DATE_CONSTRAINTS), ISSUED.minusSeconds(1)), false);
        RevocationResult result = RevocationResult.of(0, ocsp(CHAIN.response().build()), dated);
        assertThat(result.state()).isEqualTo(RevocationResult.State.REVOKED);
        assertThat(result.source()).contains(RevocationSource.VALID);
    }

    @Test
    void ocspRevoked_winsOverEverything_withItsOwnReason() {
        Optional<ValidDecision> allowListed =
                valid(group(EnumSet.of(ValidFlag.COMPLETE, ValidFlag.ALLOW_LIST, ValidFlag.NO_CA_V2), null), true);
        byte[] revoked = CHAIN.response()
                .revoked(NOW.minus(Duration.ofDays(1)), RevocationReason.CESSATION_OF_OPERATION)
                .build();
        RevocationResult result = RevocationResult.of(0, ocsp(revoked), allowListed);
        assertThat(result.state()).isEqualTo(RevocationResult.State.REVOKED);
        assertThat(result.reason()).hasValue(5);
    }

    @Test
    void noCaV2AllowListHit_countsAsChecked() {
        Optional<ValidDecision> allowListed =
                valid(group(EnumSet.of(ValidFlag.COMPLETE, ValidFlag.ALLOW_LIST, ValidFlag.NO_CA_V2), null), true);
        RevocationResult result = RevocationResult.of(0, ocsp(), allowListed);
        assertThat(result.state()).isEqualTo(RevocationResult.State.GOOD);
        assertThat(result.source()).contains(RevocationSource.VALID);
    }

    @Test
    void nothingKnown_isNoInformation() {
        assertThat(RevocationResult.of(0, ocsp(), Optional.empty()).state())
                .isEqualTo(RevocationResult.State.NO_INFORMATION);
        Optional<ValidDecision> clean = valid(group(EnumSet.of(ValidFlag.COMPLETE), null), false);
        assertThat(RevocationResult.of(0, ocsp(), clean).state()).isEqualTo(RevocationResult.State.NO_INFORMATION);
    }

    @Test
    void appleAnchorCertificates_getNoValidInformation() {
        assertThat(RevocationScope.validSkipReason(1, 3, false, true)).contains(SkipReason.APPLE_ANCHOR);
        assertThat(RevocationScope.validSkipReason(2, 3, false, true)).contains(SkipReason.TOP_OF_PATH);
        assertThat(RevocationScope.validSkipReason(1, 3, false, false)).isEmpty();
    }
}
