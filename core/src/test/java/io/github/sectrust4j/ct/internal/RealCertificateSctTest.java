package io.github.sectrust4j.ct.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.SharedData;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.ct.CtTestLogs;
import io.github.sectrust4j.policy.RuleSet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Embedded SCTs of real certificates: the x509-limbo "online" cases (real server chains captured in
 * 2023) verified against the CT log list Apple shipped with trust store 2023071300. Proves the
 * precertificate TBS reconstruction and the signature checks on real data (RSA and ECDSA leaves,
 * ECDSA logs, sharded logs).
 */
class RealCertificateSctTest {
    static final String LOG_LIST_VERSION = "2023071300";
    static final ObjectMapper JSON = new ObjectMapper();
    static CtLogList appleLogs;

    @BeforeAll
    static void loadAppleLogList() throws IOException {
        appleLogs = CtTestLogs.appleLogList(JSON.readTree(SharedData.appleTrustStore()
                .resolve("releases/" + LOG_LIST_VERSION + "/ct-log-list.json")
                .toFile()));
    }

    static Stream<Arguments> onlineCases() throws IOException {
        JsonNode limbo = JSON.readTree(SharedData.limbo().toFile());
        List<Arguments> out = new ArrayList<>();
        for (JsonNode tc : limbo.get("testcases")) {
            if (tc.get("id").asText().startsWith("online::")) {
                out.add(Arguments.of(tc.get("id").asText(), tc));
            }
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(10);
        return out.stream();
    }

    static X509Certificate pem(String text) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A week after the case's validation time: some cases validate one second after a notBefore that
     * the CA backdated to midnight, before the SCTs were issued (see the akamai test below).
     */
    static Instant verifyTime(JsonNode tc) {
        return Instant.parse(tc.get("validation_time").asText()).plus(java.time.Duration.ofDays(7));
    }

    @org.junit.jupiter.api.Test
    void realLeaf_verifiedBeforeItsSctsWereIssued_hasOnlyFutureTimestamps() throws Exception {
        JsonNode tc = onlineCases()
                .filter(a -> a.get()[0].equals("online::akamai.com"))
                .findFirst()
                .map(a -> (JsonNode) a.get()[1])
                .orElseThrow();
        X509Certificate leaf = pem(tc.get("peer_certificate").asText());
        X509Certificate issuer = pem(tc.get("untrusted_intermediates").get(0).asText());
        Instant at = Instant.parse(tc.get("validation_time").asText()); // notBefore + 1 s

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(leaf.getEncoded(), at)
                        .issuerSpki(issuer.getPublicKey().getEncoded())
                        .build(),
                appleLogs,
                RuleSet.forRelease(IosRelease.parse("17.0")).ctRules());

        assertThat(ct.outcomes()).extracting(SctOutcome::verdict).containsOnly(SctVerdict.FUTURE_TIMESTAMP);
        assertThat(ct.qualified()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlineCases")
    void realLeaf_everyEmbeddedSctVerifies_andThePathIsCtQualified(String id, JsonNode tc) throws Exception {
        X509Certificate leaf = pem(tc.get("peer_certificate").asText());
        Optional<X509Certificate> issuer = Optional.empty();
        for (JsonNode pemNode : tc.get("untrusted_intermediates")) {
            X509Certificate c = pem(pemNode.asText());
            if (c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
                issuer = Optional.of(c);
            }
        }
        assertThat(issuer).as("issuer of " + id).isPresent();
        Instant at = verifyTime(tc);

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(leaf.getEncoded(), at)
                        .issuerSpki(issuer.get().getPublicKey().getEncoded())
                        .build(),
                appleLogs,
                RuleSet.forRelease(IosRelease.parse("17.0")).ctRules());

        assertThat(ct.outcomes()).as(id).isNotEmpty();
        assertThat(ct.outcomes()).as(id + ": " + ct.evidence()).allSatisfy(o -> {
            assertThat(o.origin()).isEqualTo(SctOrigin.EMBEDDED);
            assertThat(o.verdict()).isEqualTo(SctVerdict.VALID);
            assertThat(o.log()).isPresent();
        });
        assertThat(ct.qualified()).as(ct.summary()).isTrue();
        assertThat(ct.path()).isEqualTo(CtQualificationPath.EMBEDDED);
        assertThat(ct.issuanceTime()).isPresent();
        assertThat(ct.issuanceTime().get()).isBefore(at);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlineCases")
    void realLeaf_givenParsedOrAsDer_getsTheSameCtEvaluation(String id, JsonNode tc) throws Exception {
        X509Certificate leaf = pem(tc.get("peer_certificate").asText());
        byte[] issuerSpki = null;
        for (JsonNode pemNode : tc.get("untrusted_intermediates")) {
            X509Certificate c = pem(pemNode.asText());
            if (c.getSubjectX500Principal().equals(leaf.getIssuerX500Principal())) {
                issuerSpki = c.getPublicKey().getEncoded();
            }
        }
        Instant at = verifyTime(tc);
        io.github.sectrust4j.cert.Certificate parsed = io.github.sectrust4j.cert.Certificate.parse(leaf.getEncoded());

        CtEvaluation fromDer = CtEvaluator.evaluate(
                CtRequest.builder(leaf.getEncoded(), at).issuerSpki(issuerSpki).build(),
                appleLogs,
                RuleSet.forRelease(IosRelease.parse("17.0")).ctRules());
        CtEvaluation fromParsed = CtEvaluator.evaluate(
                CtRequest.builder(parsed, at).issuerSpki(issuerSpki).build(),
                appleLogs,
                RuleSet.forRelease(IosRelease.parse("17.0")).ctRules());

        assertThat(fromParsed.summary()).as(id).isEqualTo(fromDer.summary());
        assertThat(fromParsed.evidence()).as(id).isEqualTo(fromDer.evidence());
        assertThat(fromParsed.outcomes())
                .extracting(SctOutcome::verdict)
                .containsExactlyElementsOf(
                        fromDer.outcomes().stream().map(SctOutcome::verdict).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlineCases")
    void realLeaf_withTheWrongIssuerKey_hasNoValidSct(String id, JsonNode tc) throws Exception {
        X509Certificate leaf = pem(tc.get("peer_certificate").asText());
        Instant at = verifyTime(tc);

        // the leaf's own key instead of its issuer's: issuer_key_hash differs, so no signature verifies
        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(leaf.getEncoded(), at)
                        .issuerSpki(leaf.getPublicKey().getEncoded())
                        .build(),
                appleLogs,
                RuleSet.forRelease(IosRelease.parse("17.0")).ctRules());

        assertThat(ct.outcomes()).extracting(SctOutcome::verdict).as(id).containsOnly(SctVerdict.INVALID_SIGNATURE);
        assertThat(ct.qualified()).isFalse();
    }
}
