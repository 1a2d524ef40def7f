package io.github.sectrust4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Evidence built on first read is the map building it at once gives, built once, and not before a read. */
class DeferredEvidenceTest {
    private static final ImmutableSet<String> NAMES = ImmutableSet.copyOf(StableOrderTest.KEYS);

    private final AtomicInteger builds = new AtomicInteger();

    private final Supplier<Map<String, Object>> salted = () -> {
        builds.incrementAndGet();
        return StableOrderTest.saltedMap();
    };

    @Test
    void isTheMapStableOrderMakes_builtOnFirstReadOnly() {
        DeferredEvidence deferred = DeferredEvidence.of(salted, NAMES);
        Map<String, Object> eager = StableOrder.evidence(StableOrderTest.saltedMap());
        assertThat(deferred.isBuilt()).isFalse();
        assertThat(builds).hasValue(0);

        assertThat(new ArrayList<>(deferred.keySet())).isEqualTo(new ArrayList<>(eager.keySet()));
        assertThat(deferred).isEqualTo(eager);
        assertThat(eager).isEqualTo(deferred);
        assertThat(deferred.hashCode()).isEqualTo(eager.hashCode());
        assertThat(deferred.toString()).isEqualTo(eager.toString());
        assertThat(new ArrayList<>(deferred.values())).isEqualTo(new ArrayList<>(eager.values()));
        assertThat(builds).as("built once for every read").hasValue(1);
        assertThat(deferred.isBuilt()).isTrue();
    }

    @Test
    void aNameThatCannotBeThere_isAnsweredWithoutBuilding() {
        DeferredEvidence deferred = DeferredEvidence.of(salted, NAMES);

        assertThat(deferred.containsKey(Finding.SUPPRESSED_BY_EXCEPTION)).isFalse();
        assertThat(deferred.isBuilt()).isFalse();
        assertThat(deferred.containsKey("k3")).isTrue();
        assertThat(deferred.isBuilt()).isTrue();
    }

    @Test
    void aFinding_keepsItDeferred() {
        DeferredEvidence deferred = DeferredEvidence.of(salted, NAMES);
        Finding f = new Finding(
                FindingCode.CERTIFICATE_TRANSPARENCY, Severity.INFO, 0, "", "m", deferred, StableOrderTest.RULE, "r");

        assertThat(f.evidence()).isSameAs(deferred);
        assertThat(f.exceptedByUser()).isFalse();
        assertThat(deferred.isBuilt()).isFalse();
        assertThat(StableOrder.hasFixedOrder(deferred)).isTrue();
    }

    @Test
    void aNameNotDeclared_failsLoudly() {
        DeferredEvidence deferred = DeferredEvidence.of(salted, ImmutableSet.of("k0"));

        assertThatThrownBy(deferred::size)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not declared");
    }

    @Test
    void ordered_isTheBuiltMapItself_builtOnFirstReadOnly_namesStillChecked() {
        ImmutableMap<String, Object> finalForm = StableOrder.evidence(StableOrderTest.saltedMap());
        DeferredEvidence ordered = DeferredEvidence.ofOrdered(
                () -> {
                    builds.incrementAndGet();
                    return finalForm;
                },
                NAMES);
        assertThat(ordered.isBuilt()).isFalse();

        assertThat(ordered.delegate()).isSameAs(finalForm);
        assertThat(new ArrayList<>(ordered.entrySet())).isEqualTo(new ArrayList<>(finalForm.entrySet()));
        assertThat(ordered.toString()).isEqualTo(finalForm.toString());
        assertThat(builds).hasValue(1);
        assertThatThrownBy(() -> DeferredEvidence.ofOrdered(() -> finalForm, ImmutableSet.of("k0"))
                        .size())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not declared");
    }

    @Test
    void racingReaders_seeEqualMaps() throws Exception {
        DeferredEvidence deferred = DeferredEvidence.of(salted, NAMES);
        List<Thread> threads = new ArrayList<>();
        List<Map<String, Object>> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            threads.add(new Thread(() -> seen.add(Map.copyOf(deferred))));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(seen).hasSize(4).allSatisfy(m -> assertThat(m).isEqualTo(deferred));
    }
}
