package io.github.sectrust4j.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code batch} on several threads: the calling thread reads lines and hands them to a pool of workers, and one
 * writer thread writes the answers in input order as they complete. Cheap lines go over in runs (lines already
 * read, never waiting for input, so a client that sends one line and waits for its answer gets it): each hand-over
 * wakes threads, which costs a repeated line more than its answer and a distinct one a few per cent. A run is sized
 * from the measured cost of recent lines to take about {@value #RUN_NANOS} ns, at most {@value #RUN} lines; lines
 * that cost that much alone (network fetches, huge requests) and the input's first lines go one at a time, so
 * expensive lines are spread over the workers as before. The window between them holds at most
 * {@code 4 × threads} runs, so memory stays bounded; nothing is locked but that queue. When it is full the reader
 * waits until the writer has taken half of it, then hands over several runs: woken once for them, not for each.
 * The writer flushes whenever it has nothing ready to write, so a client that waits for each answer before sending
 * its next line gets it (the reader may be waiting for that line meanwhile).
 */
final class BatchPipeline {
    /** Lines handed to a worker together at most. */
    static final int RUN = 16;

    /** What a run should cost: far above a hand-over (tens of µs), far below what would unbalance the workers. */
    static final long RUN_NANOS = 2_000_000;

    /**
     * A moving average of what one line cost its worker, in nanoseconds; it starts at {@link #RUN_NANOS} (one line a
     * run until lines are measured). Racy updates lose a sample at worst: it only sizes runs, never an answer.
     */
    private final AtomicLong lineNanos = new AtomicLong(RUN_NANOS);

    /** Runs handed over so far (the reading thread's count; tests). */
    private long runs;

    /** Marks the end of input in the window. */
    private static final Future<List<String>> END = CompletableFuture.completedFuture(null);

    private final int threads;
    private final Function<LineReader.Line, String> respond;
    private final Predicate<String> emit;
    private final Runnable flush;

    /**
     * @param respond the answer to a line (never throws for anything a line holds)
     * @param emit writes one answer; false when the output is found closed
     * @param flush pushes what was written to the output
     */
    BatchPipeline(int threads, Function<LineReader.Line, String> respond, Predicate<String> emit, Runnable flush) {
        this.threads = threads;
        this.respond = respond;
        this.emit = emit;
        this.flush = flush;
    }

    /** Answers every line; false when the output was closed before the last answer was written. */
    boolean run(LineReader lines) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sectrust4j-batch");
            t.setDaemon(true);
            return t;
        });
        BlockingQueue<Future<List<String>>> window = new ArrayBlockingQueue<>(threads * 4);
        Writer writer = new Writer(window);
        Thread writing = new Thread(writer, "sectrust4j-batch-writer");
        writing.setDaemon(true);
        writing.start();
        try {
            for (LineReader.Line line = lines.next(); line != null && !writer.stopped; line = lines.next()) {
                List<LineReader.Line> run = new ArrayList<>(RUN);
                run.add(line);
                int limit = runLimit();
                for (LineReader.Line more; run.size() < limit && (more = lines.nextIfBuffered()) != null; ) {
                    run.add(more);
                }
                runs++;
                if (!put(window, CompletableFuture.supplyAsync(() -> answers(run), pool), writer)) {
                    break;
                }
            }
            put(window, END, writer);
            writing.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while answering", e);
        } finally {
            pool.shutdownNow();
            writing.interrupt();
            // after a read failure the writer may still be writing: let it stop before the caller reports
            try {
                writing.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (writer.failure instanceof RuntimeException e) {
            throw e;
        }
        if (writer.failure instanceof Error e) {
            throw e;
        }
        return !writer.closed;
    }

    /** Runs handed over so far (tests). */
    long runs() {
        return runs;
    }

    /** How many lines the next run may take: about {@link #RUN_NANOS} of work, 1 to {@link #RUN}. */
    int runLimit() {
        return (int) Math.max(1, Math.min(RUN, RUN_NANOS / Math.max(1, lineNanos.get())));
    }

    /** The answers to a run of lines, in order; each line's cost goes into the average. */
    private List<String> answers(List<LineReader.Line> run) {
        List<String> out = new ArrayList<>(run.size());
        for (LineReader.Line l : run) {
            long start = System.nanoTime();
            out.add(respond.apply(l));
            long average = lineNanos.get();
            lineNanos.set(average + (System.nanoTime() - start - average) / 8);
        }
        return out;
    }

    /**
     * Puts {@code f} into the window; when it is full, waits until the writer has taken half of it (so the reading
     * thread is woken once for several runs, not for each); false if the writer stopped meanwhile.
     */
    private static boolean put(BlockingQueue<Future<List<String>>> window, Future<List<String>> f, Writer writer)
            throws InterruptedException {
        while (!window.offer(f)) {
            if (writer.stopped) {
                return false;
            }
            writer.readerWaiting = true; // before the size is read: a take after it sees the flag
            if (window.size() > writer.wakeAt) {
                LockSupport.parkNanos(window, TimeUnit.MILLISECONDS.toNanos(100));
            }
            writer.readerWaiting = false;
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return true;
    }

    /** Writes the window's answers in order until the end of input, a closed output or a failure. */
    private final class Writer implements Runnable {
        private final BlockingQueue<Future<List<String>>> window;
        private final Thread reader = Thread.currentThread();
        /** The reading thread waits for room until the window holds at most this many runs. */
        final int wakeAt;

        volatile boolean readerWaiting;
        volatile boolean stopped;
        volatile boolean closed;
        volatile Throwable failure;

        Writer(BlockingQueue<Future<List<String>>> window) {
            this.window = window;
            this.wakeAt = (window.size() + window.remainingCapacity()) / 2;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Future<List<String>> next = window.poll();
                    if (next == null || !next.isDone()) {
                        flush.run(); // nothing ready to write: what was written goes out now
                        if (next == null) {
                            next = window.take();
                        }
                    }
                    if (readerWaiting && window.size() <= wakeAt) {
                        LockSupport.unpark(reader); // half the window is free: the reader hands over several runs
                    }
                    if (next == END) {
                        return;
                    }
                    List<String> answers = await(next);
                    if (answers == null) { // a run always answers: never end the output early on a missing one
                        throw new IllegalStateException("a run of lines got no answers");
                    }
                    for (String answer : answers) {
                        if (answer == null) { // respond() always answers
                            throw new IllegalStateException("a line got no answer");
                        }
                        if (!emit.test(answer)) {
                            closed = true;
                            return;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                stopped = true;
                LockSupport.unpark(reader);
            }
        }
    }

    private static List<String> await(Future<List<String>> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // respond() catches everything a line can cause; an Error (e.g. out of memory) lands here
            throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
        }
    }
}
