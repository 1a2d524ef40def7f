package io.github.sectrust4j.revocation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** §9.5 "Revocation checked" reporting and §9.3 MDM additions. */
class RevocationSummaryTest {
    private static final Instant T1 = Instant.parse("2024-05-03T00:00:00Z");
    private static final Instant T2 = Instant.parse("2024-05-02T00:00:00Z");

    private static RevocationResult ocspGood(int position, Instant until) {
        return new RevocationResult(
                position,
                RevocationResult.State.GOOD,
                Optional.of(RevocationSource.OCSP),
                Optional.of(until),
                Optional.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                List.of());
    }

    private static RevocationResult none(int position) {
        return new RevocationResult(
                position,
                RevocationResult.State.NO_INFORMATION,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                OptionalInt.empty(),
                Optional.empty(),
                List.of());
    }

    @Test
    void everyPositionWithRespondersGood_isChecked_withTheEarliestNextUpdate() {
        RevocationSummary summary = RevocationSummary.of(
                List.of(ocspGood(0, T1), ocspGood(1, T2), RevocationResult.notChecked(2, SkipReason.TOP_OF_PATH)),
                List.of(true, true, false),
                true);
        assertThat(summary).isEqualTo(new RevocationSummary(true, Optional.of(T2)));
    }

    @Test
    void intermediateWithoutResponders_isNotNeeded_butTheLeafAlwaysIs() {
        assertThat(RevocationSummary.of(List.of(ocspGood(0, T1), none(1), none(2)), List.of(true, false, false), true)
                        .revocationChecked())
                .isTrue();
        assertThat(RevocationSummary.of(List.of(none(0), ocspGood(1, T1), none(2)), List.of(false, true, false), true)
                        .revocationChecked())
                .isFalse();
    }

    @Test
    void untrustedEvaluation_isNeverReportedChecked() {
        assertThat(RevocationSummary.of(List.of(ocspGood(0, T1), none(1)), List.of(true, false), false))
                .isEqualTo(new RevocationSummary(false, Optional.empty()));
    }

    @Test
    void validAllowListingOfEveryNonTopPosition_countsAsChecked() {
        RevocationSummary summary = RevocationSummary.of(
                List.of(RevocationResult.allowListedByValid(0), RevocationResult.allowListedByValid(1), none(2)),
                List.of(true, true, false),
                true);
        assertThat(summary.revocationChecked()).isTrue();
        assertThat(summary.expirationDate()).isEmpty();
    }

    @Test
    void mdmAdditionAbove_looksOnlyAboveThePosition() {
        byte[] b = new byte[32];
        b[0] = 1;
        List<byte[]> path = List.of(new byte[32], b, new byte[32]);
        assertThat(OcspFetchTrigger.mdmAdditionAbove(0, path, List.of(b))).isTrue();
        assertThat(OcspFetchTrigger.mdmAdditionAbove(1, path, List.of(b))).isFalse();
        assertThat(OcspFetchTrigger.mdmAdditionAbove(0, path, List.of())).isFalse();
    }
}
