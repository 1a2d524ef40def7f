package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.cert.SignatureBackends;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Progress of a long {@code batch} run on stderr (never stdout, which carries the responses): a status
 * line redrawn in place at most four times a second when stderr is a terminal (once a second, one line
 * each, when forced onto a file), and a summary at the end — lines, responses, trusted, not trusted,
 * input errors, internal errors, time, and the signature verifier that did the work (which provider {@code auto}
 * found is otherwise invisible). Off unless stderr is a terminal or {@code --progress} asks for it.
 * Used by the one thread that writes responses.
 */
final class BatchProgress {
    private static final long TERMINAL_INTERVAL = 250_000_000L;
    private static final long FILE_INTERVAL = 1_000_000_000L;

    /**
     * Set by {@link Main#main}: the command line writes to this process's own stderr. In-process runs
     * (tests, embedders) never switch progress on by themselves.
     */
    static volatile boolean processStderr;

    private final PrintWriter err;
    private final boolean enabled;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private final Supplier<String> verifier;
    private final long start;
    private long lastDraw;
    private int drawnWidth;
    private long lines;
    private final BatchTally tally = new BatchTally();

    BatchProgress(
            PrintWriter err, boolean enabled, boolean terminal, LongSupplier nanoTime, Supplier<String> verifier) {
        this.err = err;
        this.enabled = enabled;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        this.verifier = verifier;
        this.start = nanoTime.getAsLong();
        this.lastDraw = start;
    }

    /** {@code --progress} / {@code --no-progress}, or (null) on exactly when stderr is a terminal. */
    static BatchProgress create(PrintWriter err, Boolean option) {
        boolean terminal = stderrIsTerminal();
        return new BatchProgress(
                err, option == null ? terminal : option, terminal, System::nanoTime, BatchProgress::verifierName);
    }

    /** The backend verifying signatures now ({@code batch} checked at its start that the selection is usable). */
    private static String verifierName() {
        try {
            return SignatureBackends.current().name();
        } catch (IllegalStateException e) {
            return "none (" + e.getMessage() + ")";
        }
    }

    /**
     * Whether this process's stderr is a terminal: the target of /proc/self/fd/2 on Linux; elsewhere
     * {@code System.console() != null} (stdin and stdout are terminals — the best Java offers).
     */
    static boolean stderrIsTerminal() {
        if (!processStderr) {
            return false;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** One input line answered ({@code response}: one JSON line, or several for an {@code ios} array). */
    void responded(String response) {
        if (!enabled) {
            return;
        }
        lines++;
        for (String line : response.split("\n")) {
            count(line);
        }
        long now = nanoTime.getAsLong();
        if (now - lastDraw >= (terminal ? TERMINAL_INTERVAL : FILE_INTERVAL)) {
            lastDraw = now;
            String status = "sectrust4j batch: " + counts()
                    + String.format(Locale.ROOT, ", %.1f lines/s", lines / seconds(now));
            if (terminal) {
                err.print("\r" + status + " ".repeat(Math.max(0, drawnWidth - status.length())));
                drawnWidth = status.length();
            } else {
                err.println(status);
            }
            err.flush();
        }
    }

    /** The summary line (after clearing the status line). */
    void finish() {
        if (!enabled) {
            return;
        }
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
        }
        err.println("sectrust4j batch: done, " + counts()
                + String.format(Locale.ROOT, " in %.1f s", seconds(nanoTime.getAsLong())) + "; signatures verified by "
                + verifier.get());
        err.flush();
    }

    private String counts() {
        return lines + (lines == 1 ? " line" : " lines")
                + (tally.responses() == lines ? "" : ", " + tally.responses() + " responses") + " (" + tally.summary()
                + ")";
    }

    private double seconds(long now) {
        return Math.max(1, now - start) / 1e9;
    }

    private void count(String line) {
        JsonNode r;
        try {
            r = BatchProcessor.MAPPER.readTree(line);
        } catch (IOException e) {
            r = null; // the processor writes JSON; anything else is a bug, counted as internal
        }
        tally.add(r);
    }
}
