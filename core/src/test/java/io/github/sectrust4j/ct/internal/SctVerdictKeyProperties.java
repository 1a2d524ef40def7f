package io.github.sectrust4j.ct.internal;

import static io.github.sectrust4j.ct.CtTestLogs.spki;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.A;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.B;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.C;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.ISSUED;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.at;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.leaf;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import io.github.sectrust4j.ct.CtLog;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.ct.CtLogState;
import io.github.sectrust4j.ct.CtTestLogs;
import io.github.sectrust4j.ct.LogId;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The SCT verdict key names the log by its id (the SHA-256 of its key) and a log list's entry decides trust without a
 * second lookup: over every mix of log, signed entry and SCT, a cached verdict is the one an uncached verification
 * gives, and {@link CtEvaluator#trustedAmong} is what {@link CtLogList#trusted} answers for every state.
 */
class SctVerdictKeyProperties {
    private static final List<TestCtLog> LOGS = List.of(A, B, C);
    private static final List<HeldCertificate> LEAVES = List.of(leaf(at(A, ISSUED)), leaf(at(B, ISSUED)));
    /** Each log's SCT over each leaf's x509 entry, parsed once: the kept key of the last use is exercised too. */
    private static final List<List<byte[]>> RAW = new ArrayList<>();

    private static final List<List<SignedCertificateTimestamp>> PARSED = new ArrayList<>();

    static {
        for (TestCtLog log : LOGS) {
            List<byte[]> raw = new ArrayList<>();
            List<SignedCertificateTimestamp> parsed = new ArrayList<>();
            for (HeldCertificate leaf : LEAVES) {
                byte[] r = log.sctFor(leaf, ISSUED).encoded();
                raw.add(r);
                parsed.add(SignedCertificateTimestamp.parse(r).value().orElseThrow());
            }
            RAW.add(raw);
            PARSED.add(parsed);
        }
    }

    /** One cache for every try, so verdicts of earlier tries are there to be (wrongly) reused. */
    private static final AtomicInteger VERIFIED = new AtomicInteger();

    private static final CachingSctVerifier CACHE = new CachingSctVerifier(
            (sct, data, key) -> {
                VERIFIED.incrementAndGet();
                return SctSignatures.verify(sct, data, key);
            },
            100);

    @Property(tries = 400, generation = GenerationMode.RANDOMIZED) // repeats, so that verdicts are reused
    void cachedVerdict_isTheUncachedOne(
            @ForAll @IntRange(min = 0, max = 2) int log,
            @ForAll @IntRange(min = 0, max = 1) int entryOf,
            @ForAll @IntRange(min = 0, max = 2) int sctLog,
            @ForAll @IntRange(min = 0, max = 1) int sctLeaf) {
        SignedCertificateTimestamp sct = PARSED.get(sctLog).get(sctLeaf);
        byte[] raw = RAW.get(sctLog).get(sctLeaf);
        SignedEntries.Entry entry = SignedEntries.x509Entry(LEAVES.get(entryOf).der());
        byte[] digest = Hashing.sha256().hashBytes(entry.bytes()).asBytes();
        byte[] key = spki(LOGS.get(log));
        CtLog entryOfLog = CtLog.usable(key, "op", "a log object of its own per call");
        int before = VERIFIED.get();

        boolean cached = CACHE.verify(sct, raw, entry, digest, entryOfLog);

        boolean uncached = SctSignatures.verify(sct, SignedEntries.signedData(sct, entry), key);
        assertThat(cached).isEqualTo(uncached).isEqualTo(log == sctLog && entryOf == sctLeaf);
        Statistics.collect(cached ? "valid" : "invalid", VERIFIED.get() == before ? "from cache" : "verified");
        Statistics.coverage(c -> {
            c.check("valid", "from cache").count(n -> n > 0);
            c.check("invalid", "from cache").count(n -> n > 0);
            c.check("valid", "verified").count(n -> n > 0);
            c.check("invalid", "verified").count(n -> n > 0);
        });
    }

    @Test
    void trustedAmong_isTheListsTrustedEntry_inEveryState() {
        Instant at = Instant.parse("2024-01-01T00:00:00Z");
        List<CtLog> entries = new ArrayList<>();
        List<LogId> ids = new ArrayList<>();
        for (CtLogState state : CtLogState.values()) {
            TestCtLog log = CtTestLogs.log("Op " + state, state + " log");
            entries.add(CtTestLogs.in(log, state, at));
            ids.add(CtTestLogs.id(log));
        }
        ids.add(LogId.of(new byte[LogId.LENGTH])); // in no list
        CtLogList list = CtLogList.of(entries);

        int trusted = 0;
        for (LogId id : ids) {
            Optional<CtLog> answer = CtEvaluator.trustedAmong(list.find(id));
            assertThat(answer).as(id.toString()).isEqualTo(list.trusted(id));
            trusted += answer.isPresent() ? 1 : 0;
        }
        assertThat(trusted).as("some trusted, some not").isBetween(1, ids.size() - 2);
    }
}
