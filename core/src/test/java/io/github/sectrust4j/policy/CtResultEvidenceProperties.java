package io.github.sectrust4j.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.ct.CtLog;
import io.github.sectrust4j.ct.CtLogState;
import io.github.sectrust4j.ct.CtTestLogs;
import io.github.sectrust4j.ct.LogId;
import io.github.sectrust4j.ct.internal.CtEvaluation;
import io.github.sectrust4j.ct.internal.CtLifetimeRule;
import io.github.sectrust4j.ct.internal.CtQualificationPath;
import io.github.sectrust4j.ct.internal.LogListProvenance;
import io.github.sectrust4j.ct.internal.SctOrigin;
import io.github.sectrust4j.ct.internal.SctOutcome;
import io.github.sectrust4j.ct.internal.SctVerdict;
import io.github.sectrust4j.policy.CertificateTransparencyNote.CtResult;
import io.github.sectrust4j.text.DeferredEvidence;
import io.github.sectrust4j.text.IsoInstant;
import io.github.sectrust4j.text.StableOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The CT note's evidence skips {@link StableOrder}'s walk ({@link DeferredEvidence#ofOrdered}) and names an SCT's log
 * by the log list's id text: over evaluations of every shape, what a finding holds is the very map the walk would
 * return (the same object, so the same bytes), and every SCT's {@code logId} is the text its own id encodes to.
 */
class CtResultEvidenceProperties {
    private static final List<CtLog> LOGS = List.of(
            CtTestLogs.usable(CtTestLogs.log("O1", "Evidence L1")),
            CtTestLogs.in(
                    CtTestLogs.log("O2", "Evidence L2"), CtLogState.RETIRED, Instant.parse("2023-01-01T00:00:00Z")),
            CtTestLogs.usable(CtTestLogs.log("O3", "Evidence L3")));

    @Property(tries = 300)
    void evidence_isWhatStableOrderWouldReturn_andLogIdsTheSctsOwn(@ForAll("results") CtResult result) {
        ImmutableMap<String, Object> built = result.build();
        Map<String, Object> held = result.fields();
        CtEvaluation ct = result.ct().evaluation();
        Statistics.collect(
                ct.outcomes().isEmpty() ? "no SCT" : "SCTs",
                ct.lifetimeRule().isPresent() ? "lifetime" : "no lifetime",
                ct.notes().isEmpty() ? "no notes" : "notes",
                result.ct().logListDate().isPresent() ? "dated" : "undated");
        Statistics.label("own log")
                .collect(ct.outcomes().stream().anyMatch(o -> o.log().isPresent() && matches(o)));
        Statistics.label("own log").coverage(c -> c.check(true).count(n -> n > 0)); // the list's id text is used
        Statistics.label("other log")
                .collect(ct.outcomes().stream().anyMatch(o -> o.log().isPresent() && !matches(o)));
        Statistics.label("other log").coverage(c -> c.check(true).count(n -> n > 0)); // the SCT's own id is used
        Statistics.coverage(c -> {
            c.check("SCTs", "lifetime", "notes", "dated").count(n -> n > 0);
            c.check("no SCT", "no lifetime", "no notes", "undated").count(n -> n > 0);
        });

        // the old path: StableOrder.evidence on the build; it returns the same map, so skipping it changes nothing
        assertThat(StableOrder.evidence(built)).isSameAs(built);
        Map<String, Object> old = DeferredEvidence.of(result::build, CtResult.NAMES);
        assertThat(held).isInstanceOf(DeferredEvidence.class).isEqualTo(old);
        assertThat(new ArrayList<>(held.entrySet())).isEqualTo(new ArrayList<>(old.entrySet()));
        assertThat(held.toString()).isEqualTo(old.toString());
        assertThat(held.hashCode()).isEqualTo(old.hashCode());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> scts = (List<Map<String, Object>>) built.get("scts");
        assertThat(scts).hasSameSizeAs(ct.outcomes());
        for (int i = 0; i < scts.size(); i++) {
            SctOutcome o = ct.outcomes().get(i);
            assertThat(scts.get(i).get("logId"))
                    .isEqualTo(o.logId().map(LogId::base64).orElse(null));
        }
    }

    /**
     * The evaluation's fields are put into the note's map as they come ({@link CtEvaluation#putEvidence}), not
     * through a map of their own: over evaluations of every shape the note's entries, and the evaluation's own map,
     * are the ones the evaluation's map built first gave (written out below as it was built).
     */
    @Property(tries = 300)
    void evaluationFields_putInto_theNote_areTheEvaluationMapsEntries(@ForAll("results") CtResult result) {
        CtEvidence ct = result.ct();
        CtEvaluation evaluation = ct.evaluation();
        List<Map.Entry<String, Object>> evaluationMap = evidenceBuiltFirst(evaluation);
        List<Map.Entry<String, Object>> expected = new ArrayList<>();
        expected.add(Map.entry("summary", result.summary()));
        expected.add(Map.entry("ctSummary", result.summary()));
        expected.add(Map.entry("logList", ct.provenance().name()));
        expected.add(Map.entry("logListSize", ct.logListSize()));
        expected.add(Map.entry("logListSource", ct.logListSource()));
        ct.logListDate().ifPresent(d -> expected.add(Map.entry("logListDate", IsoInstant.format(d))));
        if (ct.logListMayBeOutdated()) {
            expected.add(Map.entry("logListMayBeOutdated", true));
        }
        expected.addAll(evaluationMap);

        assertThat(new ArrayList<>(result.build().entrySet())).isEqualTo(expected);
        assertThat(new ArrayList<>(evaluation.evidence().entrySet())).isEqualTo(evaluationMap);
        assertThat(new ArrayList<>(ct.fields().entrySet())).isEqualTo(expected.subList(1, expected.size()));
        Statistics.collect(
                evaluation.issuanceTime().isPresent() ? "issuance" : "no issuance",
                evaluation.lifetimeRule().isPresent() ? "lifetime" : "no lifetime",
                evaluation.notes().isEmpty() ? "no notes" : "notes");
        Statistics.coverage(c -> {
            c.check("issuance", "lifetime", "notes").count(n -> n > 0);
            c.check("no issuance", "no lifetime", "no notes").count(n -> n > 0);
        });
    }

    /** The evaluation's map as {@link CtEvaluation#evidence} built it before it put its fields one by one. */
    private static List<Map.Entry<String, Object>> evidenceBuiltFirst(CtEvaluation e) {
        ImmutableMap.Builder<String, Object> m = ImmutableMap.builderWithExpectedSize(11);
        m.put("iosRelease", e.release().toString());
        m.put("qualified", e.qualified());
        m.put("path", e.path().name());
        if (e.issuanceTime().isPresent()) {
            m.put("issuanceTime", IsoInstant.format(e.issuanceTime().get()));
        }
        m.put("countBasis", e.countBasis().name());
        m.put("required", e.required());
        m.put("counted", e.counted());
        if (e.lifetimeRule().isPresent()) {
            m.put("lifetimePolicy", e.lifetimeRule().get().policy().name());
            m.put("lifetime", e.lifetimeRule().get().describeLifetime());
        }
        ImmutableList.Builder<Object> scts =
                ImmutableList.builderWithExpectedSize(e.outcomes().size());
        for (SctOutcome o : e.outcomes()) {
            scts.add(o.evidence());
        }
        m.put("scts", scts.build());
        if (!e.notes().isEmpty()) {
            m.put("notes", e.notes());
        }
        return new ArrayList<>(m.build().entrySet());
    }

    /** The outcome's log entry has the SCT's id (the entry the log list found for it). */
    private static boolean matches(SctOutcome o) {
        return o.log().isPresent() && o.log().get().logId().equals(o.logId().orElse(null));
    }

    @Provide
    Arbitrary<CtResult> results() {
        Arbitrary<CtEvaluation> evaluations = Combinators.combine(
                        Arbitraries.of("8.0", "9.3", "12.1", "17.4").map(IosRelease::parse),
                        Arbitraries.of(true, false),
                        Arbitraries.of(CtQualificationPath.class),
                        Arbitraries.longs()
                                .between(1_500_000_000L, 1_800_000_000L)
                                .map(Instant::ofEpochSecond)
                                .optional(0.7),
                        Arbitraries.of(CtEvaluation.CountBasis.class),
                        Arbitraries.integers().between(0, 5),
                        lifetimes(),
                        outcomes().list().ofMaxSize(5))
                .as((release, qualified, path, issuance, basis, counted, lifetime, outcomes) -> new CtEvaluation(
                        release,
                        !release.toString().equals("8.0"),
                        qualified,
                        path,
                        issuance,
                        basis,
                        lifetime.map(CtLifetimeRule::required).orElse(2),
                        counted,
                        lifetime,
                        outcomes,
                        List.of()));
        Arbitrary<List<String>> notes = Arbitraries.of("issuer SubjectPublicKeyInfo cannot be decoded: x", "leaf: bad")
                .list()
                .ofMaxSize(2);
        return Combinators.combine(
                        evaluations,
                        notes,
                        Arbitraries.of(LogListProvenance.class),
                        Arbitraries.integers().between(0, 400),
                        Arbitraries.of("release log list", "caller's log list"),
                        Arbitraries.longs()
                                .between(1_600_000_000L, 1_800_000_000L)
                                .map(Instant::ofEpochSecond)
                                .optional(0.5),
                        Arbitraries.of(true, false))
                .as((ct, n, provenance, size, source, date, outdated) -> new CtResult(new CtEvidence(
                        new CtEvaluation(
                                ct.release(),
                                ct.computed(),
                                ct.qualified(),
                                ct.path(),
                                ct.issuanceTime(),
                                ct.countBasis(),
                                ct.required(),
                                ct.counted(),
                                ct.lifetimeRule(),
                                ct.outcomes(),
                                n),
                        provenance,
                        size,
                        source,
                        date,
                        outdated)));
    }

    private static Arbitrary<Optional<CtLifetimeRule>> lifetimes() {
        return Combinators.combine(
                        Arbitraries.longs()
                                .between(1_500_000_000L, 1_700_000_000L)
                                .map(Instant::ofEpochSecond),
                        Arbitraries.integers().between(1, 1_200))
                .as((nb, days) -> CtLifetimeRule.forLeaf(
                        nb,
                        nb.plusSeconds(days * 86_400L),
                        RuleSet.forRelease(IosRelease.parse("17.4")).ctRules()))
                .optional(0.6);
    }

    /** An SCT's outcome: its id that of a listed log, of none, or of another log than the entry it carries. */
    private static Arbitrary<SctOutcome> outcomes() {
        Arbitrary<Optional<LogId>> ids = Arbitraries.oneOf(
                        Arbitraries.of(LOGS).map(CtLog::logId),
                        Arbitraries.bytes()
                                .array(byte[].class)
                                .ofSize(LogId.LENGTH)
                                .map(LogId::of))
                .map(id -> LogId.of(id.bytes())) // a fresh id, as parsed from an SCT
                .optional(0.9);
        Arbitrary<Optional<CtLog>> logs = Arbitraries.of(LOGS).optional(0.7);
        return Combinators.combine(
                        Arbitraries.of(SctOrigin.class),
                        Arbitraries.integers().between(0, 6),
                        ids,
                        logs,
                        Arbitraries.longs()
                                .between(1_500_000_000_000L, 1_800_000_000_000L)
                                .map(Instant::ofEpochMilli)
                                .optional(0.8),
                        Arbitraries.of(SctVerdict.class),
                        Arbitraries.of("", "signature does not verify"),
                        Arbitraries.of(true, false))
                .as(SctOutcome::new);
    }
}
