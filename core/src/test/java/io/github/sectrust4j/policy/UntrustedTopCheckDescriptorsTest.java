package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.policy.rfc5280.UntrustedTop;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code AnchorTrusted} and {@code MissingIntermediate} as catalogue descriptors: RFC 5280 processing records an
 * untrusted top with {@link UntrustedTop}, the descriptor of the recorded code explains it (a top that is not
 * self-signed is {@code AnchorTrusted} before iOS 11.3). Each once failing, once passing, on minted chains.
 */
class UntrustedTopCheckDescriptorsTest {
    private final TestPki pki = TestPki.seeded(23);
    private final HeldCertificate root = pki.root("Contoso Root").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();
    private final HeldCertificate leaf = pki.leaf("www.contoso.com", ca).build();

    /** The untrusted-top failure a full validation records on the chain, explained the way reports do. */
    private Optional<CheckTestSupport.Explained> validate(String release, Anchor anchor, List<Certificate> chain) {
        CandidatePath p = path(anchor, chain);
        EvaluationRequest r =
                new Req(pki.now()).release(release).host("www.contoso.com").build(chain);
        return Policies.validatorFor(r).validate(p, r).failures().stream()
                .filter(f -> f.code() == FindingCode.ANCHOR_TRUSTED || f.code() == FindingCode.MISSING_INTERMEDIATE)
                .findFirst()
                .map(f -> CheckTestSupport.explain(f, p, r));
    }

    private static UntrustedTop explained(CheckTestSupport.Explained s, CheckDescriptor by) {
        assertThat(AppleChecks.explaining(s.failure())).contains(by);
        assertThat(s.rule()).isEqualTo(by.rule(s.failure(), RuleSet.forRelease(IosRelease.NEWEST)));
        return s.failure().evidence(UntrustedTop.class);
    }

    @Test
    void anUntrustedSelfSignedTop_isAnchorTrusted_withItsEvidenceInTheRecordedOrder() {
        List<Certificate> chain = certs(leaf, ca, root);
        CheckTestSupport.Explained s = validate("17.4", Anchor.NONE, chain).orElseThrow();
        UntrustedTop e = explained(s, AnchorTrustedCheck.INSTANCE);
        assertThat(s.failure().code()).isEqualTo(FindingCode.ANCHOR_TRUSTED);
        assertThat(s.failure().index()).isEqualTo(2);
        assertThat(e.selfSigned()).isTrue();
        assertThat(e.anchored()).isFalse();
        assertThat(s.failure().evidence().fields().keySet()).containsExactly("anchored", "selfSigned", "subject");
        assertThat(s.failure().evidence().fields())
                .containsEntry("subject", chain.get(2).subject().toString());
        assertThat(s.message())
                .isEqualTo("AnchorTrusted: top certificate 'Contoso Root' (certificate 2) is not a trusted anchor"
                        + " for this policy.");
        assertThat(s.remedy()).startsWith("Install the root 'Contoso Root' on the device");
        assertThat(s.rule().section()).isEqualTo("§2.3");

        assertThat(validate("17.4", Anchor.APP, chain)).isEmpty();
    }

    @Test
    void anUntrustedTopThatIsNotSelfSigned_isMissingIntermediate_andAnchorTrustedBefore113() {
        List<Certificate> chain = certs(leaf, ca);
        CheckTestSupport.Explained s = validate("17.4", Anchor.NONE, chain).orElseThrow();
        UntrustedTop e = explained(s, MissingIntermediateCheck.INSTANCE);
        assertThat(s.failure().code()).isEqualTo(FindingCode.MISSING_INTERMEDIATE);
        assertThat(e.selfSigned()).isFalse();
        assertThat(e.subject()).isEqualTo(chain.get(1).subject().toString());
        assertThat(s.message())
                .isEqualTo("MissingIntermediate: top certificate 'Contoso Issuing CA' (certificate 1) is not"
                        + " self-signed and its issuer 'Contoso Root' was not found.");
        assertThat(s.remedy()).startsWith("The device does not know 'Contoso Root'");
        assertThat(s.rule().since()).contains("11.3");

        // before iOS 11.3 the same failure is recorded, and explained, as AnchorTrusted
        CheckTestSupport.Explained old = validate("11.2", Anchor.NONE, chain).orElseThrow();
        assertThat(old.failure().code()).isEqualTo(FindingCode.ANCHOR_TRUSTED);
        assertThat(AppleChecks.explaining(old.failure())).contains(AnchorTrustedCheck.INSTANCE);
        assertThat(old.failure().evidence(UntrustedTop.class).selfSigned()).isFalse();
        assertThat(old.message()).endsWith("is not a trusted anchor for this policy.");

        assertThat(validate("17.4", Anchor.APP, chain)).isEmpty();
    }
}
