package io.github.sectrust4j;

import java.util.List;

/**
 * Text given as a host name is not one a client connects to: a URL with a path, {@code host:port}, a
 * list, spaces, an empty label, a wildcard, … ({@link HostName#parse}). The message says what is
 * wrong; {@link #suggestions()} holds the bare name(s) to give instead, when they can be told.
 */
public class InvalidHostNameException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String input;
    private final List<String> suggestions;

    public InvalidHostNameException(String input, String message, List<String> suggestions) {
        super(message);
        this.input = input;
        this.suggestions = List.copyOf(suggestions);
    }

    /** The text as given. */
    public String input() {
        return input;
    }

    /** The bare host names to give instead (usually one; several for a list); empty when none can be told. */
    public List<String> suggestions() {
        return suggestions;
    }
}
