package io.github.sectrust4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sectrust4j.TrustExceptions;
import io.github.sectrust4j.cli.Cli;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.plist.StrictPlist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A binary property list may refer to one object many times, and the reader copies it once per
 * reference: a 2 MB exceptions plist with 600 references to one 2 MB data object exhausted 1 GB; a
 * 200 KB one with 199,000 references to one dictionary exhausted 64 MB. What the reader builds is now
 * counted, and such a list fails with a clear reason.
 */
class PlistReferenceBombTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void sixHundredReferencesToOneTwoMegabyteDataObject_areRefused() {
        byte[] bomb = HostileInputs.sharedReferencesPlist(600, 2 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(3 * 1024 * 1024);

        assertThatThrownBy(() -> assertTimeoutPreemptively(HANG_GUARD, () -> TrustExceptions.fromPlist(bomb)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 8388608 bytes");
    }

    @Test
    void manyReferencesToOneDictionary_areRefused() {
        byte[] bomb = HostileInputs.sharedReferencesPlist(199_000, 0);

        assertThatThrownBy(() -> assertTimeoutPreemptively(HANG_GUARD, () -> StrictPlist.read(bomb)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than 100000 values");
    }

    @Test
    void aFewSharedReferences_areStillRead() {
        Object top = StrictPlist.read(HostileInputs.sharedReferencesPlist(3, 0));

        assertThat(top)
                .isEqualTo(
                        List.of(java.util.Map.of("k", true), java.util.Map.of("k", true), java.util.Map.of("k", true)));
    }

    @Test
    void evaluateWithABombAsExceptions_exits2WithOneLine() throws Exception {
        HeldCertificate root = TestPki.seeded(193).root("Bomb Root").build();
        Path chain = Files.writeString(dir.resolve("chain.pem"), root.pem());
        Path bomb = Files.write(dir.resolve("bomb.plist"), HostileInputs.sharedReferencesPlist(600, 2 * 1024 * 1024));

        Cli.Run run = assertTimeoutPreemptively(
                HANG_GUARD, () -> Cli.run("evaluate", chain.toString(), "--exceptions", bomb.toString()));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("--exceptions")
                .contains("more than");
    }
}
