package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The iOS rule a finding enforces: where it is specified, how sure that specification is, and
 * from when it applies.
 *
 * @param section   the section of the behaviour specification, e.g. "§5.2"
 * @param summary   one line stating the rule, e.g. "leaf validity ≤ 398 days if issued on or after 2020-09-01"
 * @param source    the confidence tag of the rule
 * @param effective the instant from which the rule applies to certificates (e.g. issuance cut-off), if any
 * @param since     the first iOS release that enforces it, if known
 */
public record Rule(
        String section, String summary, Confidence source, Optional<Instant> effective, Optional<String> since) {
    public Rule {
        requireNonNull(section, "section");
        requireNonNull(summary, "summary");
        requireNonNull(source, "source");
        requireNonNull(effective, "effective");
        requireNonNull(since, "since");
    }

    public static Rule of(String section, String summary, Confidence source) {
        return new Rule(section, summary, source, Optional.empty(), Optional.empty());
    }

    public Rule effectiveFrom(Instant instant) {
        return new Rule(section, summary, source, Optional.of(instant), since);
    }

    public Rule since(String iosRelease) {
        return new Rule(section, summary, source, effective, Optional.of(iosRelease));
    }
}
