package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.SharedData;
import io.github.sectrust4j.truststores.IosReleases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code stores}: the bundled versions, checked against Apple's manifests in reference/ (spec §11). */
class StoresCommandTest {
    static Path releases() {
        return SharedData.appleTrustStore().resolve("releases");
    }

    static JsonNode manifest(int version) throws IOException {
        return BatchProcessor.MAPPER.readTree(releases()
                .resolve(String.valueOf(version))
                .resolve("manifest.json")
                .toFile());
    }

    @Test
    void storesJson_hasOneObjectPerVersion_withAppleManifestRootCounts() throws IOException {
        Cli.Run run = Cli.run("stores", "--json");
        assertThat(run.status()).isZero();
        JsonNode array = BatchProcessor.MAPPER.readTree(run.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(30);
        try (var dirs = Files.list(releases())) {
            assertThat(dirs.count()).isEqualTo(30);
        }
        List<Integer> versions = new ArrayList<>();
        for (JsonNode o : array) {
            int v = o.get("trustStoreVersion").intValue();
            versions.add(v);
            JsonNode m = manifest(v);
            assertThat(o.get("anchors").intValue())
                    .as("roots of %d", v)
                    .isEqualTo(m.at("/groups/roots").size());
            assertThat(o.get("sourceRelease").textValue())
                    .isEqualTo(m.get("sourceRelease").textValue());
            assertThat(o.get("evRoots").intValue())
                    .isPositive()
                    .isLessThanOrEqualTo(o.get("anchors").intValue());
            List<String> releases = new ArrayList<>();
            o.get("iosReleases").forEach(r -> releases.add(r.textValue()));
            assertThat(releases)
                    .allSatisfy(
                            r -> assertThat(IosReleases.trustStoreVersionFor(r)).isEqualTo(v));
        }
        assertThat(versions).isSorted().doesNotHaveDuplicates();
        // §11.6 spot checks
        assertThat(array.get(versions.indexOf(2024013100)).get("iosReleases").toString())
                .isEqualTo("[\"17.4\"]");
    }

    @Test
    void storesTable_hasAHeaderAndOneRowPerVersion() {
        Cli.Run run = Cli.run("stores");
        assertThat(run.status()).isZero();
        assertThat(run.outLines()).hasSize(31);
        assertThat(run.outLines().get(0)).contains("VERSION", "ANCHORS", "iOS RELEASES");
        assertThat(run.out())
                .containsPattern(
                        "2023071300 +\\d+ +\\d+ +security_certificates-\\S+ +\\S+ +17\\.0, 17\\.1, 17\\.2, 17\\.3");
    }

    @Test
    void storesShow_listsEveryManifestRootWithItsFingerprint() throws IOException {
        Cli.Run run = Cli.run("stores", "show", "2023071300");
        assertThat(run.status()).isZero();
        JsonNode roots = manifest(2023071300).at("/groups/roots");
        assertThat(run.out()).startsWith("Apple trust store 2023071300").contains(roots.size() + " anchors");
        for (JsonNode sha : roots) {
            assertThat(run.out()).contains(sha.textValue());
        }
        assertThat(run.out()).contains("    valid        ").contains("    EV policies  2.23.140.1.1");
    }

    @Test
    void storesShowJson_byIosRelease_matchesTheManifest() throws IOException {
        Cli.Run run = Cli.run("stores", "show", "17.4", "--json");
        assertThat(run.status()).isZero();
        JsonNode o = BatchProcessor.MAPPER.readTree(run.out());
        assertThat(o.get("trustStoreVersion").intValue()).isEqualTo(2024013100);
        JsonNode roots = manifest(2024013100).at("/groups/roots");
        assertThat(o.get("anchors")).hasSize(roots.size());
        List<String> listed = new ArrayList<>();
        o.get("anchors").forEach(a -> listed.add(a.get("sha256").textValue()));
        List<String> expected = new ArrayList<>();
        roots.forEach(r -> expected.add(r.textValue()));
        // Apple names one DigiNotar file by a different hash (AnchorRecord.appleId); none is in 2024's roots
        assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(o.get("anchors").get(0).has("notBefore")).isTrue();
    }

    @Test
    void storesShow_releaseOutsideTheTable_saysHowItWasMapped_onStderr() {
        Cli.Run after = Cli.run("stores", "show", "99", "--json");
        Cli.Run before = Cli.run("stores", "show", "8.0");
        Cli.Run inside = Cli.run("stores", "show", "17.4");

        assertThat(after.status()).isZero();
        assertThat(after.err()).contains("after the newest modelled release");
        assertThat(after.out()).startsWith("{"); // stdout stays JSON
        assertThat(before.err()).contains("predates Apple's versioned trust stores");
        assertThat(inside.err()).isEmpty();
    }

    @Test
    void storesShow_unknownVersion_isInputError() {
        Cli.Run run = Cli.run("stores", "show", "1999010100");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("no bundled trust store 1999010100");
        Cli.Run junk = Cli.run("stores", "show", "newest");
        assertThat(junk.status()).isEqualTo(2);
        assertThat(junk.err()).contains("not a trust-store version or iOS release: 'newest'");
    }
}
