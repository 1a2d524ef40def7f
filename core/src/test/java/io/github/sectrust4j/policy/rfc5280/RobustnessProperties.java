package io.github.sectrust4j.policy.rfc5280;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.SharedData;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.request.EvaluationRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * Any path of real-world-odd certificates (x509-limbo's whole corpus, in random order, with random
 * trust flags, at any release) is processed without an exception, and every failure sits at a valid
 * chain index. The processor never relies on the path being well-formed.
 */
class RobustnessProperties {
    private static final List<Certificate> CORPUS = load();
    private static final String[] RELEASES = {"8.0", "10.0", "11.0", "11.3", "12.0", "17.4", "26.0"};

    private static List<Certificate> load() {
        Set<String> pems = new LinkedHashSet<>();
        try {
            Path limbo = SharedData.limbo();
            for (JsonNode tc : new ObjectMapper().readTree(limbo.toFile()).get("testcases")) {
                tc.get("trusted_certs").forEach(n -> pems.add(n.asText()));
                tc.get("untrusted_intermediates").forEach(n -> pems.add(n.asText()));
                pems.add(tc.get("peer_certificate").asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Certificate> out = new ArrayList<>();
        for (String pem : pems) {
            try {
                out.addAll(CertificateInput.fromPem(pem));
            } catch (CertificateInputException e) {
                // not a certificate for iOS either; not a path member
            }
        }
        return out;
    }

    @Property(tries = 300)
    void arbitraryPathsNeverThrowAndIndexFailuresInRange(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 100_000) Integer> picks,
            @ForAll boolean anchored,
            @ForAll boolean topTrusted,
            @ForAll boolean topSelfSigned,
            @ForAll @IntRange(min = 0, max = 6) int release,
            @ForAll @IntRange(min = -2, max = 2) int yearsFrom2024) {
        Statistics.collect(
                picks.size() == 1 ? "one certificate" : "a chain",
                anchored && topTrusted ? "trusted top" : "untrusted top");
        Statistics.coverage(c -> {
            for (String s : List.of("one certificate", "a chain")) {
                c.check(s, "trusted top").count(n -> n > 0);
                c.check(s, "untrusted top").count(n -> n > 0);
            }
        });
        assertThat(CORPUS).hasSizeGreaterThan(100);
        List<Certificate> chain = new ArrayList<>();
        for (int p : picks) {
            chain.add(CORPUS.get(p % CORPUS.size()));
        }
        CandidatePath path = TestPaths.path(anchored, false, chain, topSelfSigned);
        Instant at = Instant.parse("2024-06-01T00:00:00Z").plusSeconds(yearsFrom2024 * 31_536_000L);
        EvaluationRequest request = TestPaths.request(RELEASES[release], at, chain.get(0));
        Rfc5280Rules rules = TestPaths.rules(RELEASES[release]);
        List<Failure> failures = new ArrayList<>(BasicCertificateProcessing.process(path, topTrusted, request, rules));
        for (int i = 1; i < chain.size(); i++) {
            failures.addAll(ParentChecks.check(path, i, request, rules));
        }
        assertThat(failures).allSatisfy(f -> assertThat(f.index()).isBetween(0, path.topIndex()));
        if (!(anchored && topTrusted)) {
            // an untrusted top is always reported: never a silent "trusted"
            assertThat(failures).anySatisfy(f -> assertThat(f.index()).isEqualTo(path.topIndex()));
        }
    }
}
