package io.github.sectrust4j.revocation.internal;

import static io.github.sectrust4j.revocation.internal.OcspScene.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** Robustness and boundary properties of OCSP acceptance (§9.4). */
class OcspRobustnessProperties {
    private static final OcspScene CHAIN = new OcspScene();
    private static final OcspTarget TARGET = CHAIN.target();
    private static final byte[] GOOD = CHAIN.response().build();
    private static final byte[] REVOKED = CHAIN.response()
            .revoked(NOW.minusSeconds(86400), RevocationReason.KEY_COMPROMISE)
            .build();

    @Property(tries = 300)
    void randomBytes_neverThrow_andAreNeverAccepted(@ForAll @Size(max = 600) byte[] garbage) {
        Statistics.label("length").collect(garbage.length <= 16 ? "up to 16 bytes" : "longer");
        Statistics.label("length").coverage(c -> {
            c.check("up to 16 bytes").count(n -> n > 0);
            c.check("longer").count(n -> n > 0);
        });
        OcspResponseCheck result = OcspResponseValidator.check(TARGET, garbage, NOW);
        assertThat(result.verdict()).isNotEqualTo(OcspVerdict.ACCEPTED);
        assertThat(OcspResponseValidator.sctListExtension(TARGET, garbage)).isNotNull();
    }

    @Property(tries = 300)
    void singleByteMutations_neverThrow_andNeverFlipTheStatus(
            @ForAll @IntRange(min = 0, max = 10_000) int where,
            @ForAll @IntRange(min = 1, max = 255) int xor,
            @ForAll boolean revoked) {
        byte[] original = revoked ? REVOKED : GOOD;
        byte[] mutated = original.clone();
        mutated[where % mutated.length] ^= (byte) xor;
        OcspResponseCheck result = OcspResponseValidator.check(TARGET, mutated, NOW);
        Statistics.collect(result.verdict() == OcspVerdict.ACCEPTED ? "still accepted" : "rejected");
        Statistics.coverage(c -> {
            c.check("rejected").percentage(p -> p > 50);
        });
        if (result.verdict() == OcspVerdict.ACCEPTED) {
            // Only unsigned bytes can change without rejection: never the signed status.
            assertThat(result.status()).contains(revoked ? OcspStatus.REVOKED : OcspStatus.GOOD);
        }
    }

    @Property(tries = 200)
    void goodResponse_isAcceptedExactlyWhenNextUpdateIsWithinLeeway(
            @ForAll @IntRange(min = -20_000, max = 20_000) int secondsSinceNextUpdate) {
        Statistics.collect(secondsSinceNextUpdate > 4500 ? "stale" : "within leeway");
        Statistics.coverage(c -> {
            c.check("stale").count(n -> n > 0);
            c.check("within leeway").count(n -> n > 0);
        });
        Instant nextUpdate = NOW.minusSeconds(secondsSinceNextUpdate);
        byte[] response = CHAIN.response()
                .thisUpdate(nextUpdate.minus(Duration.ofDays(1)))
                .nextUpdate(nextUpdate)
                .producedAt(nextUpdate.minus(Duration.ofDays(1)))
                .build();
        OcspVerdict verdict = OcspResponseValidator.check(TARGET, response, NOW).verdict();
        assertThat(verdict).isEqualTo(secondsSinceNextUpdate > 4500 ? OcspVerdict.STALE : OcspVerdict.ACCEPTED);
    }

    @Property(tries = 200)
    void producedAt_isAcceptedExactlyWhenAtMost4500sAhead(@ForAll @IntRange(min = -9000, max = 9000) int ahead) {
        Statistics.collect(ahead > 4500 ? "too far ahead" : "within 4500 s");
        Statistics.coverage(c -> {
            c.check("too far ahead").count(n -> n > 0);
            c.check("within 4500 s").count(n -> n > 0);
        });
        byte[] response = CHAIN.response().producedAt(NOW.plusSeconds(ahead)).build();
        OcspVerdict verdict = OcspResponseValidator.check(TARGET, response, NOW).verdict();
        assertThat(verdict).isEqualTo(ahead > 4500 ? OcspVerdict.NOT_YET_VALID : OcspVerdict.ACCEPTED);
    }
}
