package io.github.sectrust4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustError;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.revocation.ValidDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real data end to end through {@link SecTrust}: Apple's 2023-09 Valid snapshot on real CA certificates
 * from {@code reference/apple-trust-store/certs}, and the embedded SCTs of the x509-limbo "online" chains
 * against the log list of the release (trust store 2023071300, iOS 17.0).
 */
class RealDataIntegrationTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Path shared;
    static ValidDatabase valid;

    @BeforeAll
    static void open() {
        shared = io.github.sectrust4j.SharedData.root();
        valid = ValidDatabase.open(shared.resolve("apple-trust-store/valid/valid-snapshot-2023-09.sqlite3"));
    }

    @AfterAll
    static void close() {
        valid.close();
    }

    static Certificate cert(String sha256Prefix) throws IOException {
        try (Stream<Path> files = Files.list(shared.resolve("apple-trust-store/certs"))) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith(sha256Prefix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no certificate " + sha256Prefix));
            return Certificate.parse(Files.readAllBytes(file));
        }
    }

    static SecTrust ios17() {
        return SecTrust.ios("17.0").basicPolicy().at(Instant.parse("2023-10-01T00:00:00Z"));
    }

    /**
     * "NETLOCK Trust Qualified EV CA 2" under "NetLock Arany (Class Gold) Főtanúsítvány": its serial is
     * on the issuer's complete Valid block list (group 1019) — revoked, reason 0, Fatal (§9.2).
     */
    @Test
    void validSnapshot_revokedSubCa_isRevocation_throughSecTrust() throws IOException {
        Certificate subCa = cert("36EFD13AE5DC6D01B6C1");
        Certificate root = cert("6C61DAC3A2DEF031506B");

        TrustReport without = ios17().withAnchors(List.of(root)).evaluate(List.of(subCa, root));
        TrustReport r =
                ios17().withAnchors(List.of(root)).withRevocationDatabase(valid).evaluate(List.of(subCa, root));

        assertThat(without.has(FindingCode.REVOCATION)).isFalse();
        assertThat(r.result()).as(r.explain()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(r.error()).contains(TrustError.CERTIFICATE_REVOKED);
        Finding f = r.failures().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.REVOCATION);
        assertThat(f.certificateIndex()).isZero();
        assertThat(f.evidence()).containsEntry("reason", 0).containsEntry("source", "Valid database");
    }

    /**
     * The same revoked sub-CA when its root is not sent but found in Apple's store (the usual case):
     * the Valid group is keyed by SHA-256 of the issuer's real certificate, which a store anchor
     * (built from facts, §11) must still provide.
     */
    @Test
    void validSnapshot_revokedSubCa_isRevocation_whenItsRootComesFromTheSystemStore() throws IOException {
        Certificate subCa = cert("36EFD13AE5DC6D01B6C1");

        TrustReport r = ios17().basicPolicy().withRevocationDatabase(valid).evaluate(List.of(subCa));

        assertThat(r.path()).hasSize(2);
        assertThat(r.path().get(1).anchorSource()).contains(io.github.sectrust4j.AnchorSource.SYSTEM);
        assertThat(r.result()).as(r.explain()).isEqualTo(SecTrustResult.FATAL_TRUST_FAILURE);
        assertThat(r.has(FindingCode.REVOCATION)).as(r.explain()).isTrue();
    }

    /** "Buypass Class 3 CA 2" under its root: the issuer has a complete block list without it — clean. */
    @Test
    void validSnapshot_cleanSubCa_isTrusted_withTheDatabaseByPath() throws IOException {
        Certificate subCa = cert("DAA0435407FA44C28AB9");
        Certificate root = cert("EDF7EBBCA27A2A384D38");

        TrustReport r = ios17().withAnchors(List.of(root))
                .withRevocationDatabase(shared.resolve("apple-trust-store/valid/valid-snapshot-2023-09.sqlite3"))
                .evaluate(List.of(subCa, root));

        assertThat(r.trusted()).as(r.explain()).isTrue();
        assertThat(r.has(FindingCode.REVOCATION)).isFalse();
    }

    /**
     * The Certum "cross-certificate" on the Certum root's block list has the root's name and key: it is
     * self-signed, and iOS never consults Valid for a self-signed certificate (§9.2 step 1) — so iOS does
     * not report it revoked even though its serial is listed.
     */
    @Test
    void validSnapshot_listedButSelfSignedCertumReissue_isNotCheckedAsIosSkipsSelfSigned() throws IOException {
        Certificate reissue = cert("9F8B05137F20ACDE9B99");
        Certificate root = cert("B676F2EDDAE8775CD36C");
        assertThat(reissue.publicKey()).isEqualTo(root.publicKey());

        TrustReport r =
                ios17().withAnchors(List.of(root)).withRevocationDatabase(valid).evaluate(List.of(reissue, root));

        assertThat(r.has(FindingCode.REVOCATION)).as(r.explain()).isFalse();
    }

    static Stream<Arguments> onlineCases() throws IOException {
        JsonNode limbo = JSON.readTree(
                shared.resolve("conformance/x509-limbo/limbo.json").toFile());
        List<Arguments> out = new ArrayList<>();
        for (JsonNode tc : limbo.get("testcases")) {
            if (tc.get("id").asText().startsWith("online::")) {
                out.add(Arguments.of(tc.get("id").asText(), tc));
            }
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(10);
        return out.stream();
    }

    /**
     * A real server chain with embedded SCTs, evaluated by iOS 17.0 (its own log list, store 2023071300) a
     * week after the case's validation time (some cases validate before their SCTs were issued): every SCT
     * verifies and counts, and the chain is CT-qualified.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("onlineCases")
    @SuppressWarnings("unchecked")
    void limboOnlineChain_embeddedSctsVerifyAgainstTheReleaseLogList(String id, JsonNode tc) {
        List<Certificate> chain = new ArrayList<>(pem(tc.get("peer_certificate").asText()));
        tc.get("untrusted_intermediates").forEach(n -> chain.addAll(pem(n.asText())));
        Instant at = Instant.parse(tc.get("validation_time").asText()).plus(Duration.ofDays(7));
        String host = tc.get("expected_peer_name").get("value").asText();

        TrustReport r = SecTrust.ios("17.0").forServer(host).at(at).evaluate(chain);

        Finding ct = r.findings().stream()
                .filter(f -> f.code() == FindingCode.CERTIFICATE_TRANSPARENCY)
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.explain()));
        List<Map<String, Object>> scts =
                (List<Map<String, Object>>) ct.evidence().get("scts");
        assertThat(scts)
                .as(id)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s).containsEntry("verdict", "VALID").containsEntry("origin", "EMBEDDED"));
        assertThat(ct.evidence()).containsEntry("qualified", true).containsEntry("logList", "RELEASE_LIST_FRESH");
        assertThat(r.has(FindingCode.SYSTEM_TRUSTED_CT_REQUIRED)).isFalse();
        if (r.trusted()) {
            assertThat(r.certificateTransparency()).isTrue();
        }
    }

    static List<Certificate> pem(String text) {
        return CertificateInput.fromPem(
                new String(text.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII));
    }
}
