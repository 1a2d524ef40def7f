package io.github.sectrust4j.revocation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.revocation.ValidFlag;
import io.github.sectrust4j.revocation.ValidFormat;
import io.github.sectrust4j.revocation.ValidGroup;
import io.github.sectrust4j.revocation.ValidInfo;
import io.github.sectrust4j.revocation.ValidPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/** Invariants of the §9.2 processing over every flag combination, format and list answer. */
class ValidDecisionProperties {
    private static final Instant NOW = Instant.parse("2024-05-01T00:00:00Z");

    private static ValidDecision decide(
            int bits, ValidFormat format, boolean onList, int position, long issuedOffset, boolean appleAnchored) {
        Set<ValidFlag> flags = ValidFlag.fromBits(bits);
        ValidGroup group = new ValidGroup(
                1,
                flags,
                format,
                Optional.of(NOW.minusSeconds(86400L * 400)),
                Optional.of(NOW.minusSeconds(86400L * 100)),
                Optional.of(List.of(ValidPolicy.CLIENT_AUTHENTICATION)),
                Optional.empty());
        return ValidDecision.decide(
                position,
                new ValidInfo(group, onList),
                NOW.minusSeconds(issuedOffset),
                new ValidContext(NOW, true, appleAnchored));
    }

    @Property(tries = 400)
    void overridableGroups_neverProduceAFatalFailure(
            @ForAll @IntRange(min = 0, max = 0x7FF) int bits,
            @ForAll ValidFormat format,
            @ForAll boolean onList,
            @ForAll @IntRange(min = 0, max = 2) int position,
            @ForAll @IntRange(min = 0, max = 600 * 86400) int issued,
            @ForAll boolean appleAnchored) {
        ValidDecision decision =
                decide(bits | ValidFlag.OVERRIDABLE.bit(), format, onList, position, issued, appleAnchored);
        Statistics.collect(decision.failures(false).isEmpty() ? "no failure" : "failures");
        Statistics.coverage(c -> {
            c.check("no failure").count(n -> n > 0);
            c.check("failures").count(n -> n > 0);
        });
        assertThat(decision.failures(false)).extracting(ValidFailure::severity).doesNotContain(Severity.FATAL);
    }

    @Property(tries = 400)
    void withoutRevokedInfoOrConstraints_thereIsNoFailure(
            @ForAll @IntRange(min = 0, max = 0x7FF) int bits,
            @ForAll ValidFormat format,
            @ForAll boolean onList,
            @ForAll @IntRange(min = 0, max = 2) int position,
            @ForAll boolean appleAnchored) {
        int withoutConstraints = bits & ~(ValidFlag.DATE_CONSTRAINTS.bit() | ValidFlag.POLICY_CONSTRAINTS.bit());
        ValidDecision decision = decide(withoutConstraints, format, onList, position, 86400L * 200, appleAnchored);
        Statistics.collect(decision.info().revoked() ? "revoked" : "not revoked");
        Statistics.coverage(c -> {
            c.check("revoked").count(n -> n > 0);
            c.check("not revoked").count(n -> n > 0);
        });
        if (!decision.info().revoked()) {
            assertThat(decision.failures(false)).isEmpty();
        }
    }

    @Property(tries = 400)
    void aUsableOcspResponse_onlyLiftsTheDeterminedError(
            @ForAll @IntRange(min = 0, max = 0x7FF) int bits,
            @ForAll ValidFormat format,
            @ForAll boolean onList,
            @ForAll @IntRange(min = 0, max = 2) int position,
            @ForAll @IntRange(min = 0, max = 600 * 86400) int issued) {
        ValidDecision decision = decide(bits, format, onList, position, issued, false);
        Statistics.collect(decision.determinedError().isPresent() ? "determined error" : "no determined error");
        Statistics.coverage(c -> {
            c.check("determined error").count(n -> n > 0);
            c.check("no determined error").count(n -> n > 0);
        });
        assertThat(decision.failures(true)).isEqualTo(decision.immediate());
        if (decision.determinedError().isPresent()) {
            assertThat(decision.info().revoked()).isTrue();
            assertThat(decision.triggerOcsp()).isTrue(); // OCSP gets the chance to override it
        }
    }

    @Property(tries = 400)
    void revocationFailures_alwaysCarryReasonZero(
            @ForAll @IntRange(min = 0, max = 0x7FF) int bits,
            @ForAll ValidFormat format,
            @ForAll boolean onList,
            @ForAll @IntRange(min = 0, max = 2) int position,
            @ForAll @IntRange(min = 0, max = 600 * 86400) int issued) {
        Statistics.collect(
                decide(bits, format, onList, position, issued, false).failures(false).stream()
                                .anyMatch(f -> f.code() == FindingCode.REVOCATION)
                        ? "a revocation failure"
                        : "none");
        Statistics.coverage(c -> {
            c.check("a revocation failure").count(n -> n > 0);
            c.check("none").count(n -> n > 0);
        });
        for (ValidFailure failure :
                decide(bits, format, onList, position, issued, false).failures(false)) {
            assertThat(failure.reason().isPresent()).isEqualTo(failure.code() == FindingCode.REVOCATION);
            failure.reason().ifPresent(r -> assertThat(r).isZero());
        }
    }
}
