package io.github.sectrust4j.revocation.internal;

import static io.github.sectrust4j.revocation.internal.OcspScene.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** §9.4 item 2 (fresher wins) and the per-position result (§9.4 Outcomes). */
class OcspPositionTest {
    private static final OcspScene CHAIN = new OcspScene();

    @Test
    void fresherResponse_replacesTheHeldOne_olderIsIgnoredAsNotFresher() {
        byte[] older = CHAIN.response()
                .thisUpdate(NOW.minus(Duration.ofHours(5)))
                .nextUpdate(NOW.plus(Duration.ofDays(1)))
                .build();
        byte[] newer = CHAIN.response()
                .thisUpdate(NOW.minus(Duration.ofHours(1)))
                .nextUpdate(NOW.plus(Duration.ofDays(2)))
                .build();

        OcspPosition position =
                OcspPosition.of(CHAIN.target()).consider(older, NOW).consider(newer, NOW);
        assertThat(position.held().orElseThrow().thisUpdate()).contains(NOW.minus(Duration.ofHours(1)));
        assertThat(position.ignored()).extracting(OcspResponseCheck::verdict).containsExactly(OcspVerdict.NOT_FRESHER);

        OcspPosition reversed =
                OcspPosition.of(CHAIN.target()).consider(newer, NOW).consider(older, NOW);
        assertThat(reversed.held().orElseThrow().thisUpdate()).contains(NOW.minus(Duration.ofHours(1)));
        assertThat(reversed.ignored()).extracting(OcspResponseCheck::verdict).containsExactly(OcspVerdict.NOT_FRESHER);
    }

    @Test
    void equalThisUpdate_isNotFresher() {
        byte[] response = CHAIN.response().build();
        OcspPosition position =
                OcspPosition.of(CHAIN.target()).consider(response, NOW).consider(response, NOW);
        assertThat(position.ignored()).extracting(OcspResponseCheck::verdict).containsExactly(OcspVerdict.NOT_FRESHER);
    }

    @Test
    void revokedResponse_isNotDisplacedByALaterGood() {
        byte[] revoked = CHAIN.response()
                .revoked(NOW.minus(Duration.ofDays(3)), RevocationReason.SUPERSEDED)
                .thisUpdate(NOW.minus(Duration.ofHours(5)))
                .build();
        byte[] laterGood =
                CHAIN.response().thisUpdate(NOW.minus(Duration.ofHours(1))).build();
        OcspPosition position =
                OcspPosition.of(CHAIN.target()).consider(revoked, NOW).consider(laterGood, NOW);
        RevocationResult result = RevocationResult.fromOcsp(0, position);
        assertThat(result.state()).isEqualTo(RevocationResult.State.REVOKED);
        assertThat(result.reason()).hasValue(4);
        assertThat(result.source()).contains(RevocationSource.OCSP);
    }

    @Test
    void ignoredResponses_leaveNoInformation_withReasonsAsEvidence() {
        byte[] unknown = CHAIN.response().unknown().build();
        byte[] stale = CHAIN.response()
                .thisUpdate(NOW.minus(Duration.ofDays(9)))
                .nextUpdate(NOW.minus(Duration.ofDays(2)))
                .build();
        OcspPosition position = OcspPosition.of(CHAIN.target())
                .consider(unknown, NOW)
                .consider(stale, NOW)
                .consider(new byte[] {9, 9}, NOW);
        RevocationResult result = RevocationResult.fromOcsp(0, position);
        assertThat(result.state()).isEqualTo(RevocationResult.State.NO_INFORMATION);
        assertThat(result.ignored())
                .extracting(OcspResponseCheck::verdict)
                .containsExactly(OcspVerdict.ACCEPTED, OcspVerdict.STALE, OcspVerdict.MALFORMED);
        Map<String, Object> evidence = result.evidence();
        assertThat(evidence.keySet()).containsExactly("position", "revocationState", "ignoredResponses");
        assertThat((List<?>) evidence.get("ignoredResponses")).hasSize(3);
    }

    @Test
    void goodResult_reportsValidUntil_asEvidenceInStableOrder() {
        byte[] good = CHAIN.response().nextUpdate(NOW.plus(Duration.ofDays(4))).build();
        RevocationResult result =
                RevocationResult.fromOcsp(1, OcspPosition.of(CHAIN.target()).consider(good, NOW));
        assertThat(result.state()).isEqualTo(RevocationResult.State.GOOD);
        assertThat(result.validUntil()).contains(NOW.plus(Duration.ofDays(4)));
        assertThat(result.evidence())
                .containsExactly(
                        Map.entry("position", 1),
                        Map.entry("revocationState", "GOOD"),
                        Map.entry("source", "OCSP"),
                        Map.entry("validUntil", NOW.plus(Duration.ofDays(4)).toString()));
    }

    @Test
    void revokedByValid_reportsReasonZeroAndSourceValid() {
        RevocationResult valid = RevocationResult.revokedByValid(2, List.of());
        assertThat(valid.reason()).hasValue(0);
        assertThat(valid.source()).contains(RevocationSource.VALID);
        assertThat(valid.evidence()).containsEntry("reason", 0).containsEntry("source", "VALID");
    }
}
