package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.engine.SecTrustAccess;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.request.EvaluationRequest;
import io.github.sectrust4j.truststores.AppleTrustStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every BATCH-CONTRACT request field reaches the evaluation (through {@code SecTrust.request}), or is refused precisely. */
class BatchRequestParserTest {
    static HeldCertificate root;
    static HeldCertificate ca;
    static HeldCertificate leaf;
    static HeldCertificate other;
    final BatchRequestParser parser = new BatchRequestParser();

    @BeforeAll
    static void mint() {
        TestPki pki = TestPki.seeded(23);
        root = pki.root("Contoso Root CA").build();
        other = pki.root("Fabrikam Root CA").build();
        ca = pki.intermediate("Contoso Issuing CA", root).build();
        leaf = pki.leaf("sip.contoso.com", ca).build();
    }

    static ObjectNode base() {
        ObjectNode n = BatchProcessor.MAPPER.createObjectNode();
        n.put("id", "r1");
        n.putArray("chain").add(leaf.pem()).add(ca.pem());
        return n;
    }

    EvaluationRequest request(JsonNode json) {
        BatchRequest r = parser.parse(json);
        return SecTrustAccess.request(r.trust(), r.chain());
    }

    String inputError(JsonNode json) {
        try {
            parser.parse(json);
        } catch (InputError e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an input error for " + json);
    }

    static Certificate cert(HeldCertificate h) {
        return Certificate.parse(h.der());
    }

    @Test
    void minimalRequest_usesTheContractDefaults() {
        BatchRequest parsed = parser.parse(base());
        assertThat(parsed.id().textValue()).isEqualTo("r1");
        EvaluationRequest r = SecTrustAccess.request(parsed.trust(), parsed.chain());
        assertThat(r.presented()).containsExactly(cert(leaf), cert(ca));
        assertThat(r.policy()).isEqualTo(Policy.SSL_SERVER);
        assertThat(r.host()).isEmpty();
        assertThat(r.release()).isEqualTo(IosRelease.NEWEST);
        assertThat(r.systemStore()).map(AppleTrustStore::version).contains(2025072000);
        assertThat(r.anchorsOnly()).isFalse();
        assertThat(r.userRoots()).isEmpty();
        assertThat(r.network()).isFalse();
    }

    @Test
    void policyHostIosAt_reachTheRequest() {
        ObjectNode n =
                base().put("host", "sip.contoso.com").put("ios", "12.1.1").put("at", "2019-01-01T00:00:00Z");
        EvaluationRequest r = request(n);
        assertThat(r.host()).contains("sip.contoso.com");
        assertThat(r.release()).isEqualTo(IosRelease.parse("12.1.1"));
        assertThat(r.systemStore()).map(AppleTrustStore::version).contains(2018121000);
        assertThat(r.verifyTime()).isEqualTo(Instant.parse("2019-01-01T00:00:00Z"));
        assertThat(request(base().put("policy", "basic")).policy()).isEqualTo(Policy.BASIC);
    }

    @Test
    void systemRoots_asVersionNumber_selectsThatStore() {
        assertThat(request(base().put("systemRoots", 2023071300)).systemStore())
                .map(AppleTrustStore::version)
                .contains(2023071300);
        assertThat(request(base().put("systemRoots", false)).systemStore()).isEmpty();
        assertThat(request(base().put("systemRoots", true)).systemStore()).isPresent();
    }

    @Test
    void systemRoots_unknownVersionOrWrongType_isInputError() {
        assertThat(inputError(base().put("systemRoots", 2023071399 + 100_000_000)))
                .startsWith("systemRoots: no bundled trust store");
        assertThat(inputError(base().put("systemRoots", "2023071300")))
                .isEqualTo(
                        "systemRoots: expected true, false or a trust-store version such as 2023071300, got a string");
        assertThat(inputError(base().put("systemRoots", 1.5))).contains("got a number (1.5)");
    }

    @Test
    void anchors_turnAnchorsOnlyOn_unlessSetFalse() {
        ObjectNode n = base();
        n.putArray("anchors").add(root.pem());
        EvaluationRequest r = request(n);
        assertThat(r.appAnchors()).containsExactly(cert(root));
        assertThat(r.anchorsOnly()).isTrue();
        assertThat(request(n.put("anchorsOnly", false)).anchorsOnly()).isFalse();
    }

    @Test
    void userRoots_profileMdmAndFullTrust() {
        ObjectNode n = base();
        var roots = n.putArray("userRoots");
        roots.addObject().put("cert", root.pem()).put("install", "profile").put("fullTrust", true);
        roots.addObject().put("cert", other.pem()).put("install", "profile");
        roots.addObject().put("cert", ca.pem()).put("install", "mdm").put("fullTrust", false);
        EvaluationRequest r = request(n);
        assertThat(r.userRoots())
                .extracting(UserRoot::channel, UserRoot::fullTrust)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(InstallChannel.PROFILE, FullTrust.ON),
                        org.assertj.core.groups.Tuple.tuple(InstallChannel.PROFILE, FullTrust.OFF),
                        org.assertj.core.groups.Tuple.tuple(InstallChannel.MDM, FullTrust.OFF));
        assertThat(r.userRoots().get(0).certificate()).isEqualTo(cert(root));
        // §7.1: MDM installs are fully trusted whatever the switch says
        assertThat(r.userRoots().get(2).effectiveTrustSettings(IosRelease.NEWEST))
                .isEmpty();
    }

    @Test
    void userRoots_sameCertificateTwice_isAnInputErrorNamingBothEntries() {
        ObjectNode n = base();
        var roots = n.putArray("userRoots");
        roots.addObject().put("cert", root.pem()).put("install", "mdm");
        roots.addObject().put("cert", other.pem()).put("install", "profile");
        roots.addObject()
                .put("cert", root.pem())
                .put("install", "profile")
                .putArray("trustSettings")
                .addObject()
                .put("result", "deny");
        assertThat(inputError(n))
                .startsWith("userRoots[0] (mdm) and userRoots[2] (profile, trust settings [deny]) are "
                        + "the same certificate 'CN=Contoso Root CA' (SHA-256 "
                        + cert(root).sha256Hex() + ")")
                .contains("one trust-settings row per certificate");
    }

    @Test
    void userRoots_withTrustSettings_becomeAnExplicitList() {
        ObjectNode n = base();
        var settings = n.putArray("userRoots")
                .addObject()
                .put("cert", root.pem())
                .put("install", "profile")
                .put("fullTrust", false)
                .putArray("trustSettings");
        settings.addObject().put("result", "deny").put("policy", "ssl-server").put("policyString", "bad.contoso.com");
        settings.addObject().put("result", "trustRoot").put("allowedError", -67602);
        settings.addObject()
                .put("result", "unspecified")
                .put("policy", "1.2.840.113635.100.1.2")
                .put("allowedError", -2147409654);
        UserRoot u = request(n).userRoots().get(0);
        assertThat(u.trustSettings())
                .hasValueSatisfying(list -> assertThat(list)
                        .containsExactly(
                                TrustSetting.of(TrustSetting.Result.DENY)
                                        .forPolicy(Policy.SSL_SERVER)
                                        .forHost("bad.contoso.com"),
                                // the OSStatus errSecHostNameMismatch maps to Apple's CSSM code in trust settings
                                // (§7.2)
                                TrustSetting.of(TrustSetting.Result.TRUST_ROOT)
                                        .allowingError(TrustSetting.CSSM_HOSTNAME_MISMATCH),
                                new TrustSetting(
                                        TrustSetting.Result.UNSPECIFIED,
                                        Optional.of("1.2.840.113635.100.1.2"),
                                        Optional.empty(),
                                        Optional.of(TrustSetting.CSSM_CERT_EXPIRED))));
        // explicit settings win over the shape derived from channel and switch
        assertThat(u.effectiveTrustSettings(IosRelease.NEWEST)).hasSize(3);
    }

    @Test
    void userRoots_badEntries_areNamedPrecisely() {
        ObjectNode n = base();
        n.putArray("userRoots").addObject().put("cert", root.pem()).put("install", "usb");
        assertThat(inputError(n)).startsWith("userRoots[0].install: Unknown install channel 'usb'");
        ObjectNode m = base();
        m.putArray("userRoots").addObject().put("install", "mdm");
        assertThat(inputError(m)).startsWith("userRoots[0].cert: missing");
        ObjectNode t = base();
        t.putArray("userRoots")
                .addObject()
                .put("cert", root.pem())
                .put("install", "profile")
                .putArray("trustSettings")
                .addObject()
                .put("result", "trustAlways");
        assertThat(inputError(t))
                .startsWith("userRoots[0].trustSettings[0].result: Unknown trust-setting result 'trustAlways'");
        ObjectNode two = base();
        two.putArray("userRoots")
                .addObject()
                .put("cert", root.pem() + other.pem())
                .put("install", "mdm");
        assertThat(inputError(two)).isEqualTo("userRoots[0].cert holds 2 certificates, expected exactly one");
    }

    @Test
    void intermediatesExtraRootsOcspAndScts_reachTheRequest() {
        ObjectNode n = base();
        n.putArray("intermediates").add(ca.pem());
        n.putArray("extraSystemRoots").add(other.pem());
        n.putArray("ocspResponses").add(Base64.getEncoder().encodeToString(new byte[] {0x30, 0x00}));
        n.putArray("scts").add("AAEC").add("AwQF");
        n.put("network", true);
        EvaluationRequest r = request(n);
        assertThat(r.cachedIntermediates()).containsExactly(cert(ca));
        assertThat(r.extraSystemRoots()).containsExactly(cert(other));
        assertThat(r.ocspResponses())
                .singleElement()
                .satisfies(b -> assertThat(b).containsExactly(0x30, 0x00));
        assertThat(r.scts()).hasSize(2);
        assertThat(r.scts().get(1)).containsExactly(3, 4, 5);
        // accepted, but the command line ships no fetchers: nothing is fetched
        assertThat(r.network()).isFalse();
    }

    @Test
    void missingOrEmptyChain_isInputError() {
        ObjectNode n = base();
        n.remove("chain");
        assertThat(inputError(n)).isEqualTo("chain: missing (required: an array of PEM certificates, leaf first)");
        n.putArray("chain");
        assertThat(inputError(n)).startsWith("chain: empty");
        n.put("chain", leaf.pem());
        assertThat(inputError(n)).isEqualTo("chain: expected an array, got a string");
    }

    @Test
    void secondChainElementMalformed_namesItsIndexAndReason() {
        ObjectNode n = base();
        n.putArray("chain").add(leaf.pem()).add("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThat(inputError(n)).startsWith("chain[1] is not a certificate: ");
        n.putArray("chain").add(leaf.pem()).add(42);
        assertThat(inputError(n)).isEqualTo("chain[1] is not a certificate: expected a PEM string, got a number (42)");
        n.putArray("chain").add(leaf.pem()).add("-----BEGIN CERTIFICATE-----\n%%%\n-----END CERTIFICATE-----\n");
        assertThat(inputError(n)).startsWith("chain[1] is not a certificate: bad base64");
    }

    @Test
    void elementWithSeveralBlocks_isTakenInOrder_andErrorsNameTheBlock() {
        ObjectNode n = base();
        n.putArray("chain").add(leaf.pem() + ca.pem());
        assertThat(request(n).presented()).containsExactly(cert(leaf), cert(ca));
        n.putArray("chain").add(leaf.pem() + "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThat(inputError(n)).startsWith("chain[0] (PEM block 2) is not a certificate: ");
    }

    @Test
    void badBase64_inOcspOrScts_isInputError() {
        ObjectNode n = base();
        n.putArray("ocspResponses").add("not base64!");
        assertThat(inputError(n)).startsWith("ocspResponses[0]: bad base64");
        ObjectNode s = base();
        s.putArray("scts").add("AAEC").add("");
        assertThat(inputError(s)).isEqualTo("scts[1]: empty (expected base64 DER)");
    }

    @Test
    void badIosPolicyHostAt_areInputErrors() {
        assertThat(inputError(base().put("ios", "7.0"))).startsWith("ios: Unsupported iOS release '7.0'");
        assertThat(inputError(base().put("ios", "twelve"))).startsWith("ios: Not an iOS release: 'twelve'");
        assertThat(inputError(base().put("ios", 17.4))).isEqualTo("ios: expected a string, got a number (17.4)");
        assertThat(inputError(base().put("policy", "ssl-client"))).startsWith("policy: Unknown policy 'ssl-client'");
        assertThat(inputError(base().put("policy", "basic").put("host", "a.example")))
                .startsWith("host: the basic policy has no host-name check");
        assertThat(inputError(base().put("host", " "))).startsWith("host: empty");
        assertThat(inputError(base().put("at", "2024-13-01"))).startsWith("at: not an ISO-8601 instant: '2024-13-01'");
        assertThat(inputError(base().put("anchorsOnly", "yes")))
                .isEqualTo("anchorsOnly: expected true or false, got a string");
    }

    @Test
    void nonObjectRequest_isInputError() {
        assertThat(inputError(BatchProcessor.MAPPER.createArrayNode()))
                .isEqualTo("expected a JSON object per line, got an array");
    }

    @Test
    void nulls_countAsAbsent() {
        ObjectNode n = base().putNull("host").putNull("ios");
        EvaluationRequest r = request(n);
        assertThat(r.host()).isEmpty();
        assertThat(r.release()).isEqualTo(IosRelease.NEWEST);
    }

    /** A typo must not change the verdict without a word: before, each of these was silently ignored. */
    @Test
    void unknownFields_areInputErrors_namingTheFieldAndTheClosestKnownOne() {
        ObjectNode typo = base();
        typo.putArray("userroots").addObject().put("cert", root.pem()).put("install", "mdm");
        assertThat(inputError(typo))
                .startsWith("userroots: unknown field (did you mean 'userRoots'?); known fields here: id, "
                        + "chain, policy, host");
        assertThat(inputError(base().put("hostname", "sip.contoso.com")))
                .startsWith("hostname: unknown field (did you mean 'host'?)");
        assertThat(inputError(base().put("anchorsonly", true)))
                .startsWith("anchorsonly: unknown field (did you mean 'anchorsOnly'?)");
        assertThat(inputError(base().put("ancors", "x"))).startsWith("ancors: unknown field (did you mean 'anchors'?)");
        assertThat(inputError(base().put("futureField", "x")))
                .startsWith("futureField: unknown field; known fields here:");
        // even when the value is null, a misspelt name is reported
        assertThat(inputError(base().putNull("atr"))).startsWith("atr: unknown field (did you mean 'at'?)");

        ObjectNode nested = base();
        nested.putArray("userRoots").addObject().put("cert", root.pem()).put("instal", "mdm");
        assertThat(inputError(nested))
                .startsWith("userRoots[0].instal: unknown field (did you mean 'install'?); known "
                        + "fields here: cert, profile, install, fullTrust, trustSettings");
        ObjectNode deeper = base();
        deeper.putArray("userRoots")
                .addObject()
                .put("cert", root.pem())
                .put("install", "profile")
                .putArray("trustSettings")
                .addObject()
                .put("result", "deny")
                .put("policystring", "x");
        assertThat(inputError(deeper))
                .startsWith("userRoots[0].trustSettings[0].policystring: unknown field (did you mean "
                        + "'policyString'?)");
        String spki = Base64.getEncoder()
                .encodeToString(leaf.certificate().getPublicKey().getEncoded());
        ObjectNode log = base();
        log.putArray("ctLogs")
                .addObject()
                .put("key", spki)
                .put("operator", "Contoso")
                .put("staet", "retired");
        assertThat(inputError(log)).startsWith("ctLogs[0].staet: unknown field (did you mean 'state'?)");
        // absurd names are cut in the message
        assertThat(inputError(base().put("x".repeat(10_000), 1))).startsWith("x".repeat(64) + "...: unknown field;");
    }

    @Test
    void everyFieldTheParserReads_isDeclared() {
        assertThatThrownBy(() -> RequestFields.requireDeclared("notAField")).isInstanceOf(IllegalStateException.class);
        assertThat(RequestFields.requireDeclared("userRoots")).isEqualTo("userRoots");
        assertThat(RequestFields.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(RequestFields.suggestion("zzzzzz", RequestFields.REQUEST.fields()))
                .isEmpty();
    }

    @Test
    void ctLogs_areValidated_andReplaceTheReleaseList() {
        String spki = Base64.getEncoder()
                .encodeToString(leaf.certificate().getPublicKey().getEncoded());
        ObjectNode good = base();
        good.putArray("ctLogs")
                .addObject()
                .put("key", spki)
                .put("operator", "Contoso")
                .put("state", "usable");
        EvaluationRequest withLogs = request(good);
        assertThat(withLogs.ct().logs())
                .hasValueSatisfying(l -> assertThat(l.size()).isEqualTo(1));
        assertThat(withLogs.ct().provenance())
                .isEqualTo(io.github.sectrust4j.ct.internal.LogListProvenance.CALLER_SUPPLIED);
        assertThat(request(base()).ct().logs()).isEmpty();

        ObjectNode badKey = base();
        badKey.putArray("ctLogs").addObject().put("key", "AAEC").put("operator", "Contoso");
        assertThat(inputError(badKey)).startsWith("ctLogs[0].key: not a DER subjectPublicKeyInfo");
        ObjectNode badState = base();
        badState.putArray("ctLogs")
                .addObject()
                .put("key", spki)
                .put("operator", "Contoso")
                .put("state", "frozen");
        assertThat(inputError(badState)).startsWith("ctLogs[0].state: Unknown CT log state 'frozen'");
        ObjectNode noTime = base();
        noTime.putArray("ctLogs")
                .addObject()
                .put("key", spki)
                .put("operator", "Contoso")
                .put("state", "retired");
        assertThat(inputError(noTime)).isEqualTo("ctLogs[0] is retired and needs a stateTimestamp");
        ObjectNode noOperator = base();
        noOperator.putArray("ctLogs").addObject().put("key", spki);
        assertThat(inputError(noOperator)).isEqualTo("ctLogs[0].operator is missing");
        ObjectNode notBase64 = base();
        notBase64.putArray("ctLogs").addObject().put("key", "MFkw!!").put("operator", "Contoso");
        assertThat(inputError(notBase64)).startsWith("ctLogs[0].key: bad base64");
    }

    @Test
    void revocationDatabase_isValidated_andOpenedOncePerPath(@TempDir Path dir) throws IOException {
        assertThat(inputError(base().put(
                                "revocationDatabase",
                                dir.resolve("valid.sqlite3").toString())))
                .startsWith("revocationDatabase: cannot read");
        Path junk = Files.write(dir.resolve("junk.sqlite3"), new byte[] {1, 2, 3});
        assertThat(inputError(base().put("revocationDatabase", junk.toString())))
                .startsWith("revocationDatabase: ")
                .contains("not an SQLite 3 file");
        Path snapshot = StoresCommandTest.releases().resolveSibling("valid").resolve("valid-snapshot-2023-09.sqlite3");
        BatchRequestParser parser = new BatchRequestParser();
        EvaluationRequest first = SecTrustAccess.request(
                parser.parse(base().put("revocationDatabase", snapshot.toString()))
                        .trust(),
                java.util.List.of(Certificate.parse(leaf.der())));
        EvaluationRequest second = SecTrustAccess.request(
                parser.parse(base().put("revocationDatabase", snapshot.toString()))
                        .trust(),
                java.util.List.of(Certificate.parse(leaf.der())));
        assertThat(first.revocation().database()).isPresent();
        assertThat(second.revocation().database().get())
                .isSameAs(first.revocation().database().get());
    }

    @Test
    void duplicateFieldsInALine_areRefusedByTheReader() {
        assertThatThrownBy(() -> BatchProcessor.MAPPER.readTree("{\"host\":\"a\",\"host\":\"b\"}"))
                .hasMessageContaining("Duplicate field 'host'");
    }
}
