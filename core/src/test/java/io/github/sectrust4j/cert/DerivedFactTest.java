package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DerivedFactTest {

    @Test
    void computedOncePerCertificateObject_andKeptPerFact() {
        AtomicInteger subjects = new AtomicInteger();
        AtomicInteger lengths = new AtomicInteger();
        DerivedFact<String> subject = DerivedFact.of(c -> subjects.incrementAndGet() + ":" + c.subject());
        DerivedFact<Integer> length = DerivedFact.of(c -> lengths.incrementAndGet() * 0 + c.derLength());
        Certificate c = TestCerts.tbs().parse();
        String first = subject.of(c);
        assertThat(subject.of(c)).isSameAs(first);
        assertThat(length.of(c)).isEqualTo(c.derLength());
        assertThat(length.of(c)).isEqualTo(c.derLength());
        assertThat(subject.of(c)).isSameAs(first);
        assertThat(subjects).hasValue(1);
        assertThat(lengths).hasValue(1);
        // an equal certificate is another object: its facts are its own
        Certificate same = Certificate.parse(c.der());
        assertThat(subject.of(same)).isEqualTo("2:" + c.subject());
        assertThat(subject.of(c)).isSameAs(first);
    }

    @Test
    void nullFact_isRejected() {
        DerivedFact<String> none = DerivedFact.of(c -> null);
        Certificate c = TestCerts.tbs().parse();
        assertThatThrownBy(() -> none.of(c)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void concurrentFirstUse_settlesOnOneValue() {
        for (int round = 0; round < 20; round++) {
            Certificate c = TestCerts.tbs().parse();
            List<DerivedFact<Object>> facts = IntStream.range(0, 8)
                    .mapToObj(i -> DerivedFact.of(x -> new Object()))
                    .toList();
            Set<Object> seen = ConcurrentHashMap.newKeySet();
            IntStream.range(0, 64)
                    .parallel()
                    .forEach(i -> facts.get(i % facts.size()).of(c));
            for (DerivedFact<Object> f : facts) {
                Object v = f.of(c);
                assertThat(f.of(c)).isSameAs(v);
                seen.add(v);
            }
            assertThat(seen).hasSize(facts.size());
        }
    }
}
