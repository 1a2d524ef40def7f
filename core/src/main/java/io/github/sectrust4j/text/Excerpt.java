package io.github.sectrust4j.text;

/**
 * A short excerpt of caller-supplied text for an error message: a message that echoes input must stay
 * one readable line, whatever the input (a 100 KB PEM label, a path of control characters). Internal
 * to sectrust4j.
 */
public final class Excerpt {
    /** The most characters of input an error message repeats. */
    public static final int MAX_CHARS = 80;

    /** The most characters an error message (which may quote several inputs) keeps. */
    public static final int MAX_MESSAGE_CHARS = 1_000;

    private Excerpt() {}

    /**
     * An error message cut to {@value #MAX_MESSAGE_CHARS} characters: the backstop for messages that
     * quote input through a path not yet using {@link #of(String)}.
     */
    public static String message(String message) {
        return message == null || message.length() <= MAX_MESSAGE_CHARS ? message : cut(message, MAX_MESSAGE_CHARS);
    }

    /**
     * {@code text} with control characters shown as {@code ?} and, past {@value #MAX_CHARS}
     * characters, cut with "… (n characters)" naming the full length.
     */
    public static String of(String text) {
        return text == null ? "null" : cut(text, MAX_CHARS);
    }

    private static String cut(String text, int max) {
        int n = text.length();
        int keep = n <= max ? n : max;
        if (keep < n && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--; // never split a surrogate pair
        }
        StringBuilder sb = new StringBuilder(keep + 24);
        for (int i = 0; i < keep; i++) {
            char c = text.charAt(i);
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        if (keep < n) {
            sb.append("… (").append(n).append(" characters)");
        }
        return sb.toString();
    }
}
