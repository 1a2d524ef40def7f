package io.github.sectrust4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Main.main builds only the command its first argument names (start-up); every answer — usage, help,
 * errors, suggestions, exit status — must be the one the full command line gives.
 */
class SubcommandSelectionTest {

    static List<List<String>> arguments() {
        return List.of(
                List.of(),
                List.of("--help"),
                List.of("--version"),
                List.of("help"),
                List.of("help", "evaluate"),
                List.of("help", "stores"),
                List.of("evaluat"),
                List.of("bogus", "--help"),
                List.of("evaluate", "--help"),
                List.of("evaluate", "--version"),
                List.of("evaluate"),
                List.of("evaluate", "--bogus"),
                List.of("evaluate", "--hots", "a.example"),
                List.of("evaluate", "no-such-file.pem", "--host", "a.example"),
                List.of("batch", "--help"),
                List.of("batch", "--threads", "0"),
                List.of("stores"),
                List.of("stores", "--help"),
                List.of("stores", "show", "--help"),
                List.of("stores", "update"),
                List.of("profile", "--help"),
                List.of("profile"));
    }

    @ParameterizedTest
    @MethodSource("arguments")
    void theCommandNamedFirstAloneAnswersAsTheFullCommandLine(List<String> args) {
        String[] a = args.toArray(String[]::new);
        String first = a.length == 0 ? "" : a[0];
        Cli.Run full = run(Main.commandLine(new ByteArrayInputStream(new byte[0])), a);
        Cli.Run selected = run(Main.commandLine(new ByteArrayInputStream(new byte[0]), first), a);

        assertThat(selected).isEqualTo(full);
        assertThat(full.out() + full.err()).isNotBlank(); // every case prints something to compare
    }

    @ParameterizedTest
    @MethodSource("arguments")
    void onlyTheNamedCommandIsBuilt(List<String> args) {
        String first = args.isEmpty() ? "" : args.get(0);
        CommandLine cmd = Main.commandLine(new ByteArrayInputStream(new byte[0]), first);
        boolean named = List.of("evaluate", "batch", "stores", "profile").contains(first);
        assertThat(cmd.getSubcommands().keySet())
                .isEqualTo(
                        named
                                ? java.util.Set.of(first)
                                : java.util.Set.of("evaluate", "batch", "stores", "profile", "help"));
    }

    private static Cli.Run run(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int status = cmd.execute(args);
        return new Cli.Run(status, out.toString(), err.toString());
    }
}
