package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.SignatureAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.request.EvaluationRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Robustness and consistency of validation + decision over combinations of defective leaves, anchor
 * types, releases, hosts and trust settings: never throws, never "trusted" with a failure, and the
 * reported error is the first finding's.
 */
class DecisionProperties {
    private static final TestPki PKI = TestPki.seeded(71);
    private static final HeldCertificate ROOT = PKI.root("Prop Root").build();
    private static final HeldCertificate CA = PKI.intermediate("Prop CA", ROOT).build();
    private static final Instant NB = Instant.parse("2024-01-01T00:00:00Z");
    private static final List<HeldCertificate> LEAVES = List.of(
            PKI.leaf("ok.example.org", CA)
                    .validity(NB, NB.plus(Duration.ofDays(90)))
                    .build(),
            PKI.leaf("expired.example.org", CA)
                    .validity(NB.minus(Duration.ofDays(90)), NB.minusSeconds(1))
                    .build(),
            PKI.leaf("sha1.example.org", CA)
                    .signatureAlgorithm(SignatureAlgorithm.ECDSA_WITH_SHA1)
                    .build(),
            PKI.leaf("weak.example.org", CA).rsa(1024).build(),
            PKI.leaf("noeku.example.org", CA).noExtendedKeyUsage().build(),
            PKI.leaf("mail.example.org", CA)
                    .extendedKeyUsage(CertificateBuilder.EKU_EMAIL_PROTECTION)
                    .build(),
            PKI.leaf("long.example.org", CA)
                    .validity(NB, NB.plus(Duration.ofDays(900)))
                    .build(),
            PKI.leaf("empty.example.org", CA).emptySubject().build(),
            PKI.leaf("dup.example.org", CA).duplicateExtension("2.5.29.15").build(),
            PKI.leaf("akid.example.org", CA).authorityKeyId(new byte[] {7}).build(),
            PKI.leaf("cn.example.org", CA).noSubjectAltName().build());
    private static final List<String> RELEASES = List.of(
            "9.0", "10.0", "10.3", "11.0", "11.3", "12.0", "12.1.1", "13.0", "14.0", "15.0", "16.0", "17.4", "18.0",
            "26.0");

    @Property(tries = 300)
    void validationAndDecisionAreConsistent(
            @ForAll @IntRange(min = 0, max = 10) int leafIx,
            @ForAll Anchor anchor,
            @ForAll @IntRange(min = 0, max = 13) int releaseIx,
            @ForAll @IntRange(min = 0, max = 3) int chainShape,
            @ForAll @IntRange(min = 0, max = 2) int hostChoice,
            @ForAll @IntRange(min = 0, max = 3) int settingChoice) {
        HeldCertificate leaf = LEAVES.get(leafIx);
        List<Certificate> chain = switch (chainShape) {
            case 0 -> certs(leaf);
            case 1 -> certs(leaf, CA);
            default -> certs(leaf, CA, ROOT);
        };
        Req req = new Req(NB.plus(Duration.ofDays(30))).release(RELEASES.get(releaseIx));
        if (hostChoice == 1) {
            req.host(leaf.subject().getName().replace("CN=", ""));
        } else if (hostChoice == 2) {
            req.host("other.example.org");
        }
        Map<Integer, List<TrustSetting>> settings = switch (settingChoice) {
            case 1 -> Map.of(chain.size() - 1, List.of(TrustSetting.of(TrustSetting.Result.DENY)));
            case 2 ->
                Map.of(
                        0,
                        List.of(TrustSetting.of(TrustSetting.Result.UNSPECIFIED)
                                .allowingError(TrustSetting.CSSM_HOSTNAME_MISMATCH)));
            case 3 ->
                Map.of(
                        0,
                        List.of(TrustSetting.of(TrustSetting.Result.UNSPECIFIED)
                                .allowingError(TrustSetting.CSSM_CERT_EXPIRED)));
            default -> Map.of();
        };
        CandidatePath p = path(anchor, chain, settings, false);
        EvaluationRequest r = req.build(chain);
        PathValidation v = Policies.validatorFor(r).validate(p, r);
        Decision d = Decision.decide(p, v, r);

        Statistics.collect(d.result().isTrusted() ? "trusted" : "not trusted");
        Statistics.coverage(c -> {
            c.check("trusted").count(n -> n > 0);
            c.check("not trusted").count(n -> n > 0);
        });
        List<Finding> failures = new ArrayList<>();
        d.findings().stream().filter(Finding::isFailure).forEach(failures::add);
        assertThat(d.result()).isEqualTo(v.result());
        assertThat(d.result().isTrusted()).isEqualTo(failures.isEmpty());
        assertThat(d.error().isPresent()).isEqualTo(!d.result().isTrusted());
        if (!failures.isEmpty()) {
            assertThat(failures.get(0).error()).isEqualTo(d.error());
            assertThat(d.findings().get(0).isFailure()).isTrue();
        }
        if (!p.anchored()) {
            assertThat(d.result().isTrusted())
                    .as("an unanchored path is never trusted")
                    .isFalse();
        }
        if (d.result() == SecTrustResult.PROCEED) {
            assertThat(RuleSet.forRelease(r.release()).proceedForUserStore()).isTrue();
        }
        for (Finding f : d.findings()) {
            assertThat(f.message()).isNotBlank();
            assertThat(f.remedy()).isNotBlank();
            assertThat(f.certificateIndex()).isBetween(-1, chain.size() - 1);
        }
    }
}
