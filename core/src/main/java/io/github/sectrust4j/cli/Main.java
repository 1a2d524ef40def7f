package io.github.sectrust4j.cli;

/** Entry point of {@code sectrust4j.jar}; the commands arrive with the evaluator. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.err.println("sectrust4j: no commands yet");
        System.exit(2);
    }
}
