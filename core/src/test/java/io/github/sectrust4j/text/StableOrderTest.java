package io.github.sectrust4j.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Rule;
import io.github.sectrust4j.Severity;
import io.github.sectrust4j.TrustExceptions;
import io.github.sectrust4j.check.Failure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Output bytes are identical from run to run: {@code Map.of} / {@code Set.of} / {@code Set.copyOf} with two or
 * more elements iterate in an order salted per JVM, so whatever reaches a report is put in a fixed order
 * where it enters a {@link Finding} or {@link Failure}. Ten elements make an accidental pass (the salted
 * order happening to be sorted) practically impossible.
 */
class StableOrderTest {
    static final List<String> KEYS =
            IntStream.range(0, 10).mapToObj(i -> "k" + i).toList();
    static final Rule RULE = Rule.of("0", "test", io.github.sectrust4j.Confidence.INFERRED);

    static Map<String, Object> saltedMap() {
        Map<String, Object> m = new HashMap<>();
        KEYS.forEach(k -> m.put(k, Set.copyOf(KEYS)));
        return Map.copyOf(m);
    }

    @Test
    void findingEvidence_fromSaltedMapsAndSets_isSorted() {
        Finding f = new Finding(FindingCode.SSL_HOSTNAME, Severity.RECOVERABLE, 0, "", "m", saltedMap(), RULE, "r");
        assertThat(new ArrayList<>(f.evidence().keySet())).containsExactlyElementsOf(KEYS);
        assertThat(f.evidence().values())
                .allSatisfy(v -> assertThat(new ArrayList<Object>((Set<?>) v)).containsExactlyElementsOf(KEYS));
    }

    @Test
    void findingEvidence_inInsertionOrder_keepsIt() {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> reversed = new ArrayList<>(KEYS);
        java.util.Collections.reverse(reversed);
        reversed.forEach(k -> m.put(k, new LinkedHashSet<>(reversed)));
        m.put("list", List.of("b", "a"));
        Finding f = new Finding(FindingCode.SSL_HOSTNAME, Severity.RECOVERABLE, 0, "", "m", m, RULE, "r");
        List<String> expected = new ArrayList<>(reversed);
        expected.add("list");
        assertThat(new ArrayList<>(f.evidence().keySet())).containsExactlyElementsOf(expected);
        assertThat(new ArrayList<Object>((Set<?>) f.evidence().get("k9"))).containsExactlyElementsOf(reversed);
        assertThat(f.evidence().get("list")).isEqualTo(List.of("b", "a"));
    }

    @Test
    void exceptionChecks_areSorted_soThePlistIsTheSameInEveryRun() {
        Set<String> checks = new LinkedHashSet<>(List.of(
                "SSLHostname",
                "AnchorTrusted",
                "KeySize",
                "CTRequired",
                "ExtendedKeyUsage",
                "WeakSignature",
                "ValidityPeriodMaximums",
                "IdLinkage",
                "BasicConstraints",
                "MissingIntermediate"));
        TrustExceptions.Entry e = TrustExceptions.Entry.of(
                io.github.sectrust4j.cert.Certificate.parse(io.github.sectrust4j.fixtures.TestPki.seeded(3)
                        .root("R")
                        .build()
                        .der()),
                checks);
        assertThat(new ArrayList<>(e.checks())).containsExactlyElementsOf(new TreeSet<>(checks));
    }

    @Test
    void fixedOrderCollections_areRecognised() {
        assertThat(StableOrder.hasFixedOrder(Map.of("a", 1, "b", 2))).isFalse();
        assertThat(StableOrder.hasFixedOrder(Set.of("a", "b"))).isFalse();
        assertThat(StableOrder.hasFixedOrder(new HashMap<>(Map.of("a", 1, "b", 2))))
                .isFalse();
        assertThat(StableOrder.hasFixedOrder(Map.of("a", 1))).isTrue();
        assertThat(StableOrder.hasFixedOrder(new LinkedHashMap<>(Map.of("a", 1, "b", 2))))
                .isTrue();
        assertThat(StableOrder.hasFixedOrder(new TreeSet<>(Set.of("a", "b")))).isTrue();
        assertThat(StableOrder.hasFixedOrder(KEYS.stream().collect(Collectors.toList())))
                .isTrue();
    }

    @Test
    void evidenceAlreadyInStableForm_isReturnedAsItIs_andAnythingElseIsCopied() {
        com.google.common.collect.ImmutableMap<String, Object> stable = com.google.common.collect.ImmutableMap.of(
                "b",
                com.google.common.collect.ImmutableList.of(com.google.common.collect.ImmutableMap.of("x", 1)),
                "a",
                com.google.common.collect.ImmutableSet.of("z", "y"));
        Map<String, Object> nestedSalted = com.google.common.collect.ImmutableMap.of("b", Set.copyOf(KEYS), "a", 1);
        Map<String, Object> nestedMutable = com.google.common.collect.ImmutableMap.of("b", new ArrayList<>(KEYS));

        assertThat(StableOrder.evidence(stable)).isSameAs(stable);
        assertThat(StableOrder.evidence(StableOrder.evidence(new LinkedHashMap<>(stable))))
                .isEqualTo(stable)
                .containsExactlyEntriesOf(stable);
        assertThat(StableOrder.evidence(nestedSalted)).isNotSameAs(nestedSalted);
        assertThat(List.copyOf((Set<?>) StableOrder.evidence(nestedSalted).get("b")))
                .isEqualTo(List.copyOf(new TreeSet<>(KEYS)));
        assertThat(StableOrder.evidence(nestedMutable).get("b"))
                .isInstanceOf(com.google.common.collect.ImmutableList.class)
                .isNotSameAs(nestedMutable.get("b"));
    }
}
