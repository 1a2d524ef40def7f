package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.engine.SecTrustAccess;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A request's {@code ios}, read through the parser's cache of recently read releases, is what {@link Inputs#ios}
 * gives for that text on its own: the same release, or the same input error, for every line of a run that repeats,
 * cycles and varies its releases (valid, refused, padded, with and without a patch level).
 */
class RecentReleasesProperties {
    private static final HeldCertificate LEAF;

    static {
        TestPki pki = TestPki.seeded(41);
        HeldCertificate root = pki.root("Contoso Root CA").build();
        LEAF = pki.leaf("www.contoso.com", root).build();
    }

    @Property(tries = 300)
    void cachedRelease_isTheReleaseParsedAlone(@ForAll("runs") List<String> releases) {
        BatchRequestParser parser = new BatchRequestParser();
        Set<String> readBefore = new HashSet<>();
        for (String ios : releases) {
            ObjectNode request = BatchProcessor.MAPPER.createObjectNode();
            request.putArray("chain").add(LEAF.pem());
            request.put("ios", ios);
            String alone = outcome(() -> Inputs.ios("ios", ios).toString());
            String cached = outcome(() -> {
                BatchRequest r = parser.parse(request);
                return SecTrustAccess.request(r.trust(), r.chain()).release().toString();
            });
            Statistics.collect(
                    alone.startsWith("error") ? "refused" : readBefore.add(ios) ? "first read" : "read again");
            assertThat(cached).as(ios).isEqualTo(alone);
        }
        Statistics.coverage(c -> {
            c.check("read again").percentage(p -> p > 30);
            c.check("first read").percentage(p -> p > 10);
            c.check("refused").percentage(p -> p > 5);
        });
    }

    private static String outcome(java.util.function.Supplier<String> read) {
        try {
            return "release " + read.get();
        } catch (InputError e) {
            return "error " + e.getMessage();
        }
    }

    @Provide
    Arbitrary<List<String>> runs() {
        Arbitrary<String> releases = Arbitraries.oneOf(
                Arbitraries.of("17.4", "17.4.0", " 17.4", "17.4 ", "12.1.1", "26.0", "18", "8.0", "7.1", "19.0", "x"),
                Arbitraries.integers()
                        .between(6, 27)
                        .flatMap(major -> Arbitraries.integers().between(0, 9).map(minor -> major + "." + minor)));
        // a few releases, repeated in any order: most lines read one the parser read before
        return releases.list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .flatMap(pool -> Arbitraries.of(pool).list().ofMinSize(1).ofMaxSize(12));
    }
}
