package io.github.sectrust4j.cli;

import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.text.Excerpt;
import io.github.sectrust4j.truststores.AppleTrustStores;
import io.github.sectrust4j.truststores.TrustStoreVersionInfo;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of {@code sectrust4j.jar}: {@code evaluate}, {@code batch}, {@code stores} (BATCH-CONTRACT.md)
 * and {@code profile}. Exit status: 0 trusted / done, 1 not trusted, 2 bad input or usage (message on
 * stderr, never a stack trace), 3 internal error.
 *
 * <p>Tests and embedders run it in-process: {@code Main.commandLine(stdin).setOut(..).setErr(..).execute(args)}.
 */
@Command(
        name = "sectrust4j",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        usageHelpAutoWidth = true, // subcommands: see SUBCOMMANDS
        description = "Simulates iOS trust evaluation (SecTrust, SSL server policy) offline: would an iPhone trust "
                + "this server chain, and if not, exactly why and what to change.",
        footer = {
            "",
            "Exit status: 0 trusted (evaluate) or done (batch, stores), 1 not trusted, "
                    + "2 bad input or usage (message on stderr), 3 internal error (please report it)."
        })
public final class Main implements Runnable {
    /** Exit status for bad input or usage. */
    public static final int BAD_INPUT = 2;
    /** Exit status for a failure that is a bug, not the input's fault. */
    public static final int INTERNAL_ERROR = 3;

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    private Main(InputStream stdin) {
        this.stdin = stdin;
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: evaluate, batch, stores or profile");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new Utf8Writer(new FileOutputStream(FileDescriptor.out), 1 << 16));
        PrintWriter err = new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        BatchProgress.processStderr = true; // err is this process's stderr: batch may show progress on a terminal
        int status;
        try {
            status = commandLine(System.in, args.length == 0 ? "" : args[0])
                    .setOut(out)
                    .setErr(err)
                    .execute(args);
        } catch (RuntimeException | Error e) { // never the JVM's exit 1 ("not trusted") with a stack trace
            err.println("sectrust4j: internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            status = INTERNAL_ERROR;
        }
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * The command line reading batch requests from {@code stdin}; set its out/err writers and call
     * {@link CommandLine#execute}. Input errors become status 2 with one line on stderr, unexpected
     * failures status 3 — never a stack trace.
     */
    public static CommandLine commandLine(InputStream stdin) {
        return commandLine(stdin, "");
    }

    /**
     * The commands, in the order the usage lists them. Picocli reads every command's options by reflection
     * when it is added (a third of a first verdict's start-up), so a process whose first argument names one
     * command adds only that one ({@link #commandLine(InputStream, String)}).
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("evaluate", EvaluateCommand::new);
        m.put("batch", BatchCommand::new);
        m.put("stores", StoresCommand::new);
        m.put("profile", ProfileCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        return m;
    }

    /** As {@link #commandLine(InputStream)}; with {@code first} naming a command other than help, that command only. */
    static CommandLine commandLine(InputStream stdin, String first) {
        Objects.requireNonNull(stdin, "stdin");
        CommandLine cmd = new CommandLine(new Main(stdin));
        boolean one = SUBCOMMANDS.containsKey(first) && !first.equals("help");
        SUBCOMMANDS.forEach((name, command) -> {
            if (!one || name.equals(first)) {
                cmd.addSubcommand(name, command.get());
            }
        });
        cmd.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            PrintWriter err = c.getErr();
            err.println(prefix(c) + e.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
                err.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            err.flush();
            return BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((e, c, parseResult) -> {
            PrintWriter err = c.getErr();
            if (e instanceof InputError) {
                err.println(prefix(c) + Excerpt.message(e.getMessage()));
                err.flush();
                return BAD_INPUT;
            }
            err.println(prefix(c) + "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            err.flush();
            return INTERNAL_ERROR;
        });
        return cmd;
    }

    private static String prefix(CommandLine c) {
        return c.getCommandSpec().qualifiedName() + ": ";
    }

    /** {@code --version}: the build, the modelled iOS range and the bundled trust stores. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            List<TrustStoreVersionInfo> stores = AppleTrustStores.versions();
            return new String[] {
                "sectrust4j " + (v == null ? "(development build)" : v),
                "iOS rules " + IosRelease.OLDEST + " to " + IosRelease.NEWEST + "; Apple trust stores "
                        + stores.get(0).trustStoreVersion() + " to "
                        + stores.get(stores.size() - 1).trustStoreVersion()
                        + " (" + stores.size() + " versions)"
            };
        }
    }
}
