package io.github.sectrust4j.check;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import java.util.Optional;

/**
 * A check failure as iOS records it (§1.7): the check, the chain index, the result it forces (the
 * check's default or a call-site override), and the check's own evidence record.
 *
 * @param code     the check (the name iOS records it under in this release)
 * @param index    chain index where iOS records it
 * @param severity the result it forces
 * @param evidence what the check found: its typed record, rendered in a stable order
 */
public record Failure(FindingCode code, int index, Severity severity, Evidence evidence) {
    public Failure {
        requireNonNull(code, "code");
        requireNonNull(severity, "severity");
        requireNonNull(evidence, "evidence");
    }

    public static Failure of(FindingCode code, int index, Evidence evidence) {
        return new Failure(code, index, code.defaultSeverity(), evidence);
    }

    /** The same failure recorded under another name or result (release renames, call-site overrides). */
    public Failure as(FindingCode recorded, Severity forced) {
        return new Failure(recorded, index, forced, evidence);
    }

    /** The evidence as this check's record type: a check reads only its own findings. */
    public <E extends Evidence> E evidence(Class<E> type) {
        Evidence record = evidence.record();
        if (!type.isInstance(record)) {
            throw new IllegalStateException(code.code() + " at " + index + " carries "
                    + record.getClass().getSimpleName() + ", not " + type.getSimpleName());
        }
        return type.cast(record);
    }

    /**
     * The value whoever recorded this failure added under {@code name} with {@link Evidence#with} (a suppressed
     * failure's note says what suppressed it); empty when nobody did. Reads the annotation, not the rendered map.
     */
    public Optional<Object> annotation(String name) {
        for (Evidence e = evidence; e instanceof Evidence.Marked a; e = a.base()) {
            if (a.name().equals(name)) {
                return Optional.of(a.value());
            }
        }
        return Optional.empty();
    }

    /** Whether the evidence is (or annotates) a record of {@code type}: a code several checks record. */
    public boolean carries(Class<? extends Evidence> type) {
        return type.isInstance(evidence.record());
    }
}
