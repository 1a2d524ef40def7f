package io.github.sectrust4j.policy.rfc5280;

import static io.github.sectrust4j.policy.rfc5280.TestPaths.anchored;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.codes;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.process;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.unanchored;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Severity;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.PkiSeed;
import io.github.sectrust4j.fixtures.SignatureAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §2.3 items 1, 2, 5, 6 (validity, weak key/signature), 7: anchor trust, path length, critical extensions. */
@ExtendWith(TestPkiExtension.class)
@PkiSeed(5280)
class BasicCertificateProcessingTest {

    @Test
    void trustedAnchorWithGoodChain_hasNoFailures(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root).build();
        HeldCertificate leaf = pki.leaf("a.example", ca).build();
        assertThat(process("17.4", pki.now(), anchored(leaf, ca, root), true)).isEmpty();
    }

    @Test
    void untrustedSelfSignedTop_isAnchorTrustedAtTopIndex(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate leaf = pki.leaf("a.example", root).build();
        List<Failure> f = process("17.4", pki.now(), unanchored(leaf, root), false);
        assertThat(codes(f)).containsExactly("AnchorTrusted@1");
        assertThat(f.get(0).evidence().fields())
                .containsEntry("selfSigned", true)
                .containsEntry("anchored", false);
        // an anchor whose trust settings do not make it trusted is the same failure
        assertThat(codes(process("17.4", pki.now(), anchored(leaf, root), false)))
                .containsExactly("AnchorTrusted@1");
    }

    @ParameterizedTest(name = "iOS {0}: {1}")
    @CsvSource({"17.4, MissingIntermediate", "11.3, MissingIntermediate", "11.2, AnchorTrusted", "8.0, AnchorTrusted"})
    void untrustedTopThatIsNotSelfSigned_isMissingIntermediateFrom11_3(String release, String code, TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root).build();
        HeldCertificate leaf = pki.leaf("a.example", ca).build();
        assertThat(codes(process(release, pki.now(), unanchored(leaf, ca), false)))
                .containsExactly(code + "@1");
    }

    @Test
    void leafAloneAndNotAnchored_isMissingIntermediateAtIndexZero(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate leaf = pki.leaf("a.example", root).build();
        assertThat(codes(process("17.4", pki.now(), unanchored(leaf), false))).containsExactly("MissingIntermediate@0");
    }

    @Test
    void leafThatIsItselfTheTrustedAnchor_needsOnlyItsValidity(TestPki pki) {
        Instant now = pki.now();
        HeldCertificate self = pki.root("a.example").dnsNames("a.example").build();
        assertThat(process("17.4", now, anchored(self), true)).isEmpty();
        HeldCertificate expired = pki.root("b.example")
                .validity(now.minusSeconds(7200), now.minusSeconds(3600))
                .build();
        assertThat(codes(process("17.4", now, anchored(expired), true))).containsExactly("TemporalValidity@0");
        HeldCertificate odd = pki.root("c.example").unknownCriticalExtension().build();
        assertThat(codes(process("17.4", now, anchored(odd), true))).containsExactly("CriticalExtensions@0");
    }

    @Test
    void trustedAnchorIsExcludedFromProcessing_butAnUntrustedTopIsProcessed(TestPki pki) {
        HeldCertificate root = pki.root("Root").unknownCriticalExtension().build();
        HeldCertificate leaf = pki.leaf("a.example", root).build();
        assertThat(process("17.4", pki.now(), anchored(leaf, root), true)).isEmpty();
        List<Failure> f = process("17.4", pki.now(), anchored(leaf, root), false);
        assertThat(codes(f)).containsExactly("AnchorTrusted@1", "CriticalExtensions@1");
        assertThat(f.get(1).evidence().fields())
                .containsEntry("unknownCriticalExtensions", List.of("1.3.6.1.4.1.55738.666.1"));
    }

    @ParameterizedTest(name = "iOS {0}: {1}")
    @CsvSource({"17.4, TemporalValidity", "11.2, ValidRoot"})
    void expiredTrustedAnchor_failsValidityAtTopIndex(String release, String code, TestPki pki) {
        Instant now = pki.now();
        HeldCertificate root = pki.root("Root")
                .validity(now.minus(Duration.ofDays(100)), now.minusSeconds(1))
                .build();
        HeldCertificate leaf = pki.leaf("a.example", root).build();
        assertThat(codes(process(release, now, anchored(leaf, root), true))).containsExactly(code + "@1");
    }

    @ParameterizedTest(name = "iOS {0}: {1}")
    @CsvSource({"17.4, TemporalValidity", "11.3, TemporalValidity", "11.2, ValidLeaf", "9.0, ValidLeaf"})
    void expiredLeaf_isNamedByRelease(String release, String code, TestPki pki) {
        Instant now = pki.now();
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate leaf = pki.leaf("a.example", root)
                .validity(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)))
                .build();
        assertThat(codes(process(release, now, anchored(leaf, root), true))).containsExactly(code + "@0");
    }

    // ---------------------------------------------------------------- path length (§2.3 item 5)

    @Test
    void pathLenZero_allowsOneIntermediateBelowIt_butNotTwo(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca0 = pki.intermediate("CA0", root).ca(0).build();
        HeldCertificate leaf = pki.leaf("a.example", ca0).build();
        assertThat(process("17.4", pki.now(), anchored(leaf, ca0, root), true)).isEmpty();

        HeldCertificate sub = pki.intermediate("Sub", ca0).build();
        HeldCertificate leaf2 = pki.leaf("b.example", sub).build();
        List<Failure> f = process("17.4", pki.now(), anchored(leaf2, sub, ca0, root), true);
        assertThat(codes(f)).containsExactly("BasicConstraintsPathLen@1");
        assertThat(f.get(0).evidence().fields())
                .containsEntry("constrainedBy", 2)
                .containsEntry("pathLenConstraint", 0)
                .containsEntry("intermediatesBelowConstraint", 1);
        assertThat(codes(process("11.2", pki.now(), anchored(leaf2, sub, ca0, root), true)))
                .containsExactly("BasicConstraints@1");
    }

    @Test
    void trustedAnchorPathLen_limitsIntermediates_butOnlyWhenTrusted(TestPki pki) {
        HeldCertificate root = pki.root("Root").ca(0).build();
        HeldCertificate ca = pki.intermediate("CA", root).build();
        HeldCertificate leaf = pki.leaf("a.example", ca).build();
        assertThat(process("17.4", pki.now(), anchored(leaf, root), true)).isEmpty();
        List<Failure> f = process("17.4", pki.now(), anchored(leaf, ca, root), true);
        assertThat(codes(f)).containsExactly("BasicConstraintsPathLen@1");
        assertThat(f.get(0).evidence().fields()).containsEntry("constrainedBy", 2);
    }

    @Test
    void selfIssuedIntermediate_doesNotCountTowardsPathLength(TestPki pki) {
        HeldCertificate root = pki.root("Root").ca(0).build();
        // key rollover: same name as the root, new key, signed by the old root
        HeldCertificate rollover = pki.intermediate("Root", root).build();
        HeldCertificate leaf = pki.leaf("a.example", rollover).build();
        assertThat(process("17.4", pki.now(), anchored(leaf, rollover, root), true))
                .isEmpty();
    }

    @Test
    void intermediatePathLenMayNotIncreaseAnOuterLimit(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca0 = pki.intermediate("CA0", root).ca(0).build();
        HeldCertificate ca5 = pki.intermediate("CA5", ca0).ca(5).build();
        HeldCertificate sub = pki.intermediate("Sub", ca5).build();
        HeldCertificate leaf = pki.leaf("a.example", sub).build();
        List<Failure> f = process("17.4", pki.now(), anchored(leaf, sub, ca5, ca0, root), true);
        assertThat(codes(f)).containsExactly("BasicConstraintsPathLen@2", "BasicConstraintsPathLen@1");
        assertThat(f.get(1).evidence().fields()).containsEntry("intermediatesBelowConstraint", 2);
    }

    // ---------------------------------------------------------------- per certificate (§2.3 items 6, 7)

    @ParameterizedTest(name = "iOS {0}: {1}")
    @CsvSource({"17.4, WeakKeySize, FATAL", "10.0, WeakLeaf, RECOVERABLE"})
    void weakLeafKey_isRecordedAtIndexZero(String release, String code, Severity severity, TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate leaf = pki.leaf("a.example", root).rsa(512).build();
        List<Failure> f = process(release, pki.now(), anchored(leaf, root), true);
        assertThat(codes(f)).containsExactly(code + "@0");
        assertThat(f.get(0).severity()).isEqualTo(severity);
        assertThat(process("9.3", pki.now(), anchored(leaf, root), true)).isEmpty();
    }

    @Test
    void md5SignedLeaf_isWeakSignatureAtIndexZero_fatalFrom12(TestPki pki) {
        HeldCertificate root = pki.root("Root").rsa(2048).build();
        HeldCertificate leaf = pki.leaf("a.example", root)
                .signatureAlgorithm(SignatureAlgorithm.MD5_WITH_RSA)
                .build();
        List<Failure> f = process("12.0", pki.now(), anchored(leaf, root), true);
        assertThat(codes(f)).containsExactly("WeakSignature@0");
        assertThat(f.get(0).severity()).isEqualTo(Severity.FATAL);
        assertThat(process("11.4", pki.now(), anchored(leaf, root), true).get(0).severity())
                .isEqualTo(Severity.RECOVERABLE);
        assertThat(process("11.2", pki.now(), anchored(leaf, root), true)).isEmpty();
    }

    @Test
    void unknownCriticalExtensions_areReportedAtTheirCertificate(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca =
                pki.intermediate("CA", root).unknownCriticalExtension().build();
        HeldCertificate leaf =
                pki.leaf("a.example", ca).unknownCriticalExtension().build();
        List<Failure> f = process("17.4", pki.now(), anchored(leaf, ca, root), true);
        assertThat(codes(f)).containsExactly("CriticalExtensions@1", "CriticalExtensions@0");
    }

    @Test
    void nonCriticalUnknownExtension_isFine(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate leaf = pki.leaf("a.example", root)
                .extension("1.3.6.1.4.1.55738.666.2", false, new byte[] {5, 0})
                .build();
        assertThat(process("17.4", pki.now(), anchored(leaf, root), true)).isEmpty();
    }

    /** Processing runs only the checks the policy hands down: the untrusted top and the expired CA drop out. */
    @Test
    void aCheckNotHandedDown_doesNotRun(TestPki pki) {
        Instant now = pki.now();
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root)
                .validity(now.minus(Duration.ofDays(300)), now.minusSeconds(1))
                .build();
        HeldCertificate leaf = pki.leaf("a.example", ca).build();
        io.github.sectrust4j.path.CandidatePath path = unanchored(leaf, ca, root);
        io.github.sectrust4j.request.EvaluationRequest request = TestPaths.request("17.4", now, path.leaf());
        Rfc5280Rules all = TestPaths.rules("17.4");
        assertThat(codes(BasicCertificateProcessing.process(path, false, request, all)))
                .containsExactly("AnchorTrusted@2", "TemporalValidity@1");
        Rfc5280Rules fewer =
                TestPaths.without(TestPaths.without(all, Rfc5280Check.ANCHOR_TRUSTED), Rfc5280Check.TEMPORAL_VALIDITY);
        assertThat(BasicCertificateProcessing.process(path, false, request, fewer))
                .isEmpty();
    }
}
