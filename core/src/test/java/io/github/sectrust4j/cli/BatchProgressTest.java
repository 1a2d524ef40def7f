package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.cert.NativeVerifications;
import io.github.sectrust4j.cert.SignatureBackends;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@code batch --progress}: a throttled status line and a summary on stderr, stdout untouched. */
class BatchProgressTest {
    private static final String TRUSTED = "{\"id\":1,\"trusted\":true,\"result\":\"PROCEED\"}";
    private static final String NOT_TRUSTED = "{\"id\":2,\"trusted\":false,\"error\":{\"name\":\"x\",\"code\":-1}}";
    private static final String INPUT = "{\"id\":3,\"error\":{\"input\":\"chain: missing\"}}";
    private static final String INTERNAL = "{\"id\":4,\"error\":{\"internal\":\"boom\"}}";

    @Test
    void terminal_redrawsAtMostFourTimesASecond_thenClearsAndSummarises() {
        AtomicLong now = new AtomicLong(0);
        StringWriter err = new StringWriter();
        BatchProgress p = new BatchProgress(new PrintWriter(err), true, true, now::get, () -> "conscrypt");
        for (int i = 0; i < 100; i++) { // 100 lines within 0.2 s: no redraw yet
            now.addAndGet(2_000_000L);
            p.responded(TRUSTED);
        }
        assertThat(err.toString()).isEmpty();
        now.addAndGet(60_000_000L); // 0.26 s
        p.responded(NOT_TRUSTED);
        p.responded(INPUT); // same instant: throttled
        assertThat(err.toString())
                .startsWith("\rsectrust4j batch: 101 lines (100 trusted, 1 not trusted, 0 input "
                        + "errors, 0 internal errors), ")
                .doesNotContain("\n")
                .containsOnlyOnce("\r");
        now.addAndGet(1_000_000_000L);
        p.responded(INTERNAL + "\n" + TRUSTED); // an ios array: one line, two responses
        p.finish();
        assertThat(err.toString())
                .contains(
                        "103 lines, 104 responses (101 trusted, 1 not trusted, 1 input errors, " + "1 internal errors)")
                .endsWith(
                        "\rsectrust4j batch: done, 103 lines, 104 responses (101 trusted, "
                                + "1 not trusted, 1 input errors, 1 internal errors) in 1.3 s; signatures verified by conscrypt\n");
    }

    @Test
    void disabled_writesNothing() {
        StringWriter err = new StringWriter();
        BatchProgress p = new BatchProgress(new PrintWriter(err), false, true, System::nanoTime, () -> "bc");
        p.responded(TRUSTED);
        p.finish();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void cli_progressForced_summaryOnStderr_stdoutIdentical() {
        BatchCommandTest.mint(); // its requests' certificates (no reliance on test-class order)
        String lines = BatchCommandTest.line("a", "\"host\":\"sip.contoso.com\"") + "\n"
                + BatchCommandTest.line("b", "\"host\":\"www.fabrikam.com\"") + "\n" + "not json\n";
        Cli.Run plain = Cli.withStdin(lines, "batch");
        Cli.Run forced = Cli.withStdin(lines, "batch", "--progress");
        Cli.Run off = Cli.withStdin(lines, "batch", "--no-progress");
        assertThat(plain.err()).isEmpty(); // not a terminal: quiet by default
        assertThat(off.err()).isEmpty();
        assertThat(forced.out()).isEqualTo(plain.out());
        assertThat(forced.err())
                .matches("sectrust4j batch: done, 3 lines \\(0 trusted, 2 not trusted, 1 input errors, "
                        + "0 internal errors\\) in \\d+\\.\\d s; signatures verified by "
                        + SignatureBackends.current().name() + "\\R");
    }

    @Test
    void cli_summaryNamesTheVerifierThatWorked() {
        BatchCommandTest.mint();
        String lines = BatchCommandTest.line("a", "\"host\":\"sip.contoso.com\"") + "\n";
        try {
            for (String verifier : java.util.stream.Stream.concat(
                            java.util.stream.Stream.of("bc"), NativeVerifications.providers().stream())
                    .toList()) {
                Cli.Run run = Cli.withStdin(lines, "batch", "--progress", "--verifier", verifier);
                assertThat(run.err()).as(verifier).endsWith("; signatures verified by " + verifier + "\n");
            }
        } finally {
            SignatureBackends.use(System.getProperty(SignatureBackends.PROPERTY, "auto"));
        }
    }
}
