package io.github.sectrust4j.ct;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One log of a CT log list as iOS holds it (spec §8.4).
 *
 * @param logId                 SHA-256 of {@code spki}
 * @param spki                  the log's SubjectPublicKeyInfo DER
 * @param operator              operator name (used only by the iOS 9 operator counting, §13.3)
 * @param description           human name of the log, e.g. "Google 'Argon2024' log"
 * @param state                 the log's state
 * @param stateTimestamp        frozen time (READONLY) or retirement time (RETIRED); required for those
 * @param shardStartInclusive   temporal shard window start on the leaf's notAfter, if sharded
 * @param shardEndExclusive     temporal shard window end on the leaf's notAfter, if sharded
 * @param tiled                 a static-CT-API ("tiled") log
 * @param tlsOnly               listed for TLS only (irrelevant for TLS evaluation, §8.4)
 */
public record CtLog(
        LogId logId,
        byte[] spki,
        String operator,
        String description,
        CtLogState state,
        Optional<Instant> stateTimestamp,
        Optional<Instant> shardStartInclusive,
        Optional<Instant> shardEndExclusive,
        boolean tiled,
        boolean tlsOnly) {
    public CtLog {
        requireNonNull(logId, "logId");
        spki = requireNonNull(spki, "spki").clone();
        requireNonNull(operator, "operator");
        requireNonNull(description, "description");
        requireNonNull(state, "state");
        requireNonNull(stateTimestamp, "stateTimestamp");
        requireNonNull(shardStartInclusive, "shardStartInclusive");
        requireNonNull(shardEndExclusive, "shardEndExclusive");
        checkArgument(
                logId.equals(LogId.ofSpki(spki)),
                "log id %s is not the SHA-256 of the log key (%s)",
                logId,
                LogId.ofSpki(spki));
        checkArgument(
                !state.needsTimestamp() || stateTimestamp.isPresent(),
                "a %s log needs its state timestamp (%s)",
                state,
                description);
        checkArgument(
                shardStartInclusive.isPresent() == shardEndExclusive.isPresent(),
                "a temporal shard needs both start and end (%s)",
                description);
    }

    /** A current (usable) log with no dates and no shard. */
    public static CtLog usable(byte[] spki, String operator, String description) {
        return of(spki, operator, description, CtLogState.USABLE, null);
    }

    /** A log in the given state; {@code stateTimestamp} may be null for states that need none. */
    public static CtLog of(byte[] spki, String operator, String description, CtLogState state, Instant stateTimestamp) {
        return new CtLog(
                LogId.ofSpki(requireNonNull(spki, "spki")),
                spki,
                operator,
                description,
                state,
                Optional.ofNullable(stateTimestamp),
                Optional.empty(),
                Optional.empty(),
                false,
                false);
    }

    /** This log restricted to leaves with {@code start <= notAfter < end}. */
    public CtLog withShard(Instant startInclusive, Instant endExclusive) {
        return new CtLog(
                logId,
                spki,
                operator,
                description,
                state,
                stateTimestamp,
                Optional.of(startInclusive),
                Optional.of(endExclusive),
                tiled,
                tlsOnly);
    }

    /** This log with the tiled / tls_only flags. */
    public CtLog withFlags(boolean tiled, boolean tlsOnly) {
        return new CtLog(
                logId,
                spki,
                operator,
                description,
                state,
                stateTimestamp,
                shardStartInclusive,
                shardEndExclusive,
                tiled,
                tlsOnly);
    }

    @Override
    public byte[] spki() {
        return spki.clone();
    }

    /** Not retired: the §8.3 "current" logs (read-only logs are current). */
    public boolean isCurrent() {
        return state != CtLogState.RETIRED;
    }

    /** Retirement time of a retired log. */
    public Optional<Instant> retiredAt() {
        return state == CtLogState.RETIRED ? stateTimestamp : Optional.empty();
    }

    /** Frozen time of a read-only log. */
    public Optional<Instant> frozenAt() {
        return state == CtLogState.READONLY ? stateTimestamp : Optional.empty();
    }

    /** True if a leaf with this notAfter may be logged here (§8.2 item 6). */
    public boolean acceptsNotAfter(Instant leafNotAfter) {
        if (shardStartInclusive.isEmpty()) {
            return true;
        }
        return !leafNotAfter.isBefore(shardStartInclusive.get()) && leafNotAfter.isBefore(shardEndExclusive.get());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CtLog l
                && logId.equals(l.logId)
                && Arrays.equals(spki, l.spki)
                && operator.equals(l.operator)
                && description.equals(l.description)
                && state == l.state
                && stateTimestamp.equals(l.stateTimestamp)
                && shardStartInclusive.equals(l.shardStartInclusive)
                && shardEndExclusive.equals(l.shardEndExclusive)
                && tiled == l.tiled
                && tlsOnly == l.tlsOnly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                logId,
                operator,
                description,
                state,
                stateTimestamp,
                shardStartInclusive,
                shardEndExclusive,
                tiled,
                tlsOnly);
    }

    @Override
    public String toString() {
        return "CtLog[" + description + " (" + operator + "), " + state
                + stateTimestamp.map(t -> " at " + t).orElse("")
                + shardStartInclusive
                        .map(s -> ", shard [" + s + ", " + shardEndExclusive.get() + ")")
                        .orElse("")
                + ", id " + logId + "]";
    }
}
