package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.engine.SecTrustAccess;
import io.github.sectrust4j.fixtures.Chains;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.truststores.AppleTrustStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every {@code evaluate} option reaches the evaluation request (checked through {@code SecTrust.request}). */
class EvaluateCommandMappingTest {
    @TempDir
    static Path dir;

    static HeldCertificate root;
    static HeldCertificate ca;
    static HeldCertificate leaf;
    static HeldCertificate otherRoot;
    static Path chain;

    @BeforeAll
    static void mint() throws IOException {
        TestPki pki = TestPki.seeded(11);
        root = pki.root("Contoso Root CA").build();
        otherRoot = pki.root("Fabrikam Root CA").build();
        ca = pki.intermediate("Contoso Issuing CA", root).build();
        leaf = pki.leaf("sip.contoso.com", ca).build();
        chain = Files.writeString(dir.resolve("chain.pem"), Chains.pem(leaf, ca));
        Files.writeString(dir.resolve("root.pem"), root.pem());
        Files.writeString(dir.resolve("other.pem"), otherRoot.pem());
        Files.write(dir.resolve("ca.der"), ca.der());
        Files.write(dir.resolve("ocsp.der"), new byte[] {0x30, 0x03, 0x0a, 0x01, 0x01});
    }

    private static EvaluationRequest request(String... args) {
        return requestWithStdin("", args);
    }

    private static EvaluationRequest requestWithStdin(String stdin, String... args) {
        CommandLine cl =
                Main.commandLine(new ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        EvaluateCommand cmd =
                (EvaluateCommand) parsed.subcommand().commandSpec().userObject();
        return SecTrustAccess.request(cmd.configure(), cmd.chain());
    }

    private static String file(String name) {
        return dir.resolve(name).toString();
    }

    private static Certificate cert(HeldCertificate h) {
        return Certificate.parse(h.der());
    }

    @Test
    void defaults_newestRelease_sslPolicyWithoutName_releaseStore() {
        EvaluationRequest r = request("evaluate", chain.toString());
        assertThat(r.release()).isEqualTo(IosRelease.NEWEST);
        assertThat(r.policy()).isEqualTo(Policy.SSL_SERVER);
        assertThat(r.host()).isEmpty();
        assertThat(r.presented()).containsExactly(cert(leaf), cert(ca));
        assertThat(r.systemStore()).map(AppleTrustStore::version).contains(2025072000);
        assertThat(r.anchorsOnly()).isFalse();
        assertThat(r.network()).isFalse();
    }

    @Test
    void hostIosAndInstant_reachTheRequest() {
        EvaluationRequest r = request(
                "evaluate",
                chain.toString(),
                "--host",
                "sip.contoso.com",
                "--ios",
                "17.4",
                "--at",
                "2024-05-01T00:00:00Z",
                "--device-clock",
                "2024-05-02T00:00:00+02:00");
        assertThat(r.host()).contains("sip.contoso.com");
        assertThat(r.release()).isEqualTo(IosRelease.parse("17.4"));
        assertThat(r.systemStore()).map(AppleTrustStore::version).contains(2024013100); // §11.6
        assertThat(r.verifyTime()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(r.currentTime()).isEqualTo(Instant.parse("2024-05-01T22:00:00Z"));
    }

    @Test
    void anchor_switchesAnchorsOnlyOn_unlessNegated() {
        EvaluationRequest on = request("evaluate", chain.toString(), "--anchor", file("root.pem"));
        assertThat(on.appAnchors()).containsExactly(cert(root));
        assertThat(on.anchorsOnly()).isTrue();
        EvaluationRequest off =
                request("evaluate", chain.toString(), "--anchor", file("root.pem"), "--no-anchors-only");
        assertThat(off.anchorsOnly()).isFalse();
        EvaluationRequest explicit = request("evaluate", chain.toString(), "--anchors-only");
        assertThat(explicit.anchorsOnly()).isTrue();
        assertThat(explicit.appAnchors()).isEmpty();
    }

    @Test
    void profileRoots_withAndWithoutFullTrust_andMdmRoot() {
        EvaluationRequest r = request(
                "evaluate",
                chain.toString(),
                "--profile-root",
                file("root.pem"),
                "--profile-root",
                file("other.pem") + ":full-trust",
                "--mdm-root",
                file("ca.der"));
        assertThat(r.userRoots())
                .extracting(UserRoot::certificate, UserRoot::channel, UserRoot::fullTrust)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(cert(root), InstallChannel.PROFILE, FullTrust.OFF),
                        org.assertj.core.groups.Tuple.tuple(cert(otherRoot), InstallChannel.PROFILE, FullTrust.ON),
                        org.assertj.core.groups.Tuple.tuple(cert(ca), InstallChannel.MDM, FullTrust.ON));
        assertThat(r.userRoots()).allSatisfy(u -> assertThat(u.trustSettings()).isEmpty());
    }

    @Test
    void intermediatesExtraRootsAndOcsp_reachTheRequest_derFilesToo() {
        EvaluationRequest r = request(
                "evaluate",
                file("chain.pem"),
                "--intermediate",
                file("ca.der"),
                "--extra-system-root",
                file("other.pem"),
                "--ocsp",
                file("ocsp.der"));
        assertThat(r.cachedIntermediates()).containsExactly(cert(ca));
        assertThat(r.extraSystemRoots()).containsExactly(cert(otherRoot));
        assertThat(r.ocspResponses()).hasSize(1);
        assertThat(r.ocspResponses().get(0)).containsExactly(0x30, 0x03, 0x0a, 0x01, 0x01);
    }

    @Test
    void trustStoreVersion_andNoSystemRoots() {
        assertThat(request("evaluate", chain.toString(), "--trust-store-version", "2018121000")
                        .systemStore())
                .map(AppleTrustStore::version)
                .contains(2018121000);
        assertThat(request("evaluate", chain.toString(), "--no-system-roots").systemStore())
                .isEmpty();
    }

    @Test
    void basicPolicy_hasNoHost() {
        EvaluationRequest r = request("evaluate", chain.toString(), "--policy", "basic");
        assertThat(r.policy()).isEqualTo(Policy.BASIC);
        assertThat(r.host()).isEmpty();
    }

    @Test
    void chainFromStdin_ignoresTextAroundThePemBlocks() {
        String sClient = "CONNECTED(00000003)\n---\nCertificate chain\n 0 s:CN = sip.contoso.com\n" + leaf.pem()
                + " 1 s:CN = Contoso Issuing CA\n" + ca.pem() + "---\nServer certificate\n";
        EvaluationRequest r = requestWithStdin(sClient, "evaluate", "-", "--host", "sip.contoso.com");
        assertThat(r.presented()).containsExactly(cert(leaf), cert(ca));
    }
}
