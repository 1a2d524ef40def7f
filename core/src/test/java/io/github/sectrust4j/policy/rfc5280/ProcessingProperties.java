package io.github.sectrust4j.policy.rfc5280;

import static io.github.sectrust4j.policy.rfc5280.TestPaths.anchored;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.codes;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.process;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.path.CandidatePath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/** Boundaries of §2.2/§5.1 temporal validity and of §2.3 item 5 path length. */
class ProcessingProperties {
    private static final TestPki PKI = TestPki.seeded(5280);
    private static final Instant NOT_BEFORE = PKI.now().minus(Duration.ofHours(1));
    private static final Instant NOT_AFTER = PKI.now().plus(Duration.ofHours(1));
    private static final HeldCertificate ROOT = PKI.root("Validity Root").build();
    private static final HeldCertificate CA = PKI.intermediate("Validity CA", ROOT)
            .validity(NOT_BEFORE, NOT_AFTER)
            .build();
    private static final HeldCertificate LEAF =
            PKI.leaf("a.example", CA).validity(NOT_BEFORE, NOT_AFTER).build();
    private static final CandidatePath PATH = anchored(LEAF, CA, ROOT);

    /** Valid iff notBefore ≤ t ≤ notAfter in whole seconds: exactly at a bound passes, one second beyond fails. */
    @Property(tries = 200)
    void temporalValidityIsInclusiveAtWholeSeconds(
            @ForAll @LongRange(min = -3000, max = 3000) long millisFromBound, @ForAll boolean atNotAfter) {
        Instant bound = atNotAfter ? NOT_AFTER : NOT_BEFORE;
        Instant t = bound.plusMillis(millisFromBound);
        long wholeSeconds = Math.floorDiv(millisFromBound, 1000);
        boolean valid = atNotAfter ? wholeSeconds <= 0 : wholeSeconds >= 0;
        Statistics.collect(atNotAfter ? "notAfter" : "notBefore", valid ? "valid" : "invalid");
        Statistics.coverage(c -> {
            for (String b : List.of("notAfter", "notBefore")) {
                c.check(b, "valid").count(n -> n > 0);
                c.check(b, "invalid").count(n -> n > 0);
            }
        });
        List<Failure> f = process("17.4", t, PATH, true);
        if (valid) {
            assertThat(f).isEmpty();
        } else {
            assertThat(codes(f)).containsExactly("TemporalValidity@1", "TemporalValidity@0");
            assertThat(f.get(0).evidence().fields()).containsEntry("state", atNotAfter ? "expired" : "not yet valid");
        }
    }

    /** A CA with pathLenConstraint p admits p further non-self-issued intermediates below it, not p + 1. */
    @Property(tries = 25)
    void pathLenAdmitsExactlyThatManyIntermediatesBelow(
            @ForAll @IntRange(min = 0, max = 3) int pathLen, @ForAll @IntRange(min = 0, max = 5) int below) {
        Statistics.collect(below > pathLen ? "too deep" : "within pathLen");
        Statistics.coverage(c -> {
            c.check("too deep").count(n -> n > 0);
            c.check("within pathLen").count(n -> n > 0);
        });
        TestPki pki = TestPki.seeded(31L * pathLen + below);
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate constrained =
                pki.intermediate("Constrained", root).ca(pathLen).build();
        List<HeldCertificate> cas = new ArrayList<>(List.of(constrained));
        HeldCertificate issuer = constrained;
        for (int i = 0; i < below; i++) {
            issuer = pki.intermediate("Sub " + i, issuer).build();
            cas.add(issuer);
        }
        HeldCertificate leaf = pki.leaf("a.example", issuer).build();
        Collections.reverse(cas);
        List<HeldCertificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(cas);
        chain.add(root);
        List<Failure> f = process("17.4", pki.now(), anchored(chain.toArray(HeldCertificate[]::new)), true);
        int excess = Math.max(0, below - pathLen);
        assertThat(f)
                .hasSize(excess)
                .allSatisfy(x -> assertThat(x.code().code()).isEqualTo("BasicConstraintsPathLen"));
        // the violations are the lowest `excess` intermediates: indices excess .. 1
        for (int k = 0; k < excess; k++) {
            assertThat(f.get(k).index()).isEqualTo(excess - k);
        }
    }
}
