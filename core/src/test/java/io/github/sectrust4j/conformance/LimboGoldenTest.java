package io.github.sectrust4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.SecTrust;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every x509-limbo server case, evaluated under three rule sets (iOS 26, 12.5 with the CN fallback and the old
 * check names, 10.3), gives a JSON report with exactly the bytes recorded in {@code golden/limbo-reports.sha256}:
 * the RFC 5280 processing, name constraints and every check's evidence, message and remedy cannot move by
 * accident. A deliberate change regenerates the record and is named in CHANGELOG:
 * {@code mvn -pl core -am test -Dtest=LimboGoldenTest -Dsurefire.failIfNoSpecifiedTests=false -Dsectrust4j.golden.update=true}.
 */
class LimboGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/limbo-reports.sha256");
    static final List<String> RELEASES = List.of("26.0", "12.5", "10.3");

    @Test
    void everyLimboCaseUnderThreeReleases_reportsTheRecordedBytes() throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        for (LimboCase c : LimboCase.loadAll()) {
            for (String release : RELEASES) {
                LimboRun run = LimboRun.run(c, true, SecTrust.ios(release).withoutSystemRoots());
                String json = run.report()
                        .map(r -> r.toJson())
                        .orElse("input rejected: " + run.inputError().orElse(""));
                reports.add(json);
                lines.add(c.id() + " " + release + " " + sha256(json));
            }
        }
        // the reports themselves, to diff two trees when the record changes on purpose
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "limbo-reports.jsonl"), reports, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("sectrust4j.golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.write(GOLDEN, lines, StandardCharsets.UTF_8);
        }
        List<String> recorded = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);
        assertThat(lines).as("cases × releases").hasSize(recorded.size()).hasSize(135 * RELEASES.size());
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            if (!recorded.get(i).equals(lines.get(i))) {
                changed.add(recorded.get(i) + " now: " + reports.get(i));
            }
        }
        assertThat(changed)
                .as("reports whose bytes changed (regenerate only for a deliberate, CHANGELOG-named change)")
                .isEmpty();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
