package io.github.sectrust4j.policy.rfc5280;

import static io.github.sectrust4j.policy.rfc5280.TestPaths.anchored;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.codes;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.process;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.PkiSeed;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.path.CandidatePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** §2.3 item 4: the certificate-policy tree (RFC 5280 §6.1 with anyPolicy as the initial set). */
@ExtendWith(TestPkiExtension.class)
@PkiSeed(5280)
class PolicyTreeProcessingTest {
    static final String P1 = "1.3.6.1.4.1.55738.7.1";
    static final String P2 = "1.3.6.1.4.1.55738.7.2";
    static final String ANY = CertificateBuilder.ANY_POLICY;

    private static List<Failure> run(TestPki pki, HeldCertificate... chain) {
        return process("17.4", pki.now(), anchored(chain), true);
    }

    @Test
    void requireExplicitPolicy_passesWithAMatchingLeafPolicy_failsWithoutOne(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root)
                .policies(P1)
                .policyConstraints(0, null)
                .build();
        assertThat(run(pki, pki.leaf("a.example", ca).policies(P1).build(), ca, root))
                .isEmpty();

        List<Failure> f = run(pki, pki.leaf("b.example", ca).policies(P2).build(), ca, root);
        assertThat(codes(f)).containsExactly("PolicyConstraints@0");
        assertThat(f.get(0).evidence().fields())
                .containsEntry("explicitPolicyRequiredAt", 1)
                .containsEntry("policyTreeEmptiedAt", 0)
                .containsEntry("certificatePolicies", List.of(P2))
                .containsEntry("validPoliciesAbove", List.of(P1));

        List<Failure> none = run(pki, pki.leaf("c.example", ca).build(), ca, root);
        assertThat(codes(none)).containsExactly("PolicyConstraints@0");
        assertThat(none.get(0).evidence().fields())
                .containsEntry("policyTreeEmptiedBecause", "the certificate has no certificatePolicies extension");
    }

    @Test
    void withoutRequireExplicitPolicy_disjointPoliciesAreFine(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root).policies(P1).build();
        assertThat(run(pki, pki.leaf("a.example", ca).policies(P2).build(), ca, root))
                .isEmpty();
    }

    @Test
    void requireExplicitPolicyWithSkipCerts_countsTheCertificatesBelow(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca1 = pki.intermediate("CA1", root)
                .policies(P1)
                .policyConstraints(1, null)
                .build();
        HeldCertificate ca2 = pki.intermediate("CA2", ca1).build(); // no policies: tree becomes NULL
        HeldCertificate leaf = pki.leaf("a.example", ca2).policies(P1).build();
        List<Failure> f = run(pki, leaf, ca2, ca1, root);
        assertThat(codes(f)).containsExactly("PolicyConstraints@0");
        assertThat(f.get(0).evidence().fields())
                .containsEntry("policyTreeEmptiedAt", 1)
                .containsEntry("explicitPolicyRequiredAt", 1);
        HeldCertificate ca1Loose = pki.intermediate("CA1b", root)
                .policies(P1)
                .policyConstraints(3, null)
                .build();
        HeldCertificate ca2b = pki.intermediate("CA2b", ca1Loose).build();
        assertThat(run(pki, pki.leaf("b.example", ca2b).policies(P1).build(), ca2b, ca1Loose, root))
                .isEmpty();
    }

    @Test
    void trustedAnchorsPolicyConstraints_areNotProcessed(TestPki pki) {
        HeldCertificate root =
                pki.root("Root").policies(P1).policyConstraints(0, null).build();
        HeldCertificate leaf = pki.leaf("a.example", root).build();
        assertThat(run(pki, leaf, root)).isEmpty();
    }

    @Test
    void policyMapping_translatesTheIssuerDomainPolicy(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root)
                .policies(P1)
                .policyMapping(P1, P2)
                .policyConstraints(0, null)
                .build();
        assertThat(run(pki, pki.leaf("a.example", ca).policies(P2).build(), ca, root))
                .isEmpty();
        assertThat(codes(run(pki, pki.leaf("b.example", ca).policies(P1).build(), ca, root)))
                .containsExactly("PolicyConstraints@0");
    }

    @Test
    void inhibitPolicyMapping_deletesMappedPolicies(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate top = pki.intermediate("Top", root)
                .policies(ANY)
                .policyConstraints(0, 0)
                .build();
        HeldCertificate mapper = pki.intermediate("Mapper", top)
                .policies(P1)
                .policyMapping(P1, P2)
                .build();
        List<Failure> f = run(pki, pki.leaf("a.example", mapper).policies(P2).build(), mapper, top, root);
        assertThat(codes(f)).containsExactly("PolicyConstraints@0");
        assertThat(f.get(0).evidence().fields()).containsEntry("policyTreeEmptiedAt", 1);

        HeldCertificate topAllowing = pki.intermediate("Top2", root)
                .policies(ANY)
                .policyConstraints(0, null)
                .build();
        HeldCertificate mapper2 = pki.intermediate("Mapper2", topAllowing)
                .policies(P1)
                .policyMapping(P1, P2)
                .build();
        assertThat(run(pki, pki.leaf("b.example", mapper2).policies(P2).build(), mapper2, topAllowing, root))
                .isEmpty();
    }

    @Test
    void inhibitAnyPolicy_stopsAnyPolicyInLaterCertificates(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate top = pki.intermediate("Top", root)
                .policies(P1)
                .policyConstraints(0, null)
                .inhibitAnyPolicy(0)
                .build();
        HeldCertificate any = pki.intermediate("Any", top).policies(ANY).build();
        List<Failure> f = run(pki, pki.leaf("a.example", any).policies(P1).build(), any, top, root);
        assertThat(codes(f)).containsExactly("PolicyConstraints@0");
        assertThat(f.get(0).evidence().fields()).containsEntry("policyTreeEmptiedAt", 1);

        HeldCertificate top2 = pki.intermediate("Top2", root)
                .policies(P1)
                .policyConstraints(0, null)
                .build();
        HeldCertificate any2 = pki.intermediate("Any2", top2).policies(ANY).build();
        assertThat(run(pki, pki.leaf("b.example", any2).policies(P1).build(), any2, top2, root))
                .isEmpty();
    }

    @Test
    void selfIssuedIntermediate_keepsAnyPolicyDespiteInhibitAnyPolicy(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate top = pki.intermediate("Top", root)
                .policies(P1)
                .policyConstraints(0, null)
                .inhibitAnyPolicy(0)
                .build();
        // same name as its issuer: self-issued, so RFC 5280 §6.1.3 (d)(2) still expands anyPolicy
        HeldCertificate rollover = pki.intermediate("Top", top).policies(ANY).build();
        assertThat(run(pki, pki.leaf("a.example", rollover).policies(P1).build(), rollover, top, root))
                .isEmpty();
    }

    @Test
    void anyPolicyInIntermediate_acceptsAnyLeafPolicy(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root)
                .policies(ANY)
                .policyConstraints(0, null)
                .build();
        assertThat(run(pki, pki.leaf("a.example", ca).policies(P2).build(), ca, root))
                .isEmpty();
        assertThat(run(pki, pki.leaf("b.example", ca).policies(ANY).build(), ca, root))
                .isEmpty();
    }

    @Test
    void mappingFromOrToAnyPolicy_failsClosed(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root)
                .policies(ANY)
                .policyMapping(ANY, P1)
                .build();
        List<Failure> f = run(pki, pki.leaf("a.example", ca).policies(P1).build(), ca, root);
        assertThat(codes(f)).containsExactly("PolicyConstraints@0");
        assertThat(f.get(0).evidence().fields()).containsEntry("invalidPolicyMappingAt", 1);
    }

    @Test
    void policyFailureBefore11_3_isBasicCertificateProcessing(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root)
                .policies(P1)
                .policyConstraints(0, null)
                .build();
        HeldCertificate leaf = pki.leaf("a.example", ca).policies(P2).build();
        assertThat(codes(process("11.2", pki.now(), anchored(leaf, ca, root), true)))
                .containsExactly("BasicCertificateProcessing@0");
    }

    @Test
    void onlyTheFirst1024MappingsOfACertificateAreProcessed(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        CertificateBuilder late = pki.intermediate("Late", root).policies(P1).policyConstraints(0, null);
        for (int i = 0; i < 1024; i++) {
            late.policyMapping("1.3.6.1.4.1.55738.8." + i, "1.3.6.1.4.1.55738.9." + i);
        }
        HeldCertificate lateCa = late.policyMapping(P1, P2).build();
        assertThat(codes(run(pki, pki.leaf("a.example", lateCa).policies(P2).build(), lateCa, root)))
                .containsExactly("PolicyConstraints@0");
        HeldCertificate early = pki.intermediate("Early", root)
                .policies(P1)
                .policyConstraints(0, null)
                .policyMapping(P1, P2)
                .build();
        assertThat(run(pki, pki.leaf("b.example", early).policies(P2).build(), early, root))
                .isEmpty();
    }

    /** Every CA lists 8 policies and maps each onto all 8: the tree grows 8-fold per certificate. */
    private static List<HeldCertificate> mappingMesh(TestPki pki, HeldCertificate root, int depth) {
        List<String> policies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            policies.add("1.3.6.1.4.1.55738.9." + i);
        }
        List<HeldCertificate> cas = new ArrayList<>();
        HeldCertificate issuer = root;
        for (int d = 0; d < depth; d++) {
            CertificateBuilder b = pki.intermediate("Mesh " + d, issuer).policies(policies.toArray(String[]::new));
            if (d == 0) {
                b.policyConstraints(0, null);
            }
            for (String from : policies) {
                for (String to : policies) {
                    b.policyMapping(from, to);
                }
            }
            issuer = b.build();
            cas.add(issuer);
        }
        Collections.reverse(cas); // leaf-first order below the leaf
        return cas;
    }

    private static CandidatePath meshPath(TestPki pki, int depth) {
        HeldCertificate root = pki.root("Root").build();
        List<HeldCertificate> cas = mappingMesh(pki, root, depth);
        HeldCertificate leaf = pki.leaf("a.example", cas.get(0))
                .policies("1.3.6.1.4.1.55738.9.0")
                .build();
        List<HeldCertificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(cas);
        chain.add(root);
        return anchored(chain.toArray(HeldCertificate[]::new));
    }

    @Test
    void moderatePolicyMesh_isProcessedExactly(TestPki pki) {
        assertThat(process("17.4", pki.now(), meshPath(pki, 3), true)).isEmpty();
    }

    @Test
    void pathologicalPolicyMappingExplosion_staysBoundedAndFailsClosed(TestPki pki) {
        List<Failure> f = process("17.4", pki.now(), meshPath(pki, 7), true);
        assertThat(codes(f)).containsExactly("PolicyConstraints@0");
        assertThat(f.get(0).evidence().fields()).containsEntry("policyTreeNodeLimit", PolicyTree.MAX_NODES);
    }
}
