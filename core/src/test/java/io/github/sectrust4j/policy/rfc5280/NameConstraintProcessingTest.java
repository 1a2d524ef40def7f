package io.github.sectrust4j.policy.rfc5280;

import static io.github.sectrust4j.policy.rfc5280.TestPaths.anchored;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.codes;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.process;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.check.Failure;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.PkiSeed;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.util.List;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** §2.3 items 3 and 6: name constraints through real minted certificates. */
@ExtendWith(TestPkiExtension.class)
@PkiSeed(5280)
class NameConstraintProcessingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"a.good.example, true", "good.example, true", "evil.example, false", "notgood.example, false"})
    void permittedDnsAtIntermediate_constrainsLeafSan(String host, boolean passes, TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca =
                pki.intermediate("CA", root).permittedDns("good.example").build();
        HeldCertificate leaf = pki.leaf(host, ca).build();
        List<Failure> f = process("17.4", pki.now(), anchored(leaf, ca, root), true);
        if (passes) {
            assertThat(f).isEmpty();
        } else {
            assertThat(codes(f)).containsExactly("NameConstraints@0");
            assertThat(f.get(0).evidence().fields())
                    .containsEntry("outcome", "NOT_PERMITTED")
                    .containsEntry("name", "DNS:" + host)
                    .containsEntry("subtree", "DNS:good.example");
        }
    }

    @Test
    void excludedIpSubtree_rejectsLeafIpInIt(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca =
                pki.intermediate("CA", root).excludedIp("10.0.0.0/8").build();
        HeldCertificate inside =
                pki.leaf("a.example", ca).ipAddresses("10.1.2.3").build();
        HeldCertificate outside =
                pki.leaf("b.example", ca).ipAddresses("192.0.2.1").build();
        List<Failure> f = process("17.4", pki.now(), anchored(inside, ca, root), true);
        assertThat(codes(f)).containsExactly("NameConstraints@0");
        assertThat(f.get(0).evidence().fields()).containsEntry("outcome", "EXCLUDED");
        assertThat(f.get(0).evidence().fields().get("name").toString()).contains("10.1.2.3");
        assertThat(process("17.4", pki.now(), anchored(outside, ca, root), true))
                .isEmpty();
    }

    @Test
    void directoryNameSubtree_constrainsSubjectDn(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca = pki.intermediate("CA", root)
                .permittedDirectoryName("O=Acme, C=US")
                .build();
        HeldCertificate good =
                pki.leaf("a.example", ca).subject("CN=a.example, O=Acme, C=US").build();
        HeldCertificate bad =
                pki.leaf("b.example", ca).subject("CN=b.example, O=Evil, C=US").build();
        assertThat(process("17.4", pki.now(), anchored(good, ca, root), true)).isEmpty();
        List<Failure> f = process("17.4", pki.now(), anchored(bad, ca, root), true);
        assertThat(codes(f)).containsExactly("NameConstraints@0");
        assertThat(f.get(0).evidence().fields().get("name").toString())
                .startsWith("DIRECTORY:")
                .contains("O=Evil");
    }

    @Test
    void emailSubtree_constrainsSanRfc822Names(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca =
                pki.intermediate("CA", root).permittedEmail("example.com").build();
        HeldCertificate good =
                pki.leaf("a.example", ca).emails("alice@example.com").build();
        HeldCertificate bad =
                pki.leaf("b.example", ca).emails("mallory@evil.test").build();
        assertThat(process("17.4", pki.now(), anchored(good, ca, root), true)).isEmpty();
        assertThat(codes(process("17.4", pki.now(), anchored(bad, ca, root), true)))
                .containsExactly("NameConstraints@0");
    }

    @Test
    void trustedAnchorsOwnConstraints_areHonoured(TestPki pki) {
        HeldCertificate root = pki.root("Root")
                .permittedDirectoryName("O=Acme, C=US")
                .permittedDns("acme.example")
                .build();
        HeldCertificate ca =
                pki.intermediate("CA", root).subject("CN=CA, O=Other, C=US").build();
        HeldCertificate leaf =
                pki.leaf("www.evil.example", ca).subject("CN=www, O=Acme, C=US").build();
        assertThat(codes(process("17.4", pki.now(), anchored(leaf, ca, root), true)))
                .containsExactly("NameConstraints@1", "NameConstraints@0");
    }

    @ParameterizedTest(name = "iOS {0}: {1}")
    @CsvSource({"17.4, NameConstraints", "11.3, NameConstraints", "11.2, BasicCertificateProcessing"})
    void nameConstraintFailure_isNamedByRelease(String release, String code, TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca =
                pki.intermediate("CA", root).excludedDns("evil.example").build();
        HeldCertificate leaf = pki.leaf("www.evil.example", ca).build();
        assertThat(codes(process(release, pki.now(), anchored(leaf, ca, root), true)))
                .containsExactly(code + "@0");
    }

    @Test
    void selfIssuedIntermediate_isNotChecked_butANonSelfIssuedOneIs(TestPki pki) {
        HeldCertificate root = pki.root("Root").permittedDns("good.example").build();
        HeldCertificate rollover =
                pki.intermediate("Root", root).dnsNames("evil.example").build();
        HeldCertificate leaf = pki.leaf("www.good.example", rollover).build();
        assertThat(process("17.4", pki.now(), anchored(leaf, rollover, root), true))
                .isEmpty();

        HeldCertificate other =
                pki.intermediate("CA", root).dnsNames("evil.example").build();
        HeldCertificate leaf2 = pki.leaf("www.good.example", other).build();
        assertThat(codes(process("17.4", pki.now(), anchored(leaf2, other, root), true)))
                .containsExactly("NameConstraints@1");
    }

    @Test
    void leafIsCheckedEvenWhenSelfIssued(TestPki pki) {
        HeldCertificate root = pki.root("Root").permittedDns("good.example").build();
        HeldCertificate leaf = pki.leaf("evil.example", root).subject("CN=Root").build();
        assertThat(codes(process("17.4", pki.now(), anchored(leaf, root), true)))
                .containsExactly("NameConstraints@0");
    }

    @Test
    void criticalConstraintWithUnsupportedForm_failsAtThatCa_nonCriticalIsIgnored(TestPki pki) throws Exception {
        NameConstraints registeredId = new NameConstraints(
                new GeneralSubtree[] {
                    new GeneralSubtree(new GeneralName(GeneralName.registeredID, new ASN1ObjectIdentifier("1.2.3.4")))
                },
                null);
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate critical = pki.intermediate("CA", root)
                .extension("2.5.29.30", true, registeredId.getEncoded())
                .build();
        HeldCertificate nonCritical = pki.intermediate("CA2", root)
                .extension("2.5.29.30", false, registeredId.getEncoded())
                .build();
        HeldCertificate leaf = pki.leaf("a.example", critical).build();
        HeldCertificate leaf2 = pki.leaf("b.example", nonCritical).build();
        List<Failure> f = process("17.4", pki.now(), anchored(leaf, critical, root), true);
        assertThat(codes(f)).containsExactly("NameConstraints@1");
        assertThat(f.get(0).evidence().fields()).containsEntry("unsupportedSubtrees", 1);
        assertThat(process("17.4", pki.now(), anchored(leaf2, nonCritical, root), true))
                .isEmpty();
    }

    @Test
    void trustedAnchorWithUnsupportedCriticalForm_failsAtTheTopIndex(TestPki pki) throws Exception {
        NameConstraints registeredId = new NameConstraints(
                new GeneralSubtree[] {
                    new GeneralSubtree(new GeneralName(GeneralName.registeredID, new ASN1ObjectIdentifier("1.2.3.4")))
                },
                null);
        HeldCertificate root = pki.root("Root")
                .extension("2.5.29.30", true, registeredId.getEncoded())
                .build();
        HeldCertificate leaf = pki.leaf("a.example", root).build();
        assertThat(codes(process("17.4", pki.now(), anchored(leaf, root), true)))
                .containsExactly("NameConstraints@1");
    }

    @Test
    void combinedSubtreesReaching1024_failAtTheCaThatReachesIt(TestPki pki) {
        String[] many =
                IntStream.range(0, 1023).mapToObj(i -> "d" + i + ".example").toArray(String[]::new);
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate ca1023 = pki.intermediate("CA", root).permittedDns(many).build();
        HeldCertificate leaf = pki.leaf("www.d7.example", ca1023).build();
        assertThat(process("17.4", pki.now(), anchored(leaf, ca1023, root), true))
                .isEmpty();

        HeldCertificate sub =
                pki.intermediate("Sub", ca1023).excludedDns("bad.example").build();
        HeldCertificate leaf2 = pki.leaf("www.d7.example", sub).build();
        List<Failure> f = process("17.4", pki.now(), anchored(leaf2, sub, ca1023, root), true);
        assertThat(codes(f)).containsExactly("NameConstraints@1");
        assertThat(f.get(0).evidence().fields())
                .containsEntry("combinedSubtrees", 1024)
                .containsEntry("limit", 1024);
    }
}
