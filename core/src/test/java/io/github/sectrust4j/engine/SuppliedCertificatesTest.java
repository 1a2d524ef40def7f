package io.github.sectrust4j.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.cli.Cli;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.path.TestRequests;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lazy parsing of supplied certificates (issue 14 item 5): a certificate supplied beside the chain (an intermediate
 * the device has, an extra certificate the server sends) whose subject no certificate of the chain names as its
 * issuer is never a candidate, and a parse keeps its classified key and Bouncy Castle's view for first use, so such
 * a certificate is read for its names and fingerprint only. Whether it is a certificate iOS can parse is still
 * decided when it is read: a malformed one gives the same input error or {@code UnparseableCertificate} verdict as
 * before, wherever it sits.
 */
@ExtendWith(TestPkiExtension.class)
class SuppliedCertificatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXTRAS = 40;

    private HeldCertificate root;
    private HeldCertificate ica;
    private HeldCertificate leaf;
    /** Issuing CAs under another root and other names: never a candidate for this chain. */
    private List<HeldCertificate> extras;

    private String brokenPem;

    @BeforeEach
    void mint(TestPki pki) {
        root = pki.root("Root").build();
        ica = pki.intermediate("Issuing CA", root).build();
        leaf = pki.leaf("example.com", ica).validForDays(90).build();
        HeldCertificate otherRoot = pki.root("Other Root").build();
        extras = IntStream.range(0, EXTRAS)
                .mapToObj(i -> pki.intermediate("Unrelated CA " + i, otherRoot).build())
                .toList();
        brokenPem = UnparseableChainCertificateTest.pem(UnparseableChainCertificateTest.withUnusedSignatureBits(
                pki.intermediate("Broken CA", otherRoot).build().der()));
    }

    private SecTrust trust(TestPki pki) {
        return SecTrust.ios("17.4")
                .forServer("example.com")
                .at(pki.now())
                .ctKillSwitch(true)
                .withAnchors(TestRequests.certs(root));
    }

    private static String pems(List<HeldCertificate> certificates) {
        return certificates.stream().map(HeldCertificate::pem).collect(Collectors.joining());
    }

    @Test
    void neverCandidates_areReadForTheirNamesOnly_andChangeNothingInTheReport(TestPki pki) {
        List<Certificate> supplied = CertificateInput.fromPem(pems(extras));
        List<Certificate> chain = new ArrayList<>(CertificateInput.fromPem(leaf.pem() + ica.pem() + pems(extras)));
        assertThat(supplied).noneMatch(Certificate::detailsBuilt);

        TrustReport with = trust(pki).withIntermediates(supplied).evaluate(chain);
        TrustReport without = trust(pki).evaluate(TestRequests.certs(leaf, ica));

        assertThat(with.trusted()).isTrue();
        assertThat(with.toJson()).isEqualTo(without.toJson());
        assertThat(supplied).noneMatch(Certificate::detailsBuilt);
        assertThat(chain.subList(2, chain.size())).noneMatch(Certificate::detailsBuilt);
        assertThat(chain.subList(0, 2)).allMatch(Certificate::detailsBuilt);
        // built on first use, as an eager parse would have: the same key, the same Bouncy Castle view
        Certificate c = supplied.get(0);
        Certificate eager = Certificate.parse(c.der());
        eager.publicKey();
        assertThat(c.publicKey().bits()).isEqualTo(eager.publicKey().bits());
        assertThat(c.publicKey()).isEqualTo(eager.publicKey()).isSameAs(c.publicKey());
        assertThat(c.subject().toString()).isEqualTo(eager.subject().toString()).contains("Unrelated CA 0");
        assertThat(c.detailsBuilt()).isTrue();
    }

    @Test
    void aSuppliedCertificateWithAMatchingName_becomesACandidate_andIsParsedInFull(TestPki pki) {
        List<Certificate> supplied = new ArrayList<>(CertificateInput.fromPem(pems(extras)));
        Certificate issuing = TestRequests.cert(ica);
        supplied.add(EXTRAS / 2, issuing);

        TrustReport r = trust(pki).withIntermediates(supplied).evaluate(TestRequests.certs(leaf));

        assertThat(r.trusted()).as(r.explain()).isTrue();
        assertThat(r.path()).hasSize(3);
        assertThat(issuing.detailsBuilt()).isTrue();
        assertThat(supplied.stream().filter(c -> c != issuing)).noneMatch(Certificate::detailsBuilt);
    }

    @Test
    void aDecoyWithTheIssuersName_isACandidate_checkedAgainstItsKey(TestPki pki) {
        // the same subject as the issuing CA, another key: the leaf's signature does not verify under it
        HeldCertificate otherRoot = pki.root("Decoy Root").build();
        Certificate decoy =
                TestRequests.cert(pki.intermediate("Issuing CA", otherRoot).build());
        List<Certificate> supplied = new ArrayList<>(CertificateInput.fromPem(pems(extras)));
        supplied.add(decoy);

        TrustReport r = trust(pki).withIntermediates(supplied).evaluate(TestRequests.certs(leaf));

        assertThat(r.trusted()).isFalse();
        assertThat(decoy.detailsBuilt()).isTrue();
        assertThat(supplied.subList(0, EXTRAS)).noneMatch(Certificate::detailsBuilt);
    }

    @Test
    void aMalformedNeverCandidate_sentByTheServer_isStillAnUnparseableCertificateVerdict(TestPki pki) {
        TrustReport r = trust(pki).evaluate(leaf.pem() + ica.pem() + pems(extras) + brokenPem);

        assertThat(r.trusted()).isFalse();
        assertThat(r.result()).isEqualTo(SecTrustResult.INVALID);
        Finding f = r.findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.UNPARSEABLE_CERTIFICATE);
        assertThat(f.evidence()).containsEntry("position", 2 + EXTRAS);
        assertThat((String) f.evidence().get("parseFailure")).contains("unused bits");
        assertThat(r.path()).hasSize(3);
    }

    @Test
    void anIssuerThatIsNotAName_isStillRefusedWhenTheCertificateIsRead(TestPki pki) throws IOException {
        byte[] der = withIssuer(extras.get(0).der(), new DERUTF8String("not a name"));

        assertThatThrownBy(() -> Certificate.parse(der))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("name is not a SEQUENCE");
        TrustReport r = trust(pki).evaluate(leaf.pem() + ica.pem() + UnparseableChainCertificateTest.pem(der));
        Finding f = r.findings().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.UNPARSEABLE_CERTIFICATE);
        assertThat(f.evidence()).containsEntry("parseFailure", "name is not a SEQUENCE");
    }

    /** The certificate with its tbsCertificate's issuer field (v3: the fourth) replaced. */
    private static byte[] withIssuer(byte[] der, ASN1Encodable issuer) throws IOException {
        ASN1Sequence cert = ASN1Sequence.getInstance(der);
        ASN1Sequence tbs = ASN1Sequence.getInstance(cert.getObjectAt(0));
        ASN1EncodableVector fields = new ASN1EncodableVector();
        for (int i = 0; i < tbs.size(); i++) {
            fields.add(i == 3 ? issuer : tbs.getObjectAt(i));
        }
        return new DERSequence(new ASN1Encodable[] {new DERSequence(fields), cert.getObjectAt(1), cert.getObjectAt(2)})
                .getEncoded(ASN1Encoding.DER);
    }

    @Test
    void aMalformedNeverCandidate_amongTheIntermediates_isStillAnInputError(TestPki pki) {
        String supplied = pems(extras) + brokenPem;

        assertThatThrownBy(() -> trust(pki).withIntermediates(supplied))
                .isInstanceOf(CertificateInputException.class)
                .hasMessageContaining("chain[" + EXTRAS + "] (PEM block " + (EXTRAS + 1) + ")")
                .hasMessageContaining("unused bits");

        ObjectNode line = batchLine(pki);
        line.putArray("intermediates").add(pems(extras)).add(brokenPem);
        Cli.Run batch = Cli.withStdin(line + "\n", "batch");
        assertThat(batch.out()).contains("unused bits");
        assertThat(batch.out()).doesNotContain("\"trusted\":true");
    }

    /** A batch request for the chain (leaf, issuing CA) with the root as app anchor. */
    private ObjectNode batchLine(TestPki pki) {
        ObjectNode line = JSON.createObjectNode()
                .put("id", "u")
                .put("host", "example.com")
                .put("ios", "17.4")
                .put("at", pki.now().toString());
        line.putArray("chain").add(leaf.pem()).add(ica.pem());
        line.putArray("anchors").add(root.pem());
        return line;
    }

    @Test
    void batch_neverCandidateIntermediates_giveTheResponseOfTheChainAlone(TestPki pki) throws Exception {
        ObjectNode alone = batchLine(pki);
        ObjectNode withExtras = alone.deepCopy();
        extras.forEach(e -> withExtras.withArray("intermediates").add(e.pem()));

        Cli.Run run = Cli.withStdin(alone + "\n" + withExtras + "\n", "batch");

        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.get("trusted").asBoolean()).as(lines[0]).isTrue();
        assertThat(lines[1]).isEqualTo(lines[0]);
    }

    @Test
    void neverCandidates_spendNoPathBudget(TestPki pki) {
        // the tightest budget under which the chain alone is trusted (three signature checks: leaf <- CA <- root and
        // the root's own) is enough with 40 supplied certificates beside it: they are never tried
        List<Certificate> chainAlone = TestRequests.certs(ica);
        PathBudget tightest = IntStream.rangeClosed(1, 10)
                .mapToObj(paths -> new PathBudget(paths, 3, 102))
                .filter(b -> trust(pki)
                        .withBudget(b)
                        .withIntermediates(chainAlone)
                        .evaluate(TestRequests.certs(leaf))
                        .trusted())
                .findFirst()
                .orElseThrow();
        List<Certificate> supplied = new ArrayList<>(CertificateInput.fromPem(pems(extras)));
        supplied.add(TestRequests.cert(ica));

        TrustReport r =
                trust(pki).withBudget(tightest).withIntermediates(supplied).evaluate(TestRequests.certs(leaf));

        assertThat(r.trusted()).as(r.explain()).isTrue();
        assertThat(supplied.subList(0, EXTRAS)).noneMatch(Certificate::detailsBuilt);
    }

    @Test
    void nameMatchingCandidates_stayBoundedByTheBudget(TestPki pki) {
        // many supplied certificates named like the leaf's issuer, none of them its issuer: the budget stops the search
        HeldCertificate otherRoot = pki.root("Decoy Root").build();
        List<Certificate> decoys = IntStream.range(0, 30)
                .mapToObj(i -> TestRequests.cert(
                        pki.intermediate("Issuing CA", otherRoot).build()))
                .toList();

        TrustReport r = trust(pki)
                .withBudget(new PathBudget(100, 5, 102))
                .withIntermediates(decoys)
                .evaluate(TestRequests.certs(leaf));

        assertThat(r.trusted()).isFalse();
        assertThat(r.findings()).extracting(Finding::code).contains(FindingCode.PATH_BUDGET_EXCEEDED);
    }
}
