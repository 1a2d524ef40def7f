package io.github.sectrust4j.cli;

/**
 * How many lines {@code batch} evaluates at once without {@code --threads}: one per processor, since a distinct
 * chain's evaluation is CPU work (signature checks) and responses keep their order whatever the count; at most
 * {@value #MAX_DEFAULT}, so the lines in flight (4 per thread) stay few on a large machine.
 */
final class BatchThreads {
    static final int MAX_DEFAULT = 8;

    private BatchThreads() {}

    static int byDefault() {
        return Math.max(1, Math.min(MAX_DEFAULT, Runtime.getRuntime().availableProcessors()));
    }
}
