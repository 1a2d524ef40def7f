package io.github.sectrust4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * x509-limbo (December 2023, 135 server cases) through the public API, iOS 26 rules:
 * {@code SecTrust.newest().withoutSystemRoots().forServer(peer).at(time).withAnchors(trusted_certs)}
 * evaluating {@code peer_certificate + untrusted_intermediates}.
 *
 * <ul>
 *   <li>{@code validation_time} null ("now" for limbo) → the suite's generation date
 *       {@value #GENERATION_DATE_TEXT}, so the run is deterministic.</li>
 *   <li>Apple's roots are switched off so that only limbo's anchors can anchor. The {@code online::}
 *       cases are real 2023 chains whose roots are in Apple's store: there the library cannot see that
 *       the app anchor is a system root (it would get the system-only rules, §7.5), so this run applies
 *       the "app anchor" rules; {@link OnlineChainsTrustStoreHistoryTest} runs them with system roots.</li>
 *   <li>limbo's {@code max_chain_depth}, {@code extended_key_usage}, {@code key_usage} and
 *       {@code signature_algorithms} are verifier options of limbo's harness; iOS's SSL policy has
 *       fixed rules (§1.2) and no chain-depth limit (§1.4), so they are not inputs here.</li>
 * </ul>
 *
 * <p>A case passes when the library's verdict equals limbo's expectation — and, for a FAILURE, the failing
 * checks are exactly the reviewed ones of {@code limbo-failure-reasons.json} — unless it is listed in
 * {@code limbo-divergences.json} with the spec section that makes iOS decide otherwise: then the test
 * asserts the library's documented outcome (so a change either way fails) and its finding codes.
 */
class LimboConformanceTest {
    static final String GENERATION_DATE_TEXT = "2023-12-02T00:00:00Z";
    private static final List<LimboCase> CASES = LimboCase.loadAll();
    private static final Map<String, LimboDivergence> DIVERGENCES = LimboDivergence.loadAll();
    /** Cases where iOS agrees with limbo's FAILURE → the exact set of failing checks (reviewed against the spec). */
    private static final Map<String, Set<String>> FAILURE_REASONS = failureReasons();
    /** id → one report line, written to target/limbo-conformance.txt after the run. */
    private static final Map<String, String> REPORT = new ConcurrentSkipListMap<>();

    @Test
    void suiteIsTheDecember2023EditionWith135ServerCases() {
        assertThat(LimboCase.GENERATION_DATE).hasToString(GENERATION_DATE_TEXT);
        assertThat(CASES).hasSize(135);
        assertThat(CASES.stream().filter(LimboCase::expectSuccess)).hasSize(41);
        assertThat(CASES.stream().map(LimboCase::id).distinct()).hasSize(135);
    }

    @Test
    void everyDivergenceNamesAnExistingCaseAndLimbosRealExpectation() {
        Map<String, LimboCase> byId = new java.util.HashMap<>();
        CASES.forEach(c -> byId.put(c.id(), c));
        DIVERGENCES.values().forEach(d -> {
            assertThat(byId).as("divergence for unknown case").containsKey(d.id());
            assertThat(d.limbo())
                    .as(d.id() + ": limbo's expectation as listed")
                    .isEqualTo(byId.get(d.id()).expectSuccess());
        });
    }

    @Test
    void everyAgreedFailureHasItsReviewedReasons_andNothingElseDoes() {
        Set<String> agreedFailures = new TreeSet<>();
        CASES.stream()
                .filter(c -> !c.expectSuccess() && !DIVERGENCES.containsKey(c.id()))
                .forEach(c -> agreedFailures.add(c.id()));
        assertThat(new TreeSet<>(FAILURE_REASONS.keySet())).isEqualTo(agreedFailures);
    }

    @TestFactory
    Stream<DynamicTest> everyLimboCase_agreesWithLimbo_orWithItsDocumentedIosDivergence() {
        return CASES.stream().map(c -> {
            LimboDivergence d = DIVERGENCES.get(c.id());
            String name = d == null
                    ? c.id() + " → " + LimboDivergence.label(c.expectSuccess())
                    : c.id() + " → limbo " + LimboDivergence.label(d.limbo()) + ", iOS "
                            + LimboDivergence.label(d.ios()) + " (" + d.section() + ")";
            return dynamicTest(name, () -> check(c, d));
        });
    }

    private static void check(LimboCase c, LimboDivergence d) {
        LimboRun run = LimboRun.withAppAnchors(c);
        REPORT.put(
                c.id(),
                String.format(
                        "%-70s limbo=%s ours=%s%s  %s",
                        c.id(),
                        LimboDivergence.label(c.expectSuccess()),
                        LimboDivergence.label(run.trusted()),
                        d == null ? "" : " (divergence " + d.section() + ")",
                        run.summary()));
        if (d == null) {
            assertThat(run.trusted())
                    .as(
                            "%s: limbo expects %s (%s); library: %s",
                            c.id(), LimboDivergence.label(c.expectSuccess()), c.description(), run.summary())
                    .isEqualTo(c.expectSuccess());
            if (!c.expectSuccess()) {
                // agreeing is not enough: it must fail for the reason iOS would (limbo-failure-reasons.json)
                assertThat(new TreeSet<>(run.failureCodes()))
                        .as("%s: failing checks; library: %s", c.id(), run.summary())
                        .isEqualTo(FAILURE_REASONS.get(c.id()));
            }
            return;
        }
        assertThat(run.trusted())
                .as(
                        "%s: documented iOS outcome %s (%s: %s); library: %s",
                        c.id(), LimboDivergence.label(d.library()), d.section(), d.reason(), run.summary())
                .isEqualTo(d.library());
        if (d.library()) {
            assertThat(run.failureCodes())
                    .as(c.id() + ": trusted with no failure")
                    .isEmpty();
        } else {
            assertThat(run.failureCodes())
                    .as("%s: evidence codes; library: %s", c.id(), run.summary())
                    .containsAll(d.evidence());
        }
    }

    private static Map<String, Set<String>> failureReasons() {
        try (InputStream in = LimboConformanceTest.class.getResourceAsStream("limbo-failure-reasons.json")) {
            if (in == null) {
                throw new IllegalStateException("resource missing: limbo-failure-reasons.json");
            }
            Map<String, Set<String>> out = new TreeMap<>();
            new ObjectMapper().readTree(in).get("reasons").fields().forEachRemaining(e -> {
                Set<String> codes = new TreeSet<>();
                e.getValue().get("codes").forEach(n -> codes.add(n.asText()));
                out.put(e.getKey(), codes);
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        if (REPORT.isEmpty()) {
            return;
        }
        Files.createDirectories(Path.of("target"));
        long agree = CASES.stream().filter(c -> REPORT.containsKey(c.id())).count();
        StringBuilder sb = new StringBuilder("x509-limbo through SecTrust.newest() (app anchors, no system roots); "
                + agree + " cases run, " + DIVERGENCES.size() + " documented divergences\n");
        REPORT.values().forEach(l -> sb.append(l).append('\n'));
        Files.writeString(Path.of("target/limbo-conformance.txt"), sb);
    }
}
