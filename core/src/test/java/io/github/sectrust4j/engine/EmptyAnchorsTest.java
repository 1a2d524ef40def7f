package io.github.sectrust4j.engine;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cli.BatchRequests;
import io.github.sectrust4j.cli.Cli;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * §1.1: {@code SecTrustSetAnchorCertificates} with an empty array switches anchors-only on with no
 * anchors, so nothing is anchored — not the MDM root, not a fully trusted profile root, not a system root
 * (Apple: {@code trust->_anchorsOnly = (anchorCertificates != NULL)} in OSX/sec/Security/SecTrust.c).
 */
@ExtendWith(TestPkiExtension.class)
class EmptyAnchorsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static SecTrust ios(TestPki pki) {
        return SecTrust.ios("17.4").forServer("example.com").at(pki.now()).ctKillSwitch(true);
    }

    @Test
    void emptyAnchorList_anchorsNothing_systemMdmOrProfileRoot(TestPki pki) {
        HeldCertificate sys = pki.root("System Root").build();
        HeldCertificate mdm = pki.root("MDM Root").build();
        HeldCertificate profile = pki.root("Profile Root").build();
        HeldCertificate sysLeaf = pki.leaf("example.com", sys).validForDays(90).build();
        HeldCertificate mdmLeaf = pki.leaf("example.com", mdm).validForDays(90).build();
        HeldCertificate profileLeaf =
                pki.leaf("example.com", profile).validForDays(90).build();
        SecTrust device = ios(pki).withExtraSystemRoots(certs(sys))
                .withMdmRoot(certs(mdm).get(0))
                .withProfileRoot(certs(profile).get(0), FullTrust.ON);

        for (HeldCertificate leaf : List.of(sysLeaf, mdmLeaf, profileLeaf)) {
            assertThat(device.evaluate(certs(leaf)).trusted())
                    .as("without anchors: the device's roots anchor")
                    .isTrue();
            TrustReport empty = device.withAnchors(List.of()).evaluate(certs(leaf));
            assertThat(empty.trusted()).as(empty.explain()).isFalse();
            assertThat(empty.result()).isEqualTo(SecTrustResult.RECOVERABLE_TRUST_FAILURE);
            assertThat(empty.has(FindingCode.ANCHOR_TRUSTED))
                    .as(empty.explain())
                    .isTrue();
            assertThat(empty.explain()).contains("empty anchor list");
            // SecTrustSetAnchorCertificatesOnly(false) after the empty list: the device's roots again
            assertThat(device.withAnchors(List.of())
                            .anchorsOnly(false)
                            .evaluate(certs(leaf))
                            .trusted())
                    .isTrue();
        }
    }

    @Test
    void batch_emptyAnchorsArray_isAnchorsOnly_absentIsNot(TestPki pki) {
        HeldCertificate mdm = pki.root("MDM Root").build();
        HeldCertificate leaf = pki.leaf("example.com", mdm).validForDays(90).build();
        ObjectNode n = JSON.createObjectNode();
        n.put("host", "example.com").put("ios", "17.4").put("at", pki.now().toString());
        n.putArray("chain").add(leaf.pem());
        n.putArray("userRoots").addObject().put("cert", mdm.pem()).put("install", "mdm");

        assertThat(evaluate(n).trusted()).isTrue();
        n.putArray("anchors");
        TrustReport empty = evaluate(n);
        assertThat(empty.trusted()).as(empty.explain()).isFalse();
        assertThat(empty.has(FindingCode.ANCHOR_TRUSTED)).isTrue();
    }

    @Test
    void cli_anchorsOnlyWithoutAnchor_andBatchEmptyAnchors_areNotTrusted(TestPki pki, @TempDir Path dir)
            throws Exception {
        HeldCertificate mdm = pki.root("MDM Root").build();
        HeldCertificate leaf = pki.leaf("example.com", mdm).validForDays(90).build();
        Path chain = Files.writeString(dir.resolve("chain.pem"), leaf.pem());
        Path root = Files.writeString(dir.resolve("root.pem"), mdm.pem());
        String[] args = {
            "evaluate",
            chain.toString(),
            "--host",
            "example.com",
            "--ios",
            "17.4",
            "--at",
            pki.now().toString(),
            "--mdm-root",
            root.toString()
        };
        assertThat(Cli.run(args).status()).isZero();
        String[] only = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(args), java.util.stream.Stream.of("--anchors-only"))
                .toArray(String[]::new);
        assertThat(Cli.run(only).status()).isEqualTo(1);

        ObjectNode n = JSON.createObjectNode();
        n.put("id", "e")
                .put("host", "example.com")
                .put("ios", "17.4")
                .put("at", pki.now().toString());
        n.putArray("chain").add(leaf.pem());
        n.putArray("userRoots").addObject().put("cert", mdm.pem()).put("install", "mdm");
        n.putArray("anchors");
        Cli.Run batch = Cli.withStdin(JSON.writeValueAsString(n) + "\n", "batch");
        JsonNode response = JSON.readTree(batch.out());
        assertThat(response.get("trusted").asBoolean()).as(batch.out()).isFalse();
        assertThat(response.get("result").asText()).isEqualTo("RECOVERABLE_TRUST_FAILURE");
    }

    private static TrustReport evaluate(JsonNode request) {
        BatchRequests.Mapped m = BatchRequests.map(request);
        return m.trust().evaluate(m.chain());
    }
}
