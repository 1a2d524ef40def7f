package io.github.sectrust4j.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.sectrust4j.cli.Cli;
import io.github.sectrust4j.fixtures.Chains;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code evaluate} pointed at files that are not files: a symbolic link to {@code /dev/zero} (read until
 * the heap ran out: OutOfMemoryError, a stack trace and exit 1, the code for "not trusted"), a FIFO
 * (blocked forever), a file past the size limit. Every file option refuses them alike, with exit 2 and
 * one line naming the option, the file and the limit.
 */
class FilesThatAreNotFilesTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);
    /** Every option of evaluate that names a file. */
    private static final List<String> FILE_OPTIONS = List.of(
            "--anchor",
            "--profile-root",
            "--mdm-root",
            "--intermediate",
            "--extra-system-root",
            "--ocsp",
            "--sct",
            "--ct-logs",
            "--exceptions",
            "--revocation-database");

    @TempDir
    static Path dir;

    static Path chain;
    static Path zero;
    static Path big;

    @BeforeAll
    static void files() throws IOException {
        TestPki pki = TestPki.seeded(191);
        HeldCertificate root = pki.root("Files Root").build();
        HeldCertificate leaf = pki.leaf("example.com", root).validForDays(90).build();
        chain = Files.writeString(dir.resolve("chain.pem"), Chains.pem(leaf));
        zero = Files.createSymbolicLink(dir.resolve("zero.pem"), Path.of("/dev/zero"));
        big = dir.resolve("big.pem");
        Files.write(big, new byte[5 * 1024 * 1024]); // past the 4 MiB limit
    }

    @Test
    void chainFromDevZero_isRefusedWithExit2_notReadUntilTheHeapIsGone() {
        assumeThat(Files.exists(Path.of("/dev/zero"))).isTrue();
        Cli.Run run = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.run("evaluate", zero.toString()));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("CHAIN.pem")
                .contains("zero.pem")
                .contains("not a regular file");
    }

    @Test
    void oversizedChainFile_isRefusedNamingTheLimit() {
        Cli.Run run = Cli.run("evaluate", big.toString());

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString().contains("larger than 4194304 bytes");
    }

    @Test
    void fifoAsChainOrAnchor_isRefused_notWaitedOn() throws Exception {
        Path fifo = fifo("chain.fifo");
        Cli.Run asChain = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.run("evaluate", fifo.toString()));
        Cli.Run asAnchor = assertTimeoutPreemptively(
                HANG_GUARD, () -> Cli.run("evaluate", chain.toString(), "--anchor", fifo.toString()));

        assertThat(asChain.status()).isEqualTo(2);
        assertThat(asChain.err()).contains("not a regular file");
        assertThat(asAnchor.status()).isEqualTo(2);
        assertThat(asAnchor.err().lines())
                .singleElement()
                .asString()
                .contains("--anchor")
                .contains("not a regular file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zero", "fifo", "big", "directory"})
    void everyFileOption_refusesWhatIsNotARegularFileOfBoundedSize(String kind) throws Exception {
        Path bad = switch (kind) {
            case "zero" -> zero;
            case "fifo" -> fifo(kind + ".fifo");
            case "big" -> big;
            default -> dir;
        };
        assumeThat(Files.exists(bad)).isTrue();
        List<String> failures = new ArrayList<>();
        for (String option : FILE_OPTIONS) {
            if (kind.equals("big") && option.equals("--revocation-database")) {
                continue; // SQLite reads only the pages it needs: no size limit for the database
            }
            Cli.Run run = assertTimeoutPreemptively(
                    HANG_GUARD, () -> Cli.run("evaluate", chain.toString(), option, bad.toString()));
            List<String> err = run.err().lines().toList();
            if (run.status() != 2
                    || err.size() != 1
                    || !err.get(0).contains(option)
                    || !err.get(0).contains(bad.getFileName().toString())) {
                failures.add(option + " -> " + run.status() + " " + run.err());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void copyExceptionsIntoAFifo_isRefused_notWaitedOn() throws Exception {
        Path fifo = fifo("out.fifo");
        Cli.Run run = assertTimeoutPreemptively(
                HANG_GUARD, () -> Cli.run("evaluate", chain.toString(), "--copy-exceptions", fifo.toString()));

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines())
                .singleElement()
                .asString()
                .contains("--copy-exceptions")
                .contains("not a regular file");
    }

    private static Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        if (!Files.exists(fifo)) {
            int status;
            try {
                status = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
            } catch (IOException e) {
                status = -1; // no mkfifo on this platform
            }
            assumeThat(status).as("mkfifo").isZero();
        }
        return fifo;
    }
}
