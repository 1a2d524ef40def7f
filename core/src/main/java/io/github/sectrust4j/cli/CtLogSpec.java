package io.github.sectrust4j.cli;

import io.github.sectrust4j.truststores.CtLogState;
import java.time.Instant;
import java.util.Optional;

/**
 * One validated {@code ctLogs} entry of a batch request (a private or test CT log). Parsed and
 * checked now so that a bad list is reported precisely; the evaluator does not take a custom log
 * list yet, so a request carrying one is answered with an input error (never silently ignored).
 *
 * @param spki           the log's subjectPublicKeyInfo (DER)
 * @param operator       operator name
 * @param description    description, if given
 * @param state          log state (default usable)
 * @param stateTimestamp when the state was entered (required for readonly and retired)
 */
record CtLogSpec(byte[] spki, String operator, Optional<String> description, CtLogState state,
                 Optional<Instant> stateTimestamp) {
    CtLogSpec {
        spki = spki.clone();
    }
}
