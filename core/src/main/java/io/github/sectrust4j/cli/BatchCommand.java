package io.github.sectrust4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code batch}: JSON lines in on stdin, JSON lines out on stdout, same order, same {@code id}
 * (BATCH-CONTRACT.md). Streaming: each response is written as soon as it (and every response before it) is
 * ready, and flushed whenever the command would wait; at most a small window of lines is held, whatever the input
 * size.
 */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Evaluates one JSON request per stdin line and writes one JSON response per line to stdout, "
                + "in the same order, echoing each request's id (see docs/BATCH-CONTRACT.md in the sectrust4j repository). A line that cannot be parsed "
                + "or evaluated yields {\"id\": ..., \"error\": {\"input\": \"...\"}}; processing always goes on. "
                + "Pass \"at\" in each request for reproducible results. Per line at most 100,000 JSON values, "
                + "1 MiB per string and nesting depth 32 (BATCH-CONTRACT.md, Limits).",
        footer = {
            "",
            "A request whose \"ios\" is an array, e.g. [\"10.2\", \"10.3\", \"17.4\"], is answered with one "
                    + "line per release, in that order (each with its \"ios\").",
            "",
            "Exit status: 0 when all input was read (whatever the verdicts); 2 on usage errors, "
                    + "when stdin cannot be read or stdout is closed; 3 on an internal error of the run."
        })
final class BatchCommand implements Callable<Integer> {
    static final int DEFAULT_MAX_LINE = RequestLimits.MAX_LINE_CHARS;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Evaluate up to N lines in parallel; output order is preserved "
                    + "(default: the number of processors, at most " + BatchThreads.MAX_DEFAULT + ").")
    private Integer threads;

    @Option(
            names = "--max-line-length",
            paramLabel = "CHARS",
            defaultValue = "" + DEFAULT_MAX_LINE,
            description = "Longest request line accepted; a longer line gets an input error "
                    + "(default: ${DEFAULT-VALUE}).")
    private int maxLineLength;

    @picocli.CommandLine.Mixin
    private CtLogCacheOptions ctLogCache = new CtLogCacheOptions();

    @picocli.CommandLine.Mixin
    private VerifierOption verifier = new VerifierOption();

    /** Output forms: the contract's JSON lines, or a table for people. */
    enum Format {
        json,
        table
    }

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "json",
            description = "json: one JSON response per line (the contract, default); table: one row per request "
                    + "(verdict, error, top finding, fix) and a closing count, for reading.")
    private Format format;

    @Option(
            names = "--progress",
            negatable = true,
            description =
                    "Show progress and a final summary (lines, trusted, not trusted, input and internal "
                            + "errors, time, the signature verifier used) on stderr; default: only when stderr is a terminal. Stdout stays JSON lines only.")
    private Boolean progress;

    /** Made by call(): picocli builds every command to parse a line, and evaluate or --help need no JSON mapper. */
    private BatchProcessor processor;

    /** Responses between two checks that stdout is still open (a check flushes). */
    private static final int CHECK_EVERY = 64;

    private long written;

    private BatchTable table;
    private BatchProgress meter;

    @Override
    public Integer call() {
        verifier.requireUsable();
        if (threads == null) {
            threads = BatchThreads.byDefault();
        }
        if (threads < 1 || threads > 256) {
            throw new ParameterException(spec.commandLine(), "--threads must be between 1 and 256, was " + threads);
        }
        if (maxLineLength < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--max-line-length must be positive, was " + maxLineLength);
        }
        processor = new BatchProcessor();
        processor.useCtLogCache(ctLogCache);
        PrintWriter out = spec.commandLine().getOut();
        LineReader lines = new LineReader(
                main.stdin(), maxLineLength, out::flush); // what was answered goes out before the reader waits
        table = format == Format.table ? new BatchTable(out) : null;
        meter = BatchProgress.create(spec.commandLine().getErr(), progress);
        try {
            int status = threads == 1 ? sequential(lines, out) : parallel(lines, out);
            if (table != null && status == 0) {
                table.finish();
            }
            return status;
        } catch (IOException e) {
            throw new InputError("cannot read stdin: " + e.getMessage(), e);
        } finally {
            meter.finish();
        }
    }

    private int sequential(LineReader lines, PrintWriter out) throws IOException {
        for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
            if (!emit(out, respond(line))) {
                return outputClosed();
            }
        }
        return flushed(out) ? 0 : outputClosed();
    }

    /** Lines answered on {@code threads} workers, written in input order ({@link BatchPipeline}). */
    private int parallel(LineReader lines, PrintWriter out) throws IOException {
        boolean complete = new BatchPipeline(threads, this::respond, r -> emit(out, r), out::flush).run(lines);
        return complete && flushed(out) ? 0 : outputClosed();
    }

    private String respond(LineReader.Line line) {
        return line.tooLong() ? processor.tooLong(line.text(), maxLineLength) : processor.process(line.text());
    }

    /** Writes a response; false when stdout is found closed (checked every {@value #CHECK_EVERY} responses). */
    private boolean emit(PrintWriter out, String response) {
        meter.responded(response);
        if (table != null) {
            for (String line : response.split("\n")) { // an "ios" array answers with several lines
                table.row(line);
            }
        } else {
            out.print(response);
            out.print('\n');
        }
        return ++written % CHECK_EVERY != 0 || flushed(out);
    }

    /** Flushes what was written; false when stdout is closed. */
    private static boolean flushed(PrintWriter out) {
        return !out.checkError(); // flushes, then reports any failed write
    }

    private int outputClosed() {
        spec.commandLine().getErr().println("sectrust4j batch: stdout is closed; stopping");
        return 2;
    }
}
