package io.github.sectrust4j.engine;

import static io.github.sectrust4j.path.TestRequests.certs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.Finding;
import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
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
 * One release rule for the API, evaluate, batch and stores: after the newest modelled release the newest
 * rules and store, with an informational finding; 8.0–8.2 the oldest store, saying which; one message for
 * what is refused (before 8.0, and 19–25, which never existed).
 */
@ExtendWith(TestPkiExtension.class)
class IosReleaseRuleTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static TrustReport evaluate(String ios, TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();
        return SecTrust.ios(ios)
                .forServer("example.com")
                .at(pki.now())
                .ctKillSwitch(true)
                .withExtraSystemRoots(certs(root))
                .evaluate(certs(leaf));
    }

    static Finding releaseNote(TrustReport r) {
        return r.findings().stream()
                .filter(f -> f.code() == FindingCode.IOS_RELEASE)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void releasesAfterTheNewest_useTheNewestRulesAndStore_andSaySo(TestPki pki) {
        TrustReport newest = evaluate(IosRelease.NEWEST.toString(), pki);
        assertThat(newest.has(FindingCode.IOS_RELEASE)).isFalse();
        for (String later : List.of("26.1", "27.0", "31.2.1")) {
            TrustReport r = evaluate(later, pki);
            assertThat(r.trusted()).isEqualTo(newest.trusted());
            assertThat(r.trustStoreVersion()).isEqualTo(newest.trustStoreVersion());
            Finding f = releaseNote(r);
            assertThat(f.isFailure()).isFalse();
            assertThat(f.evidence())
                    .containsEntry("requested", later)
                    .containsEntry("rulesOf", "26.0")
                    .containsEntry("trustStoreVersion", 2025072000);
            assertThat(f.message()).contains("newer than the newest release modelled");
        }
    }

    @Test
    void releasesBeforeTheFirstStore_sayWhichStoreTheyUse(TestPki pki) {
        TrustReport r = evaluate("8.1", pki);
        assertThat(r.trustStoreVersion()).hasValue(2015032000);
        assertThat(releaseNote(r).evidence()).containsEntry("trustStoreVersion", 2015032000);
        assertThat(releaseNote(r).message()).contains("predates Apple's versioned trust stores");
        assertThat(evaluate("8.3", pki).has(FindingCode.IOS_RELEASE)).isFalse();
    }

    @Test
    void refusedReleases_getOneMessage_everywhere(TestPki pki, @TempDir Path dir) throws Exception {
        for (String bad : List.of("7.0", "20.0")) {
            String message = IosRelease.unsupported(bad);
            assertThatThrownBy(() -> SecTrust.ios(bad)).hasMessage(message);

            HeldCertificate root = pki.root("Root").build();
            Path chain = Files.writeString(
                    dir.resolve("chain.pem"),
                    pki.leaf("example.com", root).build().pem());
            Cli.Run evaluate = Cli.run("evaluate", chain.toString(), "--ios", bad);
            assertThat(evaluate.status()).isEqualTo(2);
            assertThat(evaluate.err()).contains("--ios: " + message);

            String line =
                    "{\"id\":\"x\",\"ios\":\"" + bad + "\",\"chain\":[" + JSON.writeValueAsString(root.pem()) + "]}";
            JsonNode batch = JSON.readTree(Cli.withStdin(line + "\n", "batch").out());
            assertThat(batch.at("/error/input").asText()).isEqualTo("ios: " + message);

            Cli.Run stores = Cli.run("stores", "show", bad);
            assertThat(stores.status()).isEqualTo(2);
            assertThat(stores.err()).contains(message);
        }
        // stores show maps releases as evaluate does
        assertThat(Cli.run("stores", "show", "8.0").out()).startsWith("Apple trust store 2015032000");
        assertThat(Cli.run("stores", "show", "27.0").out()).startsWith("Apple trust store 2025072000");
    }
}
