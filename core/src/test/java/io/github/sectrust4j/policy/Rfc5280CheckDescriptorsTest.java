package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.check.Evidence;
import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.check.PathValidation;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.path.CandidatePath;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.policy.rfc5280.NameConstraintFailure;
import io.github.sectrust4j.policy.rfc5280.NotACa;
import io.github.sectrust4j.policy.rfc5280.PathTooLong;
import io.github.sectrust4j.policy.rfc5280.PolicyTreeInvalid;
import io.github.sectrust4j.policy.rfc5280.UnknownCriticalExtensions;
import io.github.sectrust4j.request.EvaluationRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RFC 5280 processing's checks as catalogue descriptors: {@code policy.rfc5280} records its typed evidence, the
 * descriptor explains it (also under the names releases before iOS 11.3 used). Each check once failing, once
 * passing, on minted chains.
 */
class Rfc5280CheckDescriptorsTest {
    private final TestPki pki = TestPki.seeded(5280);
    private final HeldCertificate root = pki.root("Contoso Root").build();

    /** The validation's failure of {@code code}, its finding, and the descriptor that explained it. */
    private record Seen(Failure failure, Finding finding) {}

    private Optional<Seen> validate(String release, List<Certificate> chain) {
        return validate(release, chain, null);
    }

    private Optional<Seen> validate(String release, List<Certificate> chain, FindingCode code) {
        CandidatePath p = path(Anchor.APP, chain);
        EvaluationRequest r =
                new Req(pki.now()).release(release).host("www.contoso.com").build(chain);
        PathValidation v = Policies.validatorFor(r).validate(p, r);
        Decision d = Decision.decide(p, v, r);
        return v.failures().stream()
                .filter(f -> code == null || f.code() == code)
                .findFirst()
                .map(f -> new Seen(
                        f,
                        d.findings().stream()
                                .filter(x -> x.code() == f.code() && x.certificateIndex() == f.index())
                                .findFirst()
                                .orElseThrow()));
    }

    private static <E extends Evidence> E explained(Seen s, Class<E> record, CheckDescriptor by) {
        assertThat(AppleChecks.explaining(s.failure())).contains(by);
        assertThat(s.finding().evidence()).isEqualTo(s.failure().evidence().fields());
        assertThat(s.finding().message()).startsWith(s.failure().code().code() + ": ");
        assertThat(s.finding().rule())
                .isEqualTo(by.rule(s.failure(), RuleSet.forRelease(io.github.sectrust4j.IosRelease.NEWEST)));
        return s.failure().evidence(record);
    }

    @Test
    void aCaMarkedCaFalse_isBasicConstraintsCA_andBasicConstraintsBefore113() {
        HeldCertificate notCa =
                pki.intermediate("Contoso Not A CA", root).notCa().build();
        List<Certificate> chain = certs(pki.leaf("www.contoso.com", notCa).build(), notCa, root);

        Seen s = validate("17.4", chain, FindingCode.BASIC_CONSTRAINTS_CA).orElseThrow();
        NotACa e = explained(s, NotACa.class, BasicConstraintsCheck.INSTANCE);
        assertThat(e.problem()).isEqualTo(NotACa.Problem.CA_FALSE);
        assertThat(s.finding().evidence())
                .containsEntry("basicConstraints", "cA=false")
                .containsEntry("version", 3);
        assertThat(s.finding().message())
                .isEqualTo("BasicConstraintsCA: intermediate 'Contoso Not A CA' (certificate 1)"
                        + " is used as a CA but has basicConstraints cA=false.");
        assertThat(s.finding().remedy())
                .isEqualTo("'Contoso Not A CA' is used as a CA but is not marked as one: reissue"
                        + " it with basicConstraints cA=true.");
        Seen old = validate("11.2", chain, FindingCode.BASIC_CONSTRAINTS).orElseThrow();
        assertThat(AppleChecks.explaining(old.failure())).contains(BasicConstraintsCheck.INSTANCE);

        HeldCertificate ca = pki.intermediate("Contoso CA", root).build();
        assertThat(validate("17.4", certs(pki.leaf("www.contoso.com", ca).build(), ca, root)))
                .isEmpty();
    }

    @Test
    void oneIntermediateTooMany_isBasicConstraintsPathLen_andKeepsItsRemedyUnderTheOldName() {
        HeldCertificate top = pki.intermediate("Contoso Policy CA", root).ca(0).build();
        HeldCertificate issuing = pki.intermediate("Contoso Issuing CA", top).build();
        List<Certificate> chain = certs(pki.leaf("www.contoso.com", issuing).build(), issuing, top, root);

        Seen s = validate("17.4", chain, FindingCode.BASIC_CONSTRAINTS_PATH_LEN).orElseThrow();
        PathTooLong e = explained(s, PathTooLong.class, PathLengthCheck.INSTANCE);
        assertThat(e.constraint())
                .map(PathTooLong.Constraint::pathLenConstraint)
                .contains(0);
        assertThat(s.finding().evidence()).containsEntry("constrainedBy", 2).containsEntry("pathLenConstraint", 0);
        assertThat(s.finding().message()).contains("certificate 2 has pathLenConstraint 0");
        assertThat(s.finding().remedy()).contains("pathLenConstraint");
        // before iOS 11.3 the same failure is recorded as BasicConstraints: still the path-length explanation
        Seen old = validate("11.2", chain, FindingCode.BASIC_CONSTRAINTS).orElseThrow();
        assertThat(AppleChecks.explaining(old.failure())).contains(PathLengthCheck.INSTANCE);
        assertThat(old.finding().remedy()).contains("pathLenConstraint").doesNotContain("not marked");

        HeldCertificate wide =
                pki.intermediate("Contoso Policy CA 2", root).ca(1).build();
        HeldCertificate below = pki.intermediate("Contoso Issuing CA 2", wide).build();
        assertThat(validate("17.4", certs(pki.leaf("www.contoso.com", below).build(), below, wide, root)))
                .isEmpty();
    }

    @Test
    void aNameOutsideThePermittedSubtrees_isNameConstraints_withTheNameAndSubtree() {
        HeldCertificate constrained = pki.intermediate("Contoso Constrained CA", root)
                .permittedDns("contoso.com")
                .build();
        Seen s = validate(
                        "17.4",
                        certs(
                                pki.leaf("www.fabrikam.com", constrained)
                                        .dnsNames("www.fabrikam.com")
                                        .build(),
                                constrained,
                                root),
                        FindingCode.NAME_CONSTRAINTS)
                .orElseThrow();

        NameConstraintFailure e = explained(s, NameConstraintFailure.class, NameConstraintsCheck.INSTANCE);
        assertThat(e).isInstanceOf(NameConstraintFailure.NameOutsideSubtrees.class);
        assertThat(s.finding().evidence()).containsEntry("subtree", "DNS:contoso.com");
        assertThat(s.finding().message()).contains("outside the permitted subtrees");
        assertThat(s.finding().remedy()).contains("inside the CA's permitted subtrees");

        assertThat(validate(
                        "17.4",
                        certs(
                                pki.leaf("www.contoso.com", constrained)
                                        .dnsNames("www.contoso.com")
                                        .build(),
                                constrained,
                                root)))
                .isEmpty();
    }

    @Test
    void anExplicitPolicyNoCertificateCarries_isPolicyConstraints() {
        HeldCertificate strict = pki.intermediate("Contoso Strict CA", root)
                .policyConstraints(0, null)
                .policies("1.2.3.4")
                .build();
        Seen s = validate(
                        "17.4",
                        certs(
                                pki.leaf("www.contoso.com", strict)
                                        .policies("1.2.3.5")
                                        .build(),
                                strict,
                                root),
                        FindingCode.POLICY_CONSTRAINTS)
                .orElseThrow();

        PolicyTreeInvalid e = explained(s, PolicyTreeInvalid.class, PolicyConstraintsCheck.INSTANCE);
        assertThat(s.finding().evidence()).containsEntry("reason", e.reason());
        assertThat(s.finding().message()).endsWith(e.reason() + ".");
        assertThat(s.finding().remedy()).contains("policy OIDs");

        assertThat(validate(
                        "17.4",
                        certs(
                                pki.leaf("www.contoso.com", strict)
                                        .policies("1.2.3.4")
                                        .build(),
                                strict,
                                root)))
                .isEmpty();
    }

    @Test
    void anUnknownCriticalExtension_isCriticalExtensions_namingTheOid() {
        HeldCertificate ca = pki.intermediate("Contoso CA", root).build();
        Seen s = validate(
                        "17.4",
                        certs(
                                pki.leaf("www.contoso.com", ca)
                                        .extension("1.3.6.1.4.1.55738.666.1", true, new byte[] {5, 0})
                                        .build(),
                                ca,
                                root),
                        FindingCode.CRITICAL_EXTENSIONS)
                .orElseThrow();

        UnknownCriticalExtensions e = explained(s, UnknownCriticalExtensions.class, CriticalExtensionsCheck.INSTANCE);
        assertThat(e.oids()).containsExactly("1.3.6.1.4.1.55738.666.1");
        assertThat(s.finding().message())
                .isEqualTo("CriticalExtensions: leaf 'www.contoso.com' (certificate 0) has"
                        + " critical extension(s) iOS does not know: [1.3.6.1.4.1.55738.666.1].");
        assertThat(s.finding().remedy())
                .isEqualTo("Reissue 'www.contoso.com' without the unknown critical extension(s).");

        assertThat(validate(
                        "17.4",
                        certs(
                                pki.leaf("www.contoso.com", ca)
                                        .extension("1.3.6.1.4.1.55738.666.1", false, new byte[] {5, 0})
                                        .build(),
                                ca,
                                root)))
                .isEmpty();
    }
}
