package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.profile.MobileConfig;
import io.github.sectrust4j.profile.ConfigurationProfile;
import io.github.sectrust4j.profile.ProfileSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configuration profiles through the command line: {@code evaluate --profile-root/--mdm-root PROFILE.mobileconfig},
 * batch {@code userRoots[].profile}, the {@code profile} subcommand, and the text report's pointer to it.
 */
class ProfileCliTest {
    @TempDir
    static Path dir;

    static TestPki pki;
    static TestChain chain;
    static HeldCertificate signer;
    static Path chainPem;
    static Path rootPem;
    static Path profile;
    static Path signedProfile;

    @BeforeAll
    static void mint() throws IOException {
        pki = TestPki.seeded(2611);
        chain = pki.chain("sip.contoso.com");
        signer = pki.leaf("profiles.contoso.com", chain.intermediate()).build();
        chainPem = Files.writeString(dir.resolve("chain.pem"), chain.pem());
        rootPem = Files.writeString(dir.resolve("root.pem"), chain.root().pem());
        profile = Files.write(
                dir.resolve("contoso.mobileconfig"),
                MobileConfig.builder("com.contoso.roots")
                        .displayName("Contoso roots")
                        .rootPayload(chain.root())
                        .build());
        signedProfile = Files.write(
                dir.resolve("signed.mobileconfig"),
                MobileConfig.builder("com.contoso.roots")
                        .rootPayload(chain.root())
                        .signed(signer, pki.now(), chain.intermediate()));
    }

    static Cli.Run evaluate(String... extra) {
        String[] base = {
            "evaluate",
            chainPem.toString(),
            "--host",
            "sip.contoso.com",
            "--ios",
            "17.4",
            "--at",
            pki.now().toString()
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void profileCommand_errorsSayWhatIsWrongOnce() {
        Cli.Run noFolder = Cli.run(
                "profile",
                "--root",
                rootPem.toString(),
                "-o",
                dir.resolve("missing-folder").resolve("x.mobileconfig").toString());
        Cli.Run badId = Cli.run(
                "profile",
                "--root",
                rootPem.toString(),
                "-o",
                dir.resolve("id.mobileconfig").toString(),
                "--identifier",
                "not reverse dns");

        assertThat(noFolder.status()).isEqualTo(2);
        assertThat(noFolder.err()).contains("its folder does not exist");
        assertThat(badId.status()).isEqualTo(2);
        assertThat(badId.err())
                .contains("--identifier: expected a reverse-DNS name")
                .doesNotContain("identifier: identifier");
    }

    @Test
    void evaluate_profileRootFromAMobileconfig_needsFullTrust() {
        Cli.Run off = evaluate("--profile-root", profile.toString());
        assertThat(off.status()).isEqualTo(1);
        assertThat(off.out())
                .contains(
                        "Configuration profile 'Contoso roots' (com.contoso.roots, ",
                        "unsigned",
                        "installs root",
                        "AnchorTrusted");
        Cli.Run on = evaluate("--profile-root", profile + ":full-trust");
        assertThat(on.status()).isEqualTo(0);
        assertThat(on.out()).contains("(profile, full trust)", "TRUSTED");
    }

    @Test
    void evaluate_mdmRootFromASignedProfile_isTrusted_andTheSignerReported() {
        Cli.Run run = evaluate("--mdm-root", signedProfile.toString());
        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out()).contains("(mdm)", "signed by", "CN=profiles.contoso.com", "the signature verifies");
    }

    @Test
    void evaluate_json_keepsStdoutJson_andPrintsTheProfileOnStderr() throws IOException {
        Cli.Run run = evaluate("--profile-root", profile + ":full-trust", "--json");
        assertThat(run.status()).isEqualTo(0);
        assertThat(BatchProcessor.MAPPER.readTree(run.out()).get("trusted").asBoolean())
                .isTrue();
        assertThat(run.err()).contains("Configuration profile 'Contoso roots'");
    }

    @Test
    void evaluate_garbageProfile_isBadInput() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.mobileconfig"), "not a profile");
        Cli.Run run = evaluate("--profile-root", garbage.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err())
                .contains(garbage + ": not a configuration profile")
                .doesNotContain("Exception");
        Path truncated = Files.write(
                dir.resolve("truncated.mobileconfig"), java.util.Arrays.copyOf(Files.readAllBytes(profile), 300));
        assertThat(evaluate("--mdm-root", truncated.toString()).status()).isEqualTo(2);
    }

    @Test
    void profileCommand_writesAProfileThatEvaluateReads() throws IOException {
        Path out = dir.resolve("written.mobileconfig");
        Cli.Run run = Cli.run(
                "profile",
                "--root",
                rootPem.toString(),
                "-o",
                out.toString(),
                "--name",
                "Contoso Root",
                "--identifier",
                "com.contoso.root",
                "--organization",
                "Contoso",
                "--uuid-seed",
                "t");
        assertThat(run.status()).isEqualTo(0);
        assertThat(run.out()).contains("Wrote " + out, "unsigned", "Certificate Trust Settings");
        ConfigurationProfile read = ConfigurationProfile.read(Files.readAllBytes(out));
        assertThat(read.identifier()).isEqualTo("com.contoso.root");
        assertThat(read.displayName()).isEqualTo("Contoso Root");
        assertThat(read.organization()).isEqualTo("Contoso");
        assertThat(read.roots()).containsExactly(Certificate.parse(chain.root().der()));
        assertThat(evaluate("--profile-root", out + ":full-trust").status()).isEqualTo(0);
        assertThat(evaluate("--profile-root", out.toString()).status()).isEqualTo(1);

        byte[] first = Files.readAllBytes(out);
        assertThat(Cli.run(
                                "profile",
                                "--root",
                                rootPem.toString(),
                                "-o",
                                out.toString(),
                                "--name",
                                "Contoso Root",
                                "--identifier",
                                "com.contoso.root",
                                "--organization",
                                "Contoso",
                                "--uuid-seed",
                                "t")
                        .status())
                .isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(first);
    }

    @Test
    void profileCommand_signs() throws IOException {
        Path cert = Files.writeString(
                dir.resolve("signer.pem"), signer.pem() + chain.intermediate().pem());
        Path key = Files.writeString(dir.resolve("signer-key.pem"), signer.privateKeyPem());
        Path out = dir.resolve("signed-by-cli.mobileconfig");
        Cli.Run run = Cli.run(
                "profile",
                "--root",
                rootPem.toString(),
                "-o",
                out.toString(),
                "--sign-cert",
                cert.toString(),
                "--sign-key",
                key.toString(),
                "--signing-time",
                pki.now().toString());
        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("signed by CN=profiles.contoso.com");
        ProfileSignature s =
                ConfigurationProfile.read(Files.readAllBytes(out)).signature().orElseThrow();
        assertThat(s.status()).isEqualTo(ProfileSignature.Status.VALID);
        assertThat(evaluate("--profile-root", out + ":full-trust").out()).contains("the signature verifies");
    }

    @Test
    void profileCommand_refusesBadInput() throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), chain.intermediate().pem());
        Path out = dir.resolve("never.mobileconfig");
        Cli.Run notRoot = Cli.run("profile", "--root", ca.toString(), "-o", out.toString());
        assertThat(notRoot.status()).isEqualTo(2);
        assertThat(notRoot.err()).contains("is not a root");
        Path wrongKey =
                Files.writeString(dir.resolve("wrong-key.pem"), chain.root().privateKeyPem());
        Path cert = Files.writeString(dir.resolve("signer-only.pem"), signer.pem());
        Cli.Run mismatch = Cli.run(
                "profile",
                "--root",
                rootPem.toString(),
                "-o",
                out.toString(),
                "--sign-cert",
                cert.toString(),
                "--sign-key",
                wrongKey.toString());
        assertThat(mismatch.status()).isEqualTo(2);
        assertThat(mismatch.err()).contains("does not belong");
        Cli.Run half =
                Cli.run("profile", "--root", rootPem.toString(), "-o", out.toString(), "--sign-cert", cert.toString());
        assertThat(half.status()).isEqualTo(2);
        assertThat(half.err()).contains("--sign-cert and --sign-key go together");
        Cli.Run noKey = Cli.run(
                "profile",
                "--root",
                rootPem.toString(),
                "-o",
                out.toString(),
                "--sign-cert",
                cert.toString(),
                "--sign-key",
                cert.toString());
        assertThat(noKey.status()).isEqualTo(2);
        assertThat(noKey.err()).contains("no private key found");
        assertThat(Cli.run("profile", "-o", out.toString()).status()).isEqualTo(2);
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void textReport_namesTheProfileCommand_forARootTheDeviceDoesNotHave() throws IOException {
        Path withRoot = Files.writeString(
                dir.resolve("with-root.pem"), chain.pem() + chain.root().pem());
        Cli.Run run = Cli.run(
                "evaluate",
                withRoot.toString(),
                "--host",
                "sip.contoso.com",
                "--at",
                pki.now().toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out())
                .contains("AnchorTrusted", "Profile: sectrust4j profile --root ROOT.pem -o root.mobileconfig");
        // installed without full trust: the fix is the switch, not another profile
        assertThat(evaluate("--profile-root", profile.toString()).out())
                .contains("AnchorTrusted")
                .doesNotContain("sectrust4j profile --root");
        // the JSON remedy is unchanged
        assertThat(Cli.run("evaluate", withRoot.toString(), "--at", pki.now().toString(), "--json")
                        .out())
                .doesNotContain("sectrust4j profile");
    }

    static ObjectNode request(String id) {
        ObjectNode r = BatchProcessor.MAPPER
                .createObjectNode()
                .put("id", id)
                .put("host", "sip.contoso.com")
                .put("ios", "17.4")
                .put("at", pki.now().toString());
        r.putArray("chain").add(chain.leaf().pem()).add(chain.intermediate().pem());
        return r;
    }

    static JsonNode process(ObjectNode request) throws IOException {
        return BatchProcessor.MAPPER.readTree(new BatchProcessor().process(request.toString()));
    }

    static String base64(Path file) throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }

    @Test
    void batch_userRootProfile_installsItsRoots() throws IOException {
        ObjectNode off = request("off");
        off.putArray("userRoots")
                .addObject()
                .put("profile", base64(signedProfile))
                .put("install", "profile");
        assertThat(process(off).get("trusted").asBoolean()).isFalse();
        ObjectNode on = request("on");
        on.putArray("userRoots")
                .addObject()
                .put("profile", base64(signedProfile))
                .put("install", "profile")
                .put("fullTrust", true);
        JsonNode trusted = process(on);
        assertThat(trusted.get("trusted").asBoolean()).isTrue();
        assertThat(trusted.get("path").get(2).get("anchorSource").asText()).isEqualTo("profile");
        ObjectNode mdm = request("mdm");
        mdm.putArray("userRoots").addObject().put("profile", base64(profile)).put("install", "mdm");
        assertThat(process(mdm).get("trusted").asBoolean()).isTrue();
    }

    @Test
    void batch_badProfile_isAnInputErrorNamingTheField() throws IOException {
        ObjectNode garbage = request("garbage");
        garbage.putArray("userRoots")
                .addObject()
                .put(
                        "profile",
                        Base64.getEncoder()
                                .encodeToString("<plist><dict/></plist>".getBytes(StandardCharsets.US_ASCII)))
                .put("install", "profile");
        assertThat(process(garbage).get("error").get("input").asText())
                .startsWith("userRoots[0].profile: PayloadType is missing");
        ObjectNode both = request("both");
        both.putArray("userRoots")
                .addObject()
                .put("profile", base64(profile))
                .put("cert", chain.root().pem())
                .put("install", "profile");
        assertThat(process(both).get("error").get("input").asText()).contains("either cert or profile, not both");
        ObjectNode badBase64 = request("b64");
        badBase64.putArray("userRoots").addObject().put("profile", "%%%").put("install", "profile");
        assertThat(process(badBase64).get("error").get("input").asText())
                .startsWith("userRoots[0].profile: bad base64");
    }
}
