package io.github.sectrust4j.cli;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code batch} on several threads: the calling thread reads lines and hands each to a pool of workers, and one
 * writer thread writes the answers in input order as they complete. The window between them holds at most
 * {@code 4 × threads} lines, so memory stays bounded; nothing is locked but that queue. The writer flushes
 * whenever it has nothing ready to write, so a client that waits for each answer before sending its next line
 * gets it (the reader may be waiting for that line meanwhile).
 */
final class BatchPipeline {
    /** Marks the end of input in the window. */
    private static final Future<String> END = CompletableFuture.completedFuture(null);

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
        BlockingQueue<Future<String>> window = new ArrayBlockingQueue<>(threads * 4);
        Writer writer = new Writer(window);
        Thread writing = new Thread(writer, "sectrust4j-batch-writer");
        writing.setDaemon(true);
        writing.start();
        try {
            for (LineReader.Line line = lines.next(); line != null && !writer.stopped; line = lines.next()) {
                LineReader.Line l = line;
                if (!put(window, CompletableFuture.supplyAsync(() -> respond.apply(l), pool), writer)) {
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

    /** Waits for room in the window; false if the writer stopped meanwhile. */
    private static boolean put(BlockingQueue<Future<String>> window, Future<String> f, Writer writer)
            throws InterruptedException {
        while (!window.offer(f, 100, TimeUnit.MILLISECONDS)) {
            if (writer.stopped) {
                return false;
            }
        }
        return true;
    }

    /** Writes the window's answers in order until the end of input, a closed output or a failure. */
    private final class Writer implements Runnable {
        private final BlockingQueue<Future<String>> window;
        volatile boolean stopped;
        volatile boolean closed;
        volatile Throwable failure;

        Writer(BlockingQueue<Future<String>> window) {
            this.window = window;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Future<String> next = window.poll();
                    if (next == null || !next.isDone()) {
                        flush.run(); // nothing ready to write: what was written goes out now
                        if (next == null) {
                            next = window.take();
                        }
                    }
                    if (next == END) {
                        return;
                    }
                    String answer = await(next);
                    if (answer == null) { // respond() always answers: never end the output early on a missing one
                        throw new IllegalStateException("a line got no answer");
                    }
                    if (!emit.test(answer)) {
                        closed = true;
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                stopped = true;
            }
        }
    }

    private static String await(Future<String> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // respond() catches everything a line can cause; an Error (e.g. out of memory) lands here
            throw new IllegalStateException("evaluation failed: " + e.getCause(), e.getCause());
        }
    }
}
