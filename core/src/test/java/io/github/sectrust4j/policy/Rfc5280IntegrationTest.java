package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.codes;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.path.PathValidator;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.request.EvaluationRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default validator ({@link Policies#validatorFor(EvaluationRequest)}) with the real policy.rfc5280 processing. */
class Rfc5280IntegrationTest {
    private final TestPki pki = TestPki.seeded(61);
    private final HeldCertificate root = pki.root("Litware Root").build();
    private final HeldCertificate ca = pki.intermediate("Litware CA", root).build();
    private final List<Certificate> chain =
            certs(pki.leaf("www.litware.test", ca).build(), ca, root);

    private static Decision run(CandidatePath p, EvaluationRequest r) {
        PathValidation v = Policies.validatorFor(r).validate(p, r);
        return Decision.decide(p, v, r);
    }

    @Test
    void anchoredCleanChain_isTrusted() {
        Decision d = run(
                path(Anchor.APP, chain),
                new Req(pki.now()).host("www.litware.test").build(chain));
        assertThat(d.result()).isEqualTo(SecTrustResult.UNSPECIFIED);
        assertThat(d.error()).isEmpty();
    }

    @Test
    void unanchoredSelfSignedTop_isAnchorTrusted_notSelfSignedTop_isMissingIntermediate() {
        Decision untrusted = run(path(Anchor.NONE, chain), new Req(pki.now()).build(chain));
        assertThat(untrusted.error()).contains(TrustError.NOT_TRUSTED);
        List<Certificate> partial = chain.subList(0, 2);
        Decision missing = run(path(Anchor.NONE, partial), new Req(pki.now()).build(partial));
        assertThat(missing.error()).contains(TrustError.CREATE_CHAIN_FAILED);
        // the top is a CA: its missing issuer is most likely the root, so the fix leads with installing it
        assertThat(missing.findings().get(0).remedy()).startsWith("The device does not know 'Litware Root'");
    }

    @Test
    void rootDeniedByProfile_isDeny_withAnchorTrustedAlsoRecorded() {
        CandidatePath p =
                path(Anchor.PROFILE, chain, Map.of(2, List.of(TrustSetting.of(TrustSetting.Result.DENY))), false);
        Decision d = run(p, new Req(pki.now()).build(chain));
        assertThat(d.result()).isEqualTo(SecTrustResult.DENY);
        assertThat(d.error()).contains(TrustError.TRUST_SETTING_DENY);
        assertThat(d.findings())
                .extracting(f -> f.code())
                .contains(FindingCode.USAGE_CONSTRAINTS, FindingCode.ANCHOR_TRUSTED);
    }

    @Test
    void appleRootDeniedByUser_stillProceeds() {
        CandidatePath p = path(Anchor.SYSTEM, chain, Map.of(), true);
        io.github.sectrust4j.UserRoot denied = new io.github.sectrust4j.UserRoot(
                chain.get(2),
                io.github.sectrust4j.InstallChannel.PROFILE,
                io.github.sectrust4j.FullTrust.ON,
                java.util.Optional.of(List.of(TrustSetting.of(TrustSetting.Result.DENY))));
        assertThat(run(p, new Req(pki.now()).userRoots(denied).build(chain)).result())
                .isEqualTo(SecTrustResult.PROCEED);
        assertThat(run(p, new Req(pki.now()).build(chain)).result()).isEqualTo(SecTrustResult.UNSPECIFIED);
    }

    @Test
    void expiredIntermediate_isRecordedAtItsIndex_leafExpiryWinsTheTie() {
        HeldCertificate oldCa = pki.intermediate("Old CA", root)
                .validity(pki.now().minus(Duration.ofDays(400)), pki.now().minus(Duration.ofDays(2)))
                .build();
        List<Certificate> c = certs(
                pki.leaf("www.litware.test", oldCa)
                        .validity(
                                pki.now().minus(Duration.ofDays(30)), pki.now().minus(Duration.ofDays(1)))
                        .build(),
                oldCa,
                root);
        PathValidation v = Policies.validatorFor(new Req(pki.now()).build(c))
                .validate(path(Anchor.SYSTEM, c), new Req(pki.now()).build(c));
        assertThat(v.failures())
                .extracting(Failure::code, Failure::index)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(FindingCode.TEMPORAL_VALIDITY, 0),
                        org.assertj.core.groups.Tuple.tuple(FindingCode.TEMPORAL_VALIDITY, 1));
        Decision d = Decision.decide(path(Anchor.SYSTEM, c), v, new Req(pki.now()).build(c));
        assertThat(d.findings().get(0).certificateIndex()).isZero();
    }

    @Test
    void parentChecks_delegateToRfc5280() {
        HeldCertificate notCa = pki.intermediate("Not a CA", root).notCa().build();
        List<Certificate> c = certs(pki.leaf("www.litware.test", notCa).build(), notCa, root);
        PathValidator v = Policies.validatorFor(new Req(pki.now()).build(c));
        assertThat(v.parentChecks(path(Anchor.APP, c), 1, new Req(pki.now()).build(c)))
                .extracting(Failure::code)
                .contains(FindingCode.BASIC_CONSTRAINTS_CA);
        assertThat(codes(v.validate(path(Anchor.APP, c), new Req(pki.now()).build(c))))
                .contains(FindingCode.BASIC_CONSTRAINTS_CA);
    }
}
