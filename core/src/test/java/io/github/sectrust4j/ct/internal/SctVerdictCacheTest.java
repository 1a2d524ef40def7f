package io.github.sectrust4j.ct.internal;

import static io.github.sectrust4j.ct.CtTestLogs.spki;
import static io.github.sectrust4j.ct.CtTestLogs.usable;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.A;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.B;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.C;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.IOS_17;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.ISSUED;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.ISSUER;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.ROOT;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.VERIFY;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.at;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.leaf;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.policy.RuleSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * SCT signature verdicts are cached across evaluations like certificate signature verdicts: a warm
 * evaluation runs no SCT cryptography, and a verdict is only ever reused for the very same log key,
 * signed entry and SCT bytes.
 */
class SctVerdictCacheTest {
    /** A fresh cache whose real verifications are counted. */
    private static final class Counted {
        final AtomicInteger calls = new AtomicInteger();
        final CachingSctVerifier cache = new CachingSctVerifier(
                (sct, data, key) -> {
                    calls.incrementAndGet();
                    return SctSignatures.verify(sct, data, key);
                },
                100);
    }

    private static final HeldCertificate LEAF = leaf(at(A, ISSUED), at(B, ISSUED.plusSeconds(5)));
    private static final CtLogList LOGS = list(usable(A), usable(B), usable(C));

    private static CtEvaluation evaluate(Counted c, byte[] leaf, byte[] issuerSpki, byte[]... tlsScts) {
        CtRequest.Builder b = CtRequest.builder(leaf, VERIFY).issuerSpki(issuerSpki);
        for (byte[] s : tlsScts) {
            b.tlsSct(s);
        }
        return CtEvaluator.evaluate(b.build(), LOGS, RuleSet.forRelease(IOS_17).ctRules(), c.cache);
    }

    @Test
    void secondEvaluation_verifiesNoSctSignature_andAnswersTheSame() {
        Counted c = new Counted();
        byte[] tls = C.sctFor(LEAF, ISSUED).encoded();

        CtEvaluation first = evaluate(c, LEAF.der(), spki(ISSUER), tls);
        int cold = c.calls.get();
        CtEvaluation second = evaluate(c, LEAF.der(), spki(ISSUER), tls);

        assertThat(first.qualified()).isTrue();
        assertThat(first.outcomes())
                .extracting(SctOutcome::verdict)
                .containsOnly(SctVerdict.VALID)
                .hasSize(3);
        assertThat(cold).isEqualTo(3);
        assertThat(c.calls.get() - cold)
                .as("SCT verifications of the warm evaluation")
                .isZero();
        assertThat(second.outcomes()).isEqualTo(first.outcomes());
        assertThat(second.qualified()).isEqualTo(first.qualified());
        assertThat(c.cache.verifications()).isEqualTo(3);
    }

    @Test
    void theSameSctsOverAnotherEntry_areVerifiedAgain_andFail() {
        Counted c = new Counted();
        assertThat(evaluate(c, LEAF.der(), spki(ISSUER)).qualified()).isTrue();
        int cold = c.calls.get();

        // the precert entry hashes the issuer key: another issuer key is another signed entry
        CtEvaluation other = evaluate(c, LEAF.der(), spki(ROOT));

        assertThat(c.calls.get() - cold).isEqualTo(2);
        assertThat(other.outcomes()).extracting(SctOutcome::verdict).containsOnly(SctVerdict.INVALID_SIGNATURE);
    }

    @Test
    void aValidTlsSctPresentedWithAnotherLeaf_isVerifiedAgain_andFails() {
        Counted c = new Counted();
        HeldCertificate otherLeaf = leaf(at(A, ISSUED));
        byte[] tls = C.sctFor(LEAF, ISSUED).encoded();
        assertThat(evaluate(c, LEAF.der(), spki(ISSUER), tls).outcomes().get(2).verdict())
                .isEqualTo(SctVerdict.VALID);
        int before = c.calls.get();

        CtEvaluation other = evaluate(c, otherLeaf.der(), spki(ISSUER), tls);

        assertThat(other.outcomes().get(1).verdict()).isEqualTo(SctVerdict.INVALID_SIGNATURE);
        assertThat(c.calls.get() - before)
                .as("the embedded SCT of the other leaf and the TLS SCT")
                .isEqualTo(2);
    }

    /**
     * A parsed leaf keeps its precert entry and its SCTs' cache keys for the issuer key it was last judged
     * under: judged under another issuer key it is verified again (and fails), and back under the first it
     * counts again, from the cache.
     */
    @Test
    void aParsedLeaf_judgedUnderAnotherIssuerKey_usesThatKey_andBack() {
        Counted c = new Counted();
        io.github.sectrust4j.cert.Certificate parsed = io.github.sectrust4j.cert.CertificateInput.fromDer(LEAF.der());
        java.util.function.Function<byte[], CtEvaluation> judge = issuer -> CtEvaluator.evaluate(
                CtRequest.builder(parsed, VERIFY).issuerSpki(issuer).build(),
                LOGS,
                RuleSet.forRelease(IOS_17).ctRules(),
                c.cache);

        CtEvaluation first = judge.apply(spki(ISSUER));
        CtEvaluation warm = judge.apply(spki(ISSUER));
        int afterWarm = c.calls.get();
        CtEvaluation other = judge.apply(spki(ROOT));
        int afterOther = c.calls.get();
        CtEvaluation back = judge.apply(spki(ISSUER));

        assertThat(first.qualified()).isTrue();
        assertThat(afterWarm).as("verified once, then from the cache").isEqualTo(2);
        assertThat(warm).isEqualTo(first);
        assertThat(other.outcomes()).extracting(SctOutcome::verdict).containsOnly(SctVerdict.INVALID_SIGNATURE);
        assertThat(afterOther - afterWarm)
                .as("another signed entry is verified again")
                .isEqualTo(2);
        assertThat(back).isEqualTo(first);
        assertThat(c.calls.get()).isEqualTo(afterOther);
    }

    /**
     * A parsed leaf's precert entry is named in the cache key by the leaf's SHA-256 and the issuer key hash: the
     * same DER parsed again (another object) is answered from the cache, and another leaf carrying the very same
     * SCT list (the same SCT bytes) is another entry, verified again, and fails.
     */
    @Test
    void aParsedLeafsEntry_isNamedByItsFingerprint_anotherLeafWithTheSameScts_isVerifiedAgain() throws Exception {
        Counted c = new Counted();
        byte[] sctList = org.bouncycastle.asn1.ASN1OctetString.getInstance(
                        io.github.sectrust4j.fixtures.ct.Sct.extensionValue(LEAF.embeddedScts()))
                .getOctets();
        HeldCertificate copied = CtEvaluatorTest.PKI
                .leaf("ct.example.test", ISSUER)
                .validity(CtEvaluatorTest.NOT_BEFORE, CtEvaluatorTest.NOT_AFTER)
                .sctListExtension(sctList)
                .build();
        java.util.function.Function<byte[], CtEvaluation> judge = der -> CtEvaluator.evaluate(
                CtRequest.builder(io.github.sectrust4j.cert.CertificateInput.fromDer(der), VERIFY)
                        .issuerSpki(spki(ISSUER))
                        .build(),
                LOGS,
                RuleSet.forRelease(IOS_17).ctRules(),
                c.cache);

        CtEvaluation first = judge.apply(LEAF.der());
        CtEvaluation reparsed = judge.apply(LEAF.der());
        int afterReparsed = c.calls.get();
        CtEvaluation other = judge.apply(copied.der());

        assertThat(first.qualified()).isTrue();
        assertThat(afterReparsed)
                .as("verified once, then from the cache for a new parse")
                .isEqualTo(2);
        assertThat(reparsed).isEqualTo(first);
        assertThat(other.outcomes())
                .as("the same SCTs")
                .extracting(SctOutcome::logId, SctOutcome::timestamp)
                .containsExactlyElementsOf(first.outcomes().stream()
                        .map(o -> org.assertj.core.groups.Tuple.tuple(o.logId(), o.timestamp()))
                        .toList());
        assertThat(c.calls.get() - afterReparsed)
                .as("the other leaf's entry is verified")
                .isEqualTo(2);
        assertThat(other.outcomes()).extracting(SctOutcome::verdict).containsOnly(SctVerdict.INVALID_SIGNATURE);
    }

    @Test
    void anotherLogKey_isAnotherKey() {
        Counted c = new Counted();
        SignedCertificateTimestamp sct = SignedCertificateTimestamp.parse(
                        C.sctFor(LEAF, ISSUED).encoded())
                .value()
                .get();
        byte[] raw = C.sctFor(LEAF, ISSUED).encoded();
        SignedEntries.Entry entry = SignedEntries.x509Entry(LEAF.der());
        byte[] digest = entry.sha256();

        // a log object of its own per call: the key is recognised by the log's key, not by the object
        assertThat(c.cache.verify(sct, raw, entry, digest, io.github.sectrust4j.ct.CtLog.usable(spki(C), "C", "C")))
                .isTrue();
        assertThat(c.cache.verify(sct, raw, entry, digest, io.github.sectrust4j.ct.CtLog.usable(spki(A), "A", "A")))
                .isFalse();
        assertThat(c.cache.verify(sct, raw, entry, digest, io.github.sectrust4j.ct.CtLog.usable(spki(C), "C", "C")))
                .isTrue();
        assertThat(c.calls.get()).isEqualTo(2);
    }

    /**
     * A real chain (x509-limbo online::google.com, embedded SCTs from Apple-listed logs) evaluated twice through
     * the public API with freshly parsed certificates: the second evaluation verifies no SCT signature and
     * gives the same report.
     */
    @Test
    void realChain_secondEvaluationThroughSecTrust_verifiesNoSctSignature() throws Exception {
        com.fasterxml.jackson.databind.JsonNode tc = RealCertificateSctTest.onlineCases()
                .filter(a -> a.get()[0].equals("online::google.com"))
                .findFirst()
                .map(a -> (com.fasterxml.jackson.databind.JsonNode) a.get()[1])
                .orElseThrow();
        java.util.function.Supplier<io.github.sectrust4j.TrustReport> evaluate = () -> {
            java.util.List<io.github.sectrust4j.cert.Certificate> chain =
                    new java.util.ArrayList<>(io.github.sectrust4j.cert.CertificateInput.fromPem(
                            tc.get("peer_certificate").asText()));
            tc.get("untrusted_intermediates")
                    .forEach(n -> chain.addAll(io.github.sectrust4j.cert.CertificateInput.fromPem(n.asText())));
            return io.github.sectrust4j.SecTrust.ios("17.0")
                    .at(RealCertificateSctTest.verifyTime(tc))
                    .forServer(tc.get("expected_peer_name").get("value").asText())
                    .evaluate(chain);
        };
        io.github.sectrust4j.TrustReport first = evaluate.get();
        long before = CachingSctVerifier.SHARED.verifications();
        io.github.sectrust4j.TrustReport second = evaluate.get();

        assertThat(first.certificateTransparency()).as(first.explain()).isTrue();
        assertThat(CachingSctVerifier.SHARED.verifications() - before).isZero();
        assertThat(io.github.sectrust4j.report.JsonReport.render(second))
                .isEqualTo(io.github.sectrust4j.report.JsonReport.render(first));
    }

    /**
     * Any one byte of a TLS SCT changed after the original's VALID verdict was cached: the changed SCT never
     * reuses that verdict and never counts as valid.
     */
    @Property(tries = 300)
    void aTamperedSct_neverHitsTheCachedValidVerdict(
            @ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll @IntRange(min = 1, max = 255) int mask) {
        Counted c = new Counted();
        byte[] tls = C.sctFor(LEAF, ISSUED).encoded();
        assertThat(evaluate(c, LEAF.der(), spki(ISSUER), tls).outcomes().get(2).verdict())
                .isEqualTo(SctVerdict.VALID);
        int before = c.calls.get();
        byte[] tampered = tls.clone();
        int at = position % tampered.length;
        tampered[at] ^= (byte) mask;

        SctOutcome o =
                evaluate(c, LEAF.der(), spki(ISSUER), tampered).outcomes().get(2);

        assertThat(o.verdict()).as("byte %d ^ %d", at, mask).isNotEqualTo(SctVerdict.VALID);
        if (o.verdict() == SctVerdict.INVALID_SIGNATURE) {
            assertThat(c.calls.get() - before)
                    .as("verified, not taken from the cache")
                    .isEqualTo(1);
        }
        Statistics.collect(o.verdict());
        Statistics.coverage(k -> {
            k.check(SctVerdict.INVALID_SIGNATURE).count(n -> n > 0);
            k.check(SctVerdict.UNKNOWN_LOG).count(n -> n > 0);
        });
    }

    /**
     * Log keys are kept by their bytes, but not a caller's huge one (review: out-of-bounds and odd keys became kept
     * too, and 1,024 keys of up to a MiB each would pin the heap at -Xmx64m).
     */
    @Test
    void aHugeLogKey_isAnsweredButNotKept_aRealOneIsKept() throws Exception {
        SignedCertificateTimestamp sct = SignedCertificateTimestamp.parse(
                        C.sctFor(LEAF, ISSUED).encoded())
                .value()
                .orElseThrow();
        for (int i = 0; i < 3; i++) {
            byte[] bits = new byte[100_000];
            bits[0] = (byte) i;
            byte[] huge = new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(
                            new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                    new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4")),
                            bits)
                    .getEncoded();
            assertThat(huge.length).isGreaterThan(SctSignatures.MAX_KEPT_KEY_BYTES);
            assertThat(SctSignatures.verify(sct, new byte[] {1}, huge)).isFalse();
            assertThat(SctSignatures.keeps(huge)).isFalse();
        }
        byte[] real = spki(C);
        SctSignatures.verify(sct, new byte[] {1}, real);
        assertThat(SctSignatures.keeps(real)).isTrue();
    }
}
