package io.github.sectrust4j.ct.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.text.IsoInstant;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * The CT verdict for one path (spec §8.3) with everything a finding needs to say which SCTs counted,
 * which did not and why.
 *
 * @param release       the iOS release whose CT rules applied
 * @param computed      false on releases without a CT computation (iOS 8)
 * @param qualified     the path is CT-qualified
 * @param path          the decision branch that applied
 * @param issuanceTime  T, the earliest SCT timestamp among current logs (whole seconds), set whenever a
 *                      current log has a valid embedded SCT; the Valid date checks use it (§9.2)
 * @param countBasis    distinct logs, or distinct operators on iOS 9 (§13.3)
 * @param required      the number of distinct logs/operators needed on the decisive path
 * @param counted       how many the path found
 * @param lifetimeRule  the lifetime table of path B (present unless path A decided or the leaf is unreadable)
 * @param outcomes      one entry per SCT seen (and per malformed list), embedded first, then TLS, then OCSP
 * @param notes         problems that are not about one SCT (e.g. leaf not decodable)
 */
public record CtEvaluation(
        IosRelease release,
        boolean computed,
        boolean qualified,
        CtQualificationPath path,
        Optional<Instant> issuanceTime,
        CountBasis countBasis,
        int required,
        int counted,
        Optional<CtLifetimeRule> lifetimeRule,
        List<SctOutcome> outcomes,
        List<String> notes) {
    public CtEvaluation {
        requireNonNull(release, "release");
        requireNonNull(path, "path");
        requireNonNull(issuanceTime, "issuanceTime");
        requireNonNull(countBasis, "countBasis");
        requireNonNull(lifetimeRule, "lifetimeRule");
        outcomes = ImmutableList.copyOf(outcomes);
        notes = ImmutableList.copyOf(notes);
    }

    /** Every name {@link #evidence} can put. */
    public static final ImmutableSet<String> NAMES = ImmutableSet.of(
            "iosRelease",
            "qualified",
            "path",
            "issuanceTime",
            "countBasis",
            "required",
            "counted",
            "lifetimePolicy",
            "lifetime",
            "scts",
            "notes");

    /** What the count counts. */
    public enum CountBasis {
        /** Distinct logs (iOS 10 and later). */
        LOGS,
        /** Distinct log operators (iOS 9, informational only). */
        OPERATORS
    }

    /** The SCTs that counted toward the decisive path. */
    public List<SctOutcome> countedOutcomes() {
        return outcomes.stream().filter(SctOutcome::counted).collect(ImmutableList.toImmutableList());
    }

    /** The SCTs that were not valid, with their verdicts. */
    public List<SctOutcome> rejectedOutcomes() {
        return outcomes.stream().filter(o -> !o.verdict().isValid()).collect(ImmutableList.toImmutableList());
    }

    /**
     * Evidence for a {@code Finding}: plain strings, numbers, booleans and lists in a stable order
     * (qualified, path, issuanceTime, countBasis, required, counted, lifetime, scts, notes).
     */
    public Map<String, Object> evidence() {
        ImmutableMap.Builder<String, Object> m = ImmutableMap.builderWithExpectedSize(11);
        putEvidence(m::put);
        return m.build();
    }

    /**
     * Puts the fields of {@link #evidence()}, in its order, each name once: evidence that embeds them puts them into
     * its own map instead of building this one to copy it.
     */
    public void putEvidence(BiConsumer<String, Object> m) {
        m.accept("iosRelease", release.toString());
        m.accept("qualified", qualified);
        m.accept("path", path.name());
        if (issuanceTime.isPresent()) {
            m.accept("issuanceTime", IsoInstant.format(issuanceTime.get()));
        }
        m.accept("countBasis", countBasis.name());
        m.accept("required", required);
        m.accept("counted", counted);
        if (lifetimeRule.isPresent()) {
            m.accept("lifetimePolicy", lifetimeRule.get().policy().name());
            m.accept("lifetime", lifetimeRule.get().describeLifetime());
        }
        ImmutableList.Builder<Object> scts = ImmutableList.builderWithExpectedSize(outcomes.size());
        for (SctOutcome o : outcomes) {
            scts.add(o.evidence());
        }
        m.accept("scts", scts.build());
        if (!notes.isEmpty()) {
            m.accept("notes", notes);
        }
    }

    /**
     * What the server's admin can change to make the path CT-qualified, in plain words ("" when it
     * is qualified or CT was not computed).
     */
    public String remedy() {
        if (!computed || qualified) {
            return "";
        }
        StringBuilder r = new StringBuilder();
        if (outcomes.stream().anyMatch(o -> o.verdict() == SctVerdict.ENTRY_UNAVAILABLE)) {
            r.append("Send the issuing intermediate certificate with the server certificate: iOS verifies embedded"
                    + " SCTs with the issuer's key. ");
        }
        if (outcomes.isEmpty()) {
            r.append("Use a certificate with embedded SCTs (publicly trusted CAs log certificates to Certificate"
                    + " Transparency and embed the SCTs), or deliver SCTs in the TLS handshake or a stapled OCSP"
                    + " response.");
        } else if (path == CtQualificationPath.EMBEDDED) {
            r.append("The certificate has valid SCTs from ")
                    .append(counted)
                    .append(countBasis == CountBasis.LOGS ? " distinct log(s)" : " distinct operator(s)")
                    .append(" that count; ")
                    .append(lifetimeRule
                            .map(l -> "a certificate valid for " + l.describeLifetime() + " needs ")
                            .orElse("it needs "))
                    .append(required)
                    .append(". Reissue it with SCTs from enough logs in Apple's CT log list, or add SCTs from 2"
                            + " distinct current logs via the TLS extension or OCSP stapling.");
        } else {
            r.append("Provide SCTs from logs in Apple's CT log list: embedded SCTs (reissue the certificate), or SCTs"
                    + " from at least 2 distinct current logs via the TLS extension or OCSP stapling.");
        }
        Map<SctVerdict, Long> rejected = new EnumMap<>(SctVerdict.class);
        for (SctOutcome o : outcomes) {
            if (!o.verdict().isValid() && o.verdict() != SctVerdict.ENTRY_UNAVAILABLE) {
                rejected.merge(o.verdict(), 1L, Long::sum);
            }
        }
        if (!rejected.isEmpty()) {
            r.append(" Not counted: ");
            r.append(rejected.entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey().name())
                            .collect(Collectors.joining(", ")))
                    .append('.');
        }
        return r.toString().trim();
    }

    /** One line for a report, e.g. "CT-qualified via embedded SCTs: 3 of 3 logs". */
    public String summary() {
        if (!computed) {
            return "CT not evaluated on iOS " + release;
        }
        String unit = countBasis == CountBasis.LOGS ? "logs" : "operators";
        // one builder of the line's size (every report's CT note and message carry the line)
        StringBuilder s = new StringBuilder(112);
        switch (path) {
            case EXTERNAL ->
                s.append(qualified ? "CT-qualified" : "not CT-qualified")
                        .append(" via TLS/OCSP SCTs: ")
                        .append(counted)
                        .append(" distinct ")
                        .append(unit)
                        .append(" (")
                        .append(required)
                        .append(" needed)");
            case EMBEDDED -> {
                s.append(qualified ? "CT-qualified" : "not CT-qualified")
                        .append(" via embedded SCTs: ")
                        .append(counted)
                        .append(" of ")
                        .append(required)
                        .append(' ')
                        .append(unit);
                if (lifetimeRule.isPresent()) {
                    lifetimeRule.get().appendLifetime(s.append(" for a lifetime of "));
                }
            }
            case NONE -> {
                return outcomes.isEmpty()
                        ? "not CT-qualified: no SCTs"
                        : "not CT-qualified: no valid embedded SCT from a current log, and no valid TLS/OCSP SCT"
                                + " with 2 distinct current " + unit;
            }
        }
        return s.toString();
    }
}
