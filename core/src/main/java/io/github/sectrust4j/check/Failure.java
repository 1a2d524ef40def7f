package io.github.sectrust4j.check;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.text.StableOrder;
import java.util.Map;

/**
 * A check failure as iOS records it (§1.7): the check, the chain index, the result it forces (the
 * check's default or a call-site override), and evidence for the finding built from it.
 *
 * @param code     the check
 * @param index    chain index where iOS records it
 * @param severity the result it forces
 * @param evidence structured evidence, stable order
 */
public record Failure(FindingCode code, int index, Severity severity, Map<String, Object> evidence) {
    public Failure {
        requireNonNull(code, "code");
        requireNonNull(severity, "severity");
        evidence = StableOrder.evidence(evidence); // fixed here: a Map.of order would be this JVM's
    }

    public static Failure of(FindingCode code, int index, Map<String, Object> evidence) {
        return new Failure(code, index, code.defaultSeverity(), evidence);
    }
}
