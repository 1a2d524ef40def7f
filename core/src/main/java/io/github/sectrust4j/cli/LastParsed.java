package io.github.sectrust4j.cli;

import java.util.function.Function;

/**
 * The value last parsed from an input, reused while the next input is equal: the lines of one batch run mostly
 * repeat their {@code at} and {@code ctLogs}, and reading them again (a date, log keys) costs more than comparing.
 * Only a successful parse is kept; parsing must be a pure function of the input. Thread-safe: a race parses twice.
 */
final class LastParsed<K, V> {
    private record Entry<K, V>(K input, V value) {}

    private volatile Entry<K, V> last;

    V get(K input, Function<K, V> parse) {
        Entry<K, V> e = last;
        if (e != null && e.input().equals(input)) {
            return e.value();
        }
        V value = parse.apply(input);
        last = new Entry<>(input, value);
        return value;
    }
}
